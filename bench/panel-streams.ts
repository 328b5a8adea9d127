/**
 * The stream sections of `npm run bench:panel` (bench/panel.ts starts the simulator and the panel):
 *   (2) upstream `operation.*` calls with 1 SSE stream and with 40 streams of the same running
 *       operations, counted by the simulator (`control.calls`): one watcher per account, so the
 *       ratio should be about 1;
 *   (3) the delay between an operation's step change in the simulator and the event arriving on a
 *       stream: median and p95. The simulator's clock has whole seconds and a step changes at its
 *       `date_updated` exactly, so delay = arrival − `dateUpdated` (same host, same clock).
 */
import type { Simulator } from '../simulator';
import { median } from './panel-pages';

const MANY_STREAMS = 40;
/** Streams a session may open (lib/operations/stream-limits.ts): the 40 come from two sessions. */
const STREAMS_PER_SESSION = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StreamBenchContext {
  base: string;
  sim: Simulator;
  /** Signs in through the real form; returns the cookie header. */
  signIn: (apiKey: string) => Promise<string>;
  windowSeconds: number;
}

interface StreamHandle {
  /** `at`: arrival, epoch ms (comparable with the simulator's clock, which is the same host's). */
  events: { event: string; data: string; at: number }[];
  close: () => void;
}

/** Opens one SSE stream like a tab would and records each event with its arrival time. */
function openStream(base: string, cookie: string, query: string): StreamHandle {
  const controller = new AbortController();
  const events: StreamHandle['events'] = [];
  void (async () => {
    try {
      const response = await fetch(`${base}/api/operations/stream?${query}`, {
        headers: { cookie, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        const at = Date.now();
        buffer += decoder.decode(chunk.value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data, at });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { events, close: () => controller.abort() };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function operationCalls(sim: Simulator, apiKey: string): number {
  const { calls } = sim.control.calls({ apiKey });
  return Object.entries(calls)
    .filter(([method]) => method.startsWith('operation.'))
    .reduce((sum, [, count]) => sum + count, 0);
}

async function callsWith(
  ctx: StreamBenchContext,
  apiKey: string,
  cookies: string[],
  ids: number[],
  streams: number,
) {
  const handles = Array.from({ length: streams }, (_, i) =>
    openStream(ctx.base, cookies[Math.floor(i / STREAMS_PER_SESSION)] as string, `ids=${ids}`),
  );
  const from = operationCalls(ctx.sim, apiKey);
  await sleep(ctx.windowSeconds * 1_000);
  const made = operationCalls(ctx.sim, apiKey) - from;
  handles.forEach((handle) => handle.close());
  await sleep(1_000); // the watcher stops with its last stream
  const refused = handles.filter((h) => h.events.some((e) => e.event === 'refused')).length;
  const live = handles.filter((h) => h.events.some((e) => e.event === 'operation')).length;
  return { made, live, refused };
}

export async function reportStreams(ctx: StreamBenchContext): Promise<void> {
  const { sim } = ctx;
  // Migrations out of FR-SD2 stay in RUN until finalized: a steady set of running operations.
  const { apiKey } = sim.control.createAccount({ credits: 10_000_000 });
  const { vmIds } = sim.control.createVms({ apiKey, count: 5, datacenterId: 1 });
  const cookies = [await ctx.signIn(apiKey), await ctx.signIn(apiKey)];
  const { vmMigrate } = await import('../lib/gandi/vm');
  const conn = { endpoint: sim.url, apiKey };
  await Promise.all(vmIds.map((id) => vmMigrate(conn, id, false)));
  // The copy ends after one operation's time; the migration then waits in RUN for its finalize.
  await sleep(4_500);
  const { operationList } = await import('../lib/gandi/operation');
  const waiting = await operationList(conn, { type: 'hosting_migration_vm', step: 'RUN' });
  const ids = waiting.map((op) => op.id);
  if (ids.length !== vmIds.length) throw new Error('the migrations did not wait for a finalize');
  const one = await callsWith(ctx, apiKey, cookies, ids, 1);
  const many = await callsWith(ctx, apiKey, cookies, ids, MANY_STREAMS);
  console.log(
    `\n(2) upstream operation.* calls watching ${ids.length} running operations (${ctx.windowSeconds} s windows, counted by the simulator)`,
  );
  console.log(`    1 stream              ${one.made} calls`);
  console.log(
    `    ${MANY_STREAMS} streams            ${many.made} calls  (${many.live} streams received events, ${many.refused} refused)`,
  );
  console.log(`    ratio                 ${(many.made / Math.max(one.made, 1)).toFixed(2)}`);

  const { apiKey: delayKey } = sim.control.createAccount({ credits: 10_000_000 });
  const { vmIds: delayVms } = sim.control.createVms({ apiKey: delayKey, count: 20 });
  const delayCookie = await ctx.signIn(delayKey);
  const { vmStop } = await import('../lib/gandi/vm');
  const delayConn = { endpoint: sim.url, apiKey: delayKey };
  const delays: number[] = [];
  const streams: StreamHandle[] = [];
  for (const vmId of delayVms) {
    const op = await vmStop(delayConn, vmId);
    streams.push(openStream(ctx.base, delayCookie, `ids=${op.id}`));
    await sleep(230); // spread the changes over the second
  }
  await sleep(6_000);
  for (const stream of streams) {
    stream.close();
    // The first event of each new step (later RUN events only count the eta down).
    const seen = new Set<string>();
    for (const { event, data, at } of stream.events) {
      if (event !== 'operation') continue;
      const op = JSON.parse(data) as { step: string; dateUpdated: string };
      if ((op.step !== 'RUN' && op.step !== 'DONE') || seen.has(op.step)) continue;
      seen.add(op.step);
      delays.push(at - Date.parse(op.dateUpdated));
    }
  }
  console.log(`\n(3) step change in the simulator → event on a stream (${delays.length} changes)`);
  console.log(
    `    median ${median(delays).toFixed(0)} ms  p95 ${percentile(delays, 95).toFixed(0)} ms  (min ${Math.min(...delays)}, max ${Math.max(...delays)})`,
  );
}
