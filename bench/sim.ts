/**
 * `npm run bench:sim` — the simulator's efficiency (not a test: nothing is asserted).
 *
 * 1. calls/s for `hosting.vm.info` and `hosting.vm.list` (500 VMs, items_per_page 500) over real
 *    HTTP keep-alive against the simulator, and against a bare Node `http` server answering the
 *    very same bytes with no parsing or logic; the ratio is the simulator's efficiency.
 * 2. Time to encode a 1,000-VM `hosting.vm.list` answer: the simulator's encoder, the `xmlrpc`
 *    package's serializer, and Python's `xmlrpc.client.dumps` (timed inside Python).
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serializeMethodResponse } from 'xmlrpc/lib/serializer';
import { DEMO_API_KEY } from '../simulator/accounts';
import { startSimulator } from '../simulator/index';
import { provisionRunningVm } from '../simulator/state/provision';
import { seed } from '../simulator/state/seed';
import { Sim } from '../simulator/state/sim';
import { methodCallXml } from '../simulator/testing/client';
import { vmListView } from '../simulator/views';
import { encodeResponse } from '../simulator/xmlrpc/encode';
import { XmlDouble, type XmlValue } from '../simulator/xmlrpc/values';

const DURATION_MS = Number(process.env.BENCH_MS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 8;

interface LoadResult {
  callsPerSecond: number;
  bytes: number;
}

/** Keeps CONCURRENCY keep-alive requests in flight for DURATION_MS; counts completed calls. */
async function load(url: string, body: string): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = new URL(url);
  const payload = Buffer.from(body);
  let bytes = 0;
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { 'Content-Type': 'text/xml', 'Content-Length': payload.length },
        },
        (res) => {
          let size = 0;
          res.on('data', (c: Buffer) => void (size += c.length));
          res.on('end', () => {
            bytes = size;
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const run = async (until: number, counter: { n: number }) => {
    while (performance.now() < until) {
      await once();
      counter.n++;
    }
  };
  const warm = { n: 0 };
  await Promise.all(Array.from({ length: CONCURRENCY }, () => run(performance.now() + 500, warm)));
  const counter = { n: 0 };
  const start = performance.now();
  const until = start + DURATION_MS;
  await Promise.all(Array.from({ length: CONCURRENCY }, () => run(until, counter)));
  const elapsed = performance.now() - start;
  agent.destroy();
  return { callsPerSecond: (counter.n / elapsed) * 1000, bytes };
}

/** A server that answers every POST with `bytes`, reading (not parsing) the request body. */
async function bareServer(bytes: Buffer): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': bytes.length });
      res.end(bytes);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/xmlrpc/`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/**
 * Alternates simulator and bare-server measurements over ROUNDS rounds and reports medians: the
 * machine is shared, so a single pair of measurements can be skewed by whatever else runs.
 */
async function compare(label: string, simUrl: string, body: string): Promise<void> {
  const answer = await fetch(simUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml' },
    body,
  }).then((r) => r.arrayBuffer());
  const bare = await bareServer(Buffer.from(answer));
  const simRates: number[] = [];
  const bareRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    simRates.push((await load(simUrl, body)).callsPerSecond);
    bareRates.push((await load(bare.url, body)).callsPerSecond);
  }
  await bare.close();
  const simMedian = median(simRates);
  const bareMedian = median(bareRates);
  const rounds = simRates.map((r, i) => `${(r / bareRates[i]!).toFixed(2)}`).join(', ');
  console.log(
    `${label.padEnd(36)} simulator ${simMedian.toFixed(0).padStart(6)} calls/s | bare ${bareMedian.toFixed(0).padStart(6)} calls/s | ratio ${(
      simMedian / bareMedian
    ).toFixed(2)} (per round: ${rounds}) | ${answer.byteLength} bytes/answer`,
  );
}

function thousandVmList(): XmlValue[] {
  const sim = new Sim(() => Date.UTC(2026, 0, 1), { waitMs: 0, runMs: 0, creditSpeed: 1 });
  seed(sim);
  const accountId = sim.accountByKey(DEMO_API_KEY)!.id;
  for (let i = 0; i < 998; i++)
    provisionRunningVm(sim, accountId, {
      hostname: `vm${i}`,
      datacenterId: 4,
      memory: 512,
      cores: 1,
    });
  return sim.store.owned('vm', accountId).map(vmListView);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeIt(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Plain JSON for Python and for the xmlrpc package: dates tagged, doubles as numbers. */
function toPlain(value: XmlValue): unknown {
  if (value instanceof Date) return { __dt: value.toISOString().slice(0, 19) };
  if (value instanceof XmlDouble) return { __double: value.value };
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v as XmlValue)]));
  }
  return value;
}

function toXmlrpcPackage(value: XmlValue): unknown {
  if (value instanceof XmlDouble) return value.value + 0.5 - 0.5; // the package cannot force <double>
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(toXmlrpcPackage);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, toXmlrpcPackage(v as XmlValue)]),
    );
  }
  return value;
}

const PYTHON = `
import json, sys, time, datetime, statistics, xmlrpc.client as x
def back(v):
    if isinstance(v, dict):
        if '__dt' in v: return datetime.datetime.strptime(v['__dt'], '%Y-%m-%dT%H:%M:%S')
        if '__double' in v: return float(v['__double'])
        return {k: back(w) for k, w in v.items()}
    if isinstance(v, list): return [back(w) for w in v]
    return v
data = back(json.load(sys.stdin))
for _ in range(3): out = x.dumps((data,), methodresponse=True, allow_none=True)
samples = []
for _ in range(15):
    t = time.perf_counter(); out = x.dumps((data,), methodresponse=True, allow_none=True); samples.append(time.perf_counter() - t)
sys.stdout.write(json.dumps({'ms': statistics.median(samples) * 1000, 'xml': out}))
`;

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}, ${ROUNDS} rounds x ${DURATION_MS} ms per server, ${CONCURRENCY} keep-alive connections, client and servers in one process (medians)\n`,
  );
  const sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
  const { apiKey } = sim.control.createAccount();
  const { vmIds } = sim.control.createVms({ apiKey, count: 500 });
  await compare('hosting.vm.info', sim.url, methodCallXml('hosting.vm.info', [apiKey, vmIds[0]!]));
  await compare(
    'hosting.vm.list (500 VMs, 500/page)',
    sim.url,
    methodCallXml('hosting.vm.list', [apiKey, { items_per_page: 500 }]),
  );
  await sim.close();

  console.log('\nEncoding a 1,000-VM hosting.vm.list answer (median):');
  const vms = thousandVmList();
  const ours = timeIt(() => encodeResponse(vms), 30);
  const pkgValue = toXmlrpcPackage(vms);
  const pkg = timeIt(() => serializeMethodResponse(pkgValue), 10);
  const python = JSON.parse(
    execFileSync('python3', ['-c', PYTHON], {
      input: JSON.stringify(toPlain(vms)),
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    }),
  ) as {
    ms: number;
    xml: string;
  };
  const identical = python.xml === encodeResponse(vms);
  console.log(
    `  simulator encoder         ${ours.toFixed(2).padStart(7)} ms  (${(encodeResponse(vms).length / 1e6).toFixed(2)} MB)`,
  );
  console.log(`  xmlrpc package serializer ${pkg.toFixed(2).padStart(7)} ms`);
  console.log(
    `  Python xmlrpc.client.dumps${python.ms.toFixed(2).padStart(7)} ms  (timed inside Python with perf_counter)`,
  );
  console.log(`  simulator output byte-identical to Python's: ${identical ? 'yes' : 'NO'}`);
}

void main();
