/**
 * `npm run bench:client`: decodes a `hosting.vm.list` answer of 1,000 VMs (recorded 2018 shape,
 * Python `xmlrpclib` byte layout, ≈1.5 MB) with the client's decoder, the `xmlrpc` package's
 * sax-based decoder, and Python's `xmlrpc.client.loads` on the same bytes, in the same run.
 * Goal (issue 3): the client's decoder at least 3× faster than Python.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import Deserializer from 'xmlrpc/lib/deserializer';
import { decodeMethodResponse } from '../lib/gandi/decoder';
import type { RawVmSummary } from '../lib/gandi/raw-types';
import { reshapeVmSummary } from '../lib/gandi/reshape';
import { vmListResponse } from '../lib/gandi/testing/python-style';

const VMS = 1_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const SLOW_ROUNDS = Math.max(3, Math.round(ROUNDS / 6));

interface Timing {
  min: number;
  median: number;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN };
}

async function time(rounds: number, warmup: number, fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

function xmlrpcPackageDecode(body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    new Deserializer().deserializeMethodResponse(Readable.from([body]), (err, value) =>
      err ? reject(err) : resolve(value),
    );
  });
}

const PYTHON = `
import json, sys, time, xmlrpc.client
data = open(sys.argv[1], 'rb').read()
rounds = int(sys.argv[2])
out = {}
for use_datetime in (False, True):
    xmlrpc.client.loads(data, use_datetime=use_datetime)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        params, _ = xmlrpc.client.loads(data, use_datetime=use_datetime)
        samples.append((time.perf_counter() - start) * 1000)
    assert len(params[0]) == ${VMS}
    samples.sort()
    out['datetime' if use_datetime else 'default'] = {'min': samples[0], 'median': samples[len(samples) // 2]}
out['version'] = sys.version.split()[0]
print(json.dumps(out))
`;

function pythonLoads(
  file: string,
  rounds: number,
): { default: Timing; datetime: Timing; version: string } | null {
  const run = spawnSync('python3', ['-c', PYTHON, file, String(rounds)], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`python3 failed: ${run.error?.message ?? run.stderr}`);
    return null;
  }
  return JSON.parse(run.stdout) as { default: Timing; datetime: Timing; version: string };
}

const ms = (t: Timing) =>
  `${t.median.toFixed(1).padStart(7)} ms median, ${t.min.toFixed(1).padStart(7)} ms min`;

async function main(): Promise<void> {
  const body = vmListResponse(VMS);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-client-'));
  const file = path.join(dir, 'vm-list-1000.xml');
  writeFileSync(file, body);

  // Sanity: every decoder sees 1,000 VMs in these bytes.
  const decoded = decodeMethodResponse(body);
  if (decoded.fault || !Array.isArray(decoded.value) || decoded.value.length !== VMS) {
    throw new Error('the client decoder did not return 1,000 VMs');
  }
  const reference = (await xmlrpcPackageDecode(body)) as unknown[];
  if (reference.length !== VMS) throw new Error('the xmlrpc package did not return 1,000 VMs');

  console.log(
    `hosting.vm.list answer: ${VMS} VMs, ${(Buffer.byteLength(body) / 1e6).toFixed(2)} MB`,
  );
  console.log(`node ${process.version}; rounds: ${ROUNDS} (xmlrpc package: ${SLOW_ROUNDS})\n`);

  const ours = await time(ROUNDS, 5, () => decodeMethodResponse(body));
  const oursReshaped = await time(ROUNDS, 5, () => {
    const r = decodeMethodResponse(body);
    if (r.fault || !Array.isArray(r.value)) throw new Error('unexpected');
    return r.value.map((vm) => reshapeVmSummary(vm as unknown as RawVmSummary));
  });
  const sax = await time(SLOW_ROUNDS, 1, () => xmlrpcPackageDecode(body));
  const python = pythonLoads(file, Math.max(5, Math.round(ROUNDS / 3)));
  rmSync(dir, { recursive: true, force: true });

  console.log(`client decoder (lib/gandi/decoder.ts)      ${ms(ours)}`);
  console.log(`client decoder + reshape to VmSummary[]    ${ms(oursReshaped)}`);
  console.log(`xmlrpc package deserializer (sax)          ${ms(sax)}`);
  if (python) {
    console.log(`python ${python.version} xmlrpc.client.loads          ${ms(python.default)}`);
    console.log(`python xmlrpc.client.loads(use_datetime)   ${ms(python.datetime)}`);
  }
  console.log('');
  console.log(`xmlrpc package / client decoder: ${(sax.median / ours.median).toFixed(1)}×`);
  if (python) {
    const ratio = python.default.median / ours.median;
    console.log(
      `python loads / client decoder:   ${ratio.toFixed(1)}× (use_datetime: ${(python.datetime.median / ours.median).toFixed(1)}×)`,
    );
    console.log(
      `python loads / decoder+reshape:  ${(python.default.median / oursReshaped.median).toFixed(1)}×`,
    );
    console.log(`goal ≥ 3× faster than Python: ${ratio >= 3 ? 'met' : 'NOT met'}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
