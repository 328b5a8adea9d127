/**
 * The page-speed part of `npm run bench:panel` (its own file, so other measures merge beside it):
 *   - server time of the VM list, the dashboard and a VM's page next to the time the upstream
 *     calls they make take (the ratio is the panel's own overhead; target ≤ 1.5);
 *   - the VM list at 10,000 VMs against the same list at 100 (target ≤ 1.5: paging and filtering
 *     happen upstream, not in the page);
 *   - the dashboard's first-load JavaScript, gzip-compressed (target ≤ 130 KB).
 */
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
  calls: number;
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
  const callCounts: number[] = [];
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
    pageTimes.push(elapsed);
    upstreamTimes.push(busyTime(made));
    callCounts.push(made.length);
  }
  return {
    page: median(pageTimes),
    upstream: median(upstreamTimes),
    calls: median(callCounts),
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

const ratio = (a: number, b: number) => `${(a / Math.max(b, 0.001)).toFixed(2)}×`;

export function printPageTiming(label: string, timing: PageTiming): void {
  console.log(
    `    ${label.padEnd(22)} page ${timing.page.toFixed(1).padStart(6)} ms   upstream ${timing.upstream
      .toFixed(1)
      .padStart(6)} ms (${timing.calls} calls)   ratio ${ratio(timing.page, timing.upstream)}`,
  );
}

export interface PageSpeedSetup {
  base: string;
  calls: UpstreamCall[];
  /** A signed-in session's cookie for an account with `vms` VMs (made by the caller). */
  sessionWithVms: (vms: number) => Promise<{ cookie: string; vmId: number }>;
}

/** Runs and prints the page-speed measures (see the file comment). */
export async function reportPageSpeed({ base, calls, sessionWithVms }: PageSpeedSetup) {
  const { cookie, vmId } = await sessionWithVms(1_000);
  console.log('\n(1) server time against upstream time, account with 1,000 VMs (medians of 10)');
  printPageTiming(
    'VM list /vms',
    await measurePage(base, cookie, '/vms', calls, { mustContain: 'bulk' }),
  );
  printPageTiming(
    'dashboard /',
    await measurePage(base, cookie, '/', calls, { mustContain: 'Servers' }),
  );
  printPageTiming(
    `VM page /vms/${vmId}`,
    await measurePage(base, cookie, `/vms/${vmId}`, calls, { mustContain: 'Summary' }),
  );

  const small = await sessionWithVms(100);
  const large = await sessionWithVms(10_000);
  const at100 = await measurePage(base, small.cookie, '/vms', calls, { mustContain: 'bulk' });
  const at10k = await measurePage(base, large.cookie, '/vms', calls, { mustContain: 'bulk' });
  console.log('\n(1b) VM list at 100 and at 10,000 VMs');
  printPageTiming('100 VMs', at100);
  printPageTiming('10,000 VMs', at10k);
  console.log(`    10,000 / 100          ${ratio(at10k.page, at100.page)} (page time)`);

  const js = await firstLoadJsGzip(base, cookie, '/');
  console.log(
    `\n(1c) dashboard first-load JS  ${(js.bytes / 1024).toFixed(1)} KB gzip in ${js.scripts} scripts (target ≤ 130 KB)`,
  );
}
