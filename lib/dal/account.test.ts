/**
 * The runway banner's figures against the real simulator: the banner, shown on every page, costs
 * no upstream call while its figures are fresh enough; each account keeps its own figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@/simulator';
import { observeCalls } from '@/lib/gandi/call-observer';
import { getAccountSummary, getRunwayFigures } from './account';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true });
});
afterAll(async () => {
  await sim.close();
});

function account(credits: number) {
  const { apiKey } = sim.control.createAccount({ credits });
  sim.control.createVms({ apiKey, count: 2 });
  return { endpoint: sim.url, apiKey };
}

async function countingCalls<T>(run: () => Promise<T>): Promise<{ value: T; methods: string[] }> {
  const methods: string[] = [];
  const stop = observeCalls((method) => methods.push(method));
  try {
    return { value: await run(), methods };
  } finally {
    stop();
  }
}

describe('getRunwayFigures', () => {
  it('reads account.info and rating.list once, then answers pages from memory', async () => {
    const conn = account(5_000);
    const first = await countingCalls(() => getRunwayFigures(conn));
    expect(first.methods.sort()).toEqual(['hosting.account.info', 'hosting.rating.list']);
    expect(first.value.credits).toBe(5_000);
    expect(first.value.burnPerHour).toBeGreaterThan(0);
    // Another page (a new request, a new connection object): no upstream call.
    const second = await countingCalls(() => getRunwayFigures({ ...conn }));
    expect(second.methods).toEqual([]);
    expect(second.value).toEqual(first.value);
    // The dashboard's card still reads afresh.
    const fresh = await countingCalls(() => getAccountSummary({ ...conn }));
    expect(fresh.methods.sort()).toEqual(['hosting.account.info', 'hosting.rating.list']);
  });

  it('never shows one account the figures of another', async () => {
    const rich = account(9_000_000);
    const poor = account(300);
    expect((await getRunwayFigures(rich)).credits).toBe(9_000_000);
    expect((await getRunwayFigures(poor)).credits).toBe(300);
  });
});
