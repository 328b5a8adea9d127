/**
 * getPricing against the simulator, and through a proxy that answers `hosting.catalog.list` with
 * fault 1 as an endpoint without it would: the estimate then says "price unknown".
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultBody } from '@/lib/gandi/testing/fixture-server';
import { startSimulator, type Simulator } from '@/simulator';
import { getPricing, PRICE_UNAVAILABLE_REASON, PRICE_UNSUPPORTED_REASON } from './pricing';

let sim: Simulator;
let proxy: http.Server;
let proxyUrl: string;
/** What the proxy answers to `hosting.catalog.list` instead of forwarding it. */
let catalogReply: { status: number; body: string } | null = null;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true });
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (catalogReply && body.includes('<methodName>hosting.catalog.list</methodName>')) {
        res.writeHead(catalogReply.status, { 'content-type': 'text/xml' });
        res.end(catalogReply.body);
        return;
      }
      void fetch(sim.url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body }).then(
        async (upstream) => {
          res.writeHead(upstream.status, { 'content-type': 'text/xml' });
          res.end(await upstream.text());
        },
      );
    });
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/xmlrpc/`;
});
afterAll(async () => {
  proxy.close();
  await sim.close();
});

describe('getPricing', () => {
  it('returns the price table, the current burn and the credits', async () => {
    const { apiKey } = sim.control.createAccount({ credits: 5_000 });
    sim.control.createVms({ apiKey, count: 1 });
    const pricing = await getPricing({ endpoint: sim.url, apiKey });
    expect(pricing).toMatchObject({ status: 'known', credits: 5_000, creditPrice: null });
    if (pricing.status !== 'known') throw new Error('unreachable');
    expect(pricing.prices.core).toBe(168);
    expect(pricing.burnPerHour).toBeGreaterThan(0);
  });

  it('says "does not publish prices" when the endpoint lacks hosting.catalog.list', async () => {
    catalogReply = {
      status: 200,
      body: faultBody(1, 'Method "hosting.catalog.list" is not supported'),
    };
    const { apiKey } = sim.control.createAccount();
    expect(await getPricing({ endpoint: proxyUrl, apiKey })).toEqual({
      status: 'unknown',
      reason: PRICE_UNSUPPORTED_REASON,
    });
  });

  it('never guesses when the catalogue fails for another reason', async () => {
    catalogReply = { status: 502, body: 'bad gateway' };
    const { apiKey } = sim.control.createAccount();
    expect(await getPricing({ endpoint: proxyUrl, apiKey, timeoutMs: 2_000 })).toEqual({
      status: 'unknown',
      reason: PRICE_UNAVAILABLE_REASON,
    });
    catalogReply = null;
  });
});
