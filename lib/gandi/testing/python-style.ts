/**
 * Deterministic XML-RPC response bodies in the byte layout of Python's `xmlrpclib` marshaller (what
 * the Gandi server emitted, see the reference §1.3): one element per line, `<value><nil/></value>`.
 * Used by the benchmark and by decoder tests on large answers.
 */

/** Marks a whole number that must go on the wire as `<double>` (e.g. bandwidth `102400.0`). */
export class Double {
  constructor(readonly value: number) {}
}

export type PyValue =
  string | number | boolean | null | Date | Double | PyValue[] | { [member: string]: PyValue };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pyDate(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 19)}`;
}

function dump(v: PyValue, out: string[]): void {
  if (v === null) {
    out.push('<value><nil/></value>');
  } else if (typeof v === 'boolean') {
    out.push(`<value><boolean>${v ? 1 : 0}</boolean></value>\n`);
  } else if (typeof v === 'number') {
    out.push(
      Number.isInteger(v)
        ? `<value><int>${v}</int></value>\n`
        : `<value><double>${v}</double></value>\n`,
    );
  } else if (v instanceof Double) {
    const text = Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
    out.push(`<value><double>${text}</double></value>\n`);
  } else if (typeof v === 'string') {
    out.push(`<value><string>${escape(v)}</string></value>\n`);
  } else if (v instanceof Date) {
    out.push(`<value><dateTime.iso8601>${pyDate(v)}</dateTime.iso8601></value>\n`);
  } else if (Array.isArray(v)) {
    out.push('<value><array><data>\n');
    for (const item of v) dump(item, out);
    out.push('</data></array></value>\n');
  } else {
    out.push('<value><struct>\n');
    for (const [k, item] of Object.entries(v)) {
      out.push(`<member>\n<name>${escape(k)}</name>\n`);
      dump(item, out);
      out.push('</member>\n');
    }
    out.push('</struct></value>\n');
  }
}

/** `xmlrpc.client.dumps((value,), methodresponse=True, allow_none=True)`, byte for byte. */
export function pythonStyleResponse(value: PyValue): string {
  const out: string[] = ["<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n"];
  dump(value, out);
  out.push('</param>\n</params>\n</methodResponse>\n');
  return out.join('');
}

/** A `hosting.vm.list` item in the recorded 2018 shape (libcloud-pr1234 `vm_list.xml`). */
export function recordedVm(i: number): { [member: string]: PyValue } {
  const created = new Date(Date.UTC(2018, 4, 18, 16, 38, 20) + i * 61_000);
  return {
    entity_id: `${(0x50369258 + i).toString(16)}-5aa9-11e8-84b2-00163ea0592c`,
    console: 0,
    description: null,
    date_updated: new Date(created.getTime() + 87_000),
    vm_max_memory: 512,
    hostname: `node-test${i}`,
    disks_id: [24667611 + i * 3],
    datacenter_id: 4,
    farm: 'default',
    state: i % 7 === 0 ? 'halted' : 'running',
    flex_shares: 0,
    ai_active: 0,
    memory: 512,
    cores: 1,
    ifaces_id: [434694 + i * 3],
    date_created: created,
    id: 352686 + i,
    is_migrating: false,
  };
}

/** A `hosting.vm.list` answer of `count` VMs (1,000 ≈ 1.5 MB). */
export function vmListResponse(count: number): string {
  return pythonStyleResponse(Array.from({ length: count }, (_, i) => recordedVm(i)));
}
