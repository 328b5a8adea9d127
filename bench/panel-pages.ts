/**
 * The page-speed part of `npm run bench:panel` (its own file, so other measures merge beside it).
 * One table, side by side, each line with its target:
 *   - server time of the VM list, the dashboard and a VM's page next to their upstream time, and
 *     the ratio (the panel's own overhead; target ≤ 1.5);
 *   - the VM list at 10,000 VMs against the same list at 100 (target ≤ 1.5: paging and filtering
 *     happen upstream, not in the page);
 *   - the dashboard's first-load JavaScript, gzip-compressed (target ≤ 130 KB).
 *
 * How "upstream time" is measured: the counting proxy between the panel and the simulator stamps
 * each XML-RPC call's start (request fully received) and end (answer fully sent back). A page's
 * upstream time is the length of the UNION of its calls' intervals: calls made in parallel count
 * once (their critical path), calls made one after another add up. It is what a panel with zero
 * overhead of its own would still wait for, given the calls it makes. The ratio is taken per
 * render (page and upstream of the same render, under the same machine load) and the median of
 * those ratios is reported.
 *
 * The simulator answers in about a millisecond, so upstream time in section (1) is tiny and the
 * ratio there mostly divides the fixed cost of rendering a page by ~2 ms. Section (1') repeats the
 * measures with a round trip added to every call at the proxy (BENCH_UPSTREAM_RTT_MS, default 25 —
 * a nearby datacenter; Gandi's own answers take longer), which is where the targets are meaningful:
 * there the ratio shows what the panel adds to the API's time, and sequential or extra calls show.
 */
import { loadavg, cpus } from 'node:os';
import { gzipSync } from 'node:zlib';

export interface UpstreamCall {
  method: string;
  start: number;
  end: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Length of the union of the calls' [start, end] intervals: time spent waiting on upstream. */
export function busyTime(calls: UpstreamCall[]): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const call of sorted) {
    if (call.start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = call.start;
      curEnd = call.end;
    } else curEnd = Math.max(curEnd, call.end);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

export interface PageTiming {
  page: number;
  upstream: number;
  /** Median of the per-render ratios page / upstream. */
  ratio: number;
  calls: number;
  /** Calls of the last render, by method (`hosting.vm.list ×2`). */
  methods: string;
}

function methodSummary(calls: UpstreamCall[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const name = call.method.replace(/^hosting\./, '');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
}

/**
 * Median server time of `runs` renders of `path` (the whole streamed document), with the upstream
 * busy time and number of calls of each render. One warm-up render first (fills the connection
 * pools and the reference cache, as any earlier page of the session would have).
 */
export async function measurePage(
  base: string,
  cookie: string,
  path: string,
  calls: UpstreamCall[],
  { runs = 10, mustContain }: { runs?: number; mustContain: string },
): Promise<PageTiming> {
  const pageTimes: number[] = [];
  const upstreamTimes: number[] = [];
  const ratios: number[] = [];
  const callCounts: number[] = [];
  let methods = '';
  await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  for (let run = 0; run < runs; run += 1) {
    const from = calls.length;
    const start = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    const html = await response.text();
    const elapsed = performance.now() - start;
    if (!response.ok || !html.includes(mustContain))
      throw new Error(`${path} answered ${response.status} without “${mustContain}”`);
    const made = calls.slice(from);
    const upstream = busyTime(made);
    pageTimes.push(elapsed);
    upstreamTimes.push(upstream);
    ratios.push(elapsed / Math.max(upstream, 0.001));
    callCounts.push(made.length);
    methods = methodSummary(made);
  }
  return {
    page: median(pageTimes),
    upstream: median(upstreamTimes),
    ratio: median(ratios),
    calls: median(callCounts),
    methods,
  };
}

/** Sum of the gzip-compressed sizes (level 9) of the scripts a fresh load of `path` fetches. */
export async function firstLoadJsGzip(
  base: string,
  cookie: string,
  path: string,
): Promise<{ bytes: number; scripts: number }> {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  // A modern browser skips `nomodule` scripts (the polyfills): they are not part of its load.
  const sources = new Set(
    [...html.matchAll(/<script([^>]*)>/g)]
      .filter((match) => !/\snomodule/i.test(match[1] ?? ''))
      .map((match) => /\ssrc="([^"]+\.js[^"]*)"/.exec(match[1] ?? '')?.[1])
      .filter((source): source is string => source !== undefined),
  );
  let bytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { bytes, scripts: sources.size };
}

const TARGET_RATIO = 1.5;
const TARGET_JS_KB = 130;

const verdict = (value: number, target: number) => (value <= target ? 'met' : 'MISSED');
const times = (value: number) => `${value.toFixed(2)}×`;

function machineLoad(): string {
  const [one, five] = loadavg();
  return `load average ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min) on ${cpus().length} cores`;
}

function printHeader(): void {
  console.log(
    `    ${'page'.padEnd(24)}${'server'.padStart(9)}${'upstream'.padStart(10)}${'calls'.padStart(6)}${'ratio'.padStart(8)}  target`,
  );
}

export function printPageTiming(label: string, timing: PageTiming): void {
  console.log(
    `    ${label.padEnd(24)}${`${timing.page.toFixed(1)} ms`.padStart(9)}${`${timing.upstream.toFixed(1)} ms`.padStart(10)}${String(timing.calls).padStart(6)}${times(timing.ratio).padStart(8)}  ≤ ${TARGET_RATIO}× ${verdict(timing.ratio, TARGET_RATIO)}`,
  );
  console.log(`    ${''.padEnd(24)}${timing.methods}`);
}

export interface PageSpeedSetup {
  base: string;
  calls: UpstreamCall[];
  /** A signed-in session's cookie for an account with `vms` VMs (made by the caller). */
  sessionWithVms: (vms: number) => Promise<{ cookie: string; vmId: number }>;
  /** Adds a round trip (ms) to every upstream call at the proxy; counted as upstream time. */
  setUpstreamRtt: (ms: number) => void;
}

interface Sessions {
  main: { cookie: string; vmId: number };
  small: { cookie: string };
  large: { cookie: string };
}

async function pageTable(base: string, calls: UpstreamCall[], sessions: Sessions) {
  const { main, small, large } = sessions;
  printHeader();
  printPageTiming(
    'VM list /vms',
    await measurePage(base, main.cookie, '/vms', calls, { mustContain: 'bulk' }),
  );
  printPageTiming(
    'dashboard /',
    await measurePage(base, main.cookie, '/', calls, { mustContain: 'Servers' }),
  );
  printPageTiming(
    `VM page /vms/${main.vmId}`,
    await measurePage(base, main.cookie, `/vms/${main.vmId}`, calls, { mustContain: 'Summary' }),
  );
  const at100 = await measurePage(base, small.cookie, '/vms', calls, { mustContain: 'bulk' });
  const at10k = await measurePage(base, large.cookie, '/vms', calls, { mustContain: 'bulk' });
  printPageTiming('VM list, 100 VMs', at100);
  printPageTiming('VM list, 10,000 VMs', at10k);
  const scale = at10k.page / at100.page;
  const ownScale = (at10k.page - at10k.upstream) / Math.max(at100.page - at100.upstream, 0.001);
  console.log(
    `    ${'10,000 / 100 VMs'.padEnd(24)}${times(scale).padStart(9)} server time                 ≤ ${TARGET_RATIO}× ${verdict(scale, TARGET_RATIO)}`,
  );
  console.log(
    `    ${''.padEnd(24)}${times(ownScale).padStart(9)} server time minus upstream (the panel's own part)`,
  );
  console.log(`    measured under ${machineLoad()}`);
}

/** Runs and prints the page-speed measures (see the file comment). */
export async function reportPageSpeed({
  base,
  calls,
  sessionWithVms,
  setUpstreamRtt,
}: PageSpeedSetup) {
  const sessions: Sessions = {
    main: await sessionWithVms(1_000),
    small: await sessionWithVms(100),
    large: await sessionWithVms(10_000),
  };
  console.log(
    '\n(1) server time against upstream time (union of the calls’ intervals), account with 1,000 VMs; medians of 10 renders',
  );
  setUpstreamRtt(0);
  await pageTable(base, calls, sessions);

  const rtt = Number(process.env.BENCH_UPSTREAM_RTT_MS ?? 25);
  if (rtt > 0) {
    console.log(
      `\n(1') the same with ${rtt} ms added to every upstream call (a network round trip)`,
    );
    setUpstreamRtt(rtt);
    try {
      await pageTable(base, calls, sessions);
    } finally {
      setUpstreamRtt(0);
    }
  }

  const js = await firstLoadJsGzip(base, sessions.main.cookie, '/');
  // The not-found page loads React, Next's router, the root layout and the error pages only: what
  // every page pays before the panel's own client components.
  const floor = await firstLoadJsGzip(base, sessions.main.cookie, '/no-such-page');
  const kb = js.bytes / 1024;
  console.log(
    `\n(1c) dashboard first-load JS  ${kb.toFixed(1)} KB gzip in ${js.scripts} scripts   ≤ ${TARGET_JS_KB} KB ${verdict(kb, TARGET_JS_KB)}`,
  );
  console.log(
    `     of which React + Next + root layout (the not-found page's scripts) ${(floor.bytes / 1024).toFixed(1)} KB in ${floor.scripts}, the panel's own ${((js.bytes - floor.bytes) / 1024).toFixed(1)} KB`,
  );
}
