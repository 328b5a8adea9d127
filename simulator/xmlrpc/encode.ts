import { XmlDouble, type XmlValue } from './values';

/**
 * Encodes a methodResponse byte-for-byte the way Python's
 * `xmlrpc.client.dumps((value,), methodresponse=True, allow_none=True)` does: the layout the real
 * Gandi server emitted (one element per line, `<value><nil/></value></member>` on one line).
 * Purpose-built because the `xmlrpc` package's serializer is several times slower and cannot emit
 * a whole-number `<double>`.
 */
export function encodeResponse(value: XmlValue): string {
  return (
    "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n" +
    encodeValue(value) +
    '</param>\n</params>\n</methodResponse>\n'
  );
}

export function encodeFault(faultCode: number, faultString: string): string {
  return (
    "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n<value><int>" +
    String(faultCode | 0) +
    '</int></value>\n</member>\n<member>\n<name>faultString</name>\n<value><string>' +
    escapeText(faultString) +
    '</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n'
  );
}

/** `<value>…</value>\n` for one value (Python writes nil without the trailing newline). */
export function encodeValue(value: XmlValue): string {
  if (value === null) return '<value><nil/></value>';
  switch (typeof value) {
    case 'string':
      return '<value><string>' + escapeText(value) + '</string></value>\n';
    case 'number':
      if (Number.isInteger(value) && value <= 2147483647 && value >= -2147483648) {
        return '<value><int>' + String(value) + '</int></value>\n';
      }
      return '<value><double>' + pythonFloatRepr(value) + '</double></value>\n';
    case 'boolean':
      return value
        ? '<value><boolean>1</boolean></value>\n'
        : '<value><boolean>0</boolean></value>\n';
    default:
      break;
  }
  if (Array.isArray(value)) {
    let out = '<value><array><data>\n';
    for (const item of value as readonly XmlValue[]) out += encodeValue(item);
    return out + '</data></array></value>\n';
  }
  if (value instanceof XmlDouble)
    return '<value><double>' + pythonFloatRepr(value.value) + '</double></value>\n';
  if (value instanceof Date)
    return (
      '<value><dateTime.iso8601>' +
      formatDateTime(value.getTime()) +
      '</dateTime.iso8601></value>\n'
    );
  if (Buffer.isBuffer(value))
    return '<value><base64>\n' + value.toString('base64') + '\n</base64></value>\n';
  let out = '<value><struct>\n';
  const struct = value as { readonly [key: string]: XmlValue };
  for (const key in struct) {
    const member = struct[key];
    if (member === undefined) continue;
    out += '<member>\n<name>' + escapeText(key) + '</name>\n' + encodeValue(member) + '</member>\n';
  }
  return out + '</struct></value>\n';
}

const ESCAPABLE = /[&<>]/;

export function escapeText(text: string): string {
  if (!ESCAPABLE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

let lastDateMs = Number.NaN;
let lastDateText = '';

/** `YYYYMMDDTHH:MM:SS` in UTC, whatever the process time zone. */
export function formatDateTime(ms: number): string {
  if (ms === lastDateMs) return lastDateText;
  const d = new Date(ms);
  const text =
    String(d.getUTCFullYear()).padStart(4, '0') +
    pad2(d.getUTCMonth() + 1) +
    pad2(d.getUTCDate()) +
    'T' +
    pad2(d.getUTCHours()) +
    ':' +
    pad2(d.getUTCMinutes()) +
    ':' +
    pad2(d.getUTCSeconds());
  lastDateMs = ms;
  lastDateText = text;
  return text;
}

function pad2(n: number): string {
  return n < 10 ? '0' + String(n) : String(n);
}

/** Python's `repr(float)`: shortest round-trip digits, `.0` on whole numbers, exponent past 1e16. */
export function pythonFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Object.is(n, -0)) return '-0.0';
  const abs = Math.abs(n);
  if (abs >= 1e16 || (abs !== 0 && abs < 1e-4)) {
    const [mantissa = '0', exponent = '0'] = n.toExponential().split('e');
    const exp = Number(exponent);
    const sign = exp < 0 ? '-' : '+';
    return mantissa + 'e' + sign + String(Math.abs(exp)).padStart(2, '0');
  }
  const text = String(n);
  return text.includes('.') ? text : text + '.0';
}
