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
const ROUNDS = Math.max(3, Math.round(Number(process.env.BENCH_ROUNDS ?? 30) / 3) * 3);
const BLOCKS = 3;
const PY_ROUNDS = Math.max(BLOCKS, Math.round(ROUNDS / 2));
const SLOW_ROUNDS = Math.max(3, Math.round(ROUNDS / 6));

interface Timing {
  min: number;
  median: number;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN };
}

async function sample(rounds: number, warmup: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
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
out = {'version': sys.version.split()[0]}
for use_datetime in (False, True):
    xmlrpc.client.loads(data, use_datetime=use_datetime)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        params, _ = xmlrpc.client.loads(data, use_datetime=use_datetime)
        samples.append((time.perf_counter() - start) * 1000)
    assert len(params[0]) == ${VMS}
    out['datetime' if use_datetime else 'default'] = samples
print(json.dumps(out))
`;

interface PythonSamples {
  version: string;
  default: number[];
  datetime: number[];
}

function pythonLoads(file: string, rounds: number): PythonSamples | null {
  const run = spawnSync('python3', ['-c', PYTHON, file, String(rounds)], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`python3 failed: ${run.error?.message ?? run.stderr}`);
    return null;
  }
  return JSON.parse(run.stdout) as PythonSamples;
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
  console.log(
    `node ${process.version}; rounds: node ${ROUNDS}, python ${PY_ROUNDS} per variant, xmlrpc package ${SLOW_ROUNDS}; ${BLOCKS} alternating blocks\n`,
  );

  // Node and Python take turns in blocks, so a busy machine slows both sides alike.
  const ours: number[] = [];
  const oursReshaped: number[] = [];
  const py: PythonSamples = { version: '', default: [], datetime: [] };
  let pythonOk = true;
  for (let block = 0; block < BLOCKS; block++) {
    ours.push(...(await sample(ROUNDS / BLOCKS, 3, () => decodeMethodResponse(body))));
    oursReshaped.push(
      ...(await sample(ROUNDS / BLOCKS, 3, () => {
        const r = decodeMethodResponse(body);
        if (r.fault || !Array.isArray(r.value)) throw new Error('unexpected');
        return r.value.map((vm) => reshapeVmSummary(vm as unknown as RawVmSummary));
      })),
    );
    const run = pythonOk ? pythonLoads(file, PY_ROUNDS / BLOCKS) : null;
    if (run) {
      py.version = run.version;
      py.default.push(...run.default);
      py.datetime.push(...run.datetime);
    } else {
      pythonOk = false;
    }
  }
  const sax = summarise(await sample(SLOW_ROUNDS, 1, () => xmlrpcPackageDecode(body)));
  rmSync(dir, { recursive: true, force: true });

  const client = summarise(ours);
  const reshaped = summarise(oursReshaped);
  console.log(`client decoder (lib/gandi/decoder.ts)      ${ms(client)}`);
  console.log(`client decoder + reshape to VmSummary[]    ${ms(reshaped)}`);
  console.log(`xmlrpc package deserializer (sax)          ${ms(sax)}`);
  if (!pythonOk) return;
  const pyDefault = summarise(py.default);
  const pyDatetime = summarise(py.datetime);
  console.log(`python ${py.version} xmlrpc.client.loads          ${ms(pyDefault)}`);
  console.log(`python xmlrpc.client.loads(use_datetime)   ${ms(pyDatetime)}`);
  const ratio = (a: Timing, b: Timing) =>
    `${(a.median / b.median).toFixed(1)}× by median, ${(a.min / b.min).toFixed(1)}× by min`;
  console.log('');
  console.log(`xmlrpc package / client decoder:    ${ratio(sax, client)}`);
  console.log(`python loads / client decoder:      ${ratio(pyDefault, client)}`);
  console.log(`python loads(use_datetime) / ours:  ${ratio(pyDatetime, client)}`);
  console.log(`python loads / decoder + reshape:   ${ratio(pyDefault, reshaped)}`);
  const met = pyDefault.median / client.median >= 3 && pyDefault.min / client.min >= 3;
  console.log(
    `goal ≥ 3× faster than Python (plain loads, median and min): ${met ? 'met' : 'NOT met'}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
