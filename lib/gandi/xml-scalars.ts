/**
 * Text-level pieces of the XML-RPC decoder: entity decoding, scalar syntax, and Gandi's
 * `dateTime.iso8601` layouts read as UTC instants (never local time, whatever `TZ` is).
 */

export class XmlRpcDecodeError extends Error {
  override readonly name = 'XmlRpcDecodeError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at offset ${offset})`);
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

export function decodeEntities(raw: string, offset: number): string {
  return raw.replace(/&([^;&<]*);|&/g, (match, body: string | undefined, at: number) => {
    if (body === undefined) throw new XmlRpcDecodeError('bare "&" in text', offset + at);
    const named = NAMED_ENTITIES[body];
    if (named !== undefined) return named;
    let code = NaN;
    if (/^#[0-9]{1,7}$/.test(body)) code = parseInt(body.slice(1), 10);
    else if (/^#x[0-9a-fA-F]{1,6}$/.test(body)) code = parseInt(body.slice(2), 16);
    if (!(code >= 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
      throw new XmlRpcDecodeError('unknown entity', offset + at);
    }
    return String.fromCodePoint(code);
  });
}

export const INT_RE = /^[ \t\r\n]*[+-]?[0-9]+[ \t\r\n]*$/;
export const DOUBLE_RE =
  /^[ \t\r\n]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\r\n]*$/;
// 20180518T17:11:12, 2018-05-18T17:11:12, 20180518T171112, with optional fraction and offset.
const DATE_RE =
  /^[ \t\r\n]*([0-9]{4})-?([0-9]{2})-?([0-9]{2})T([0-9]{2}):?([0-9]{2}):?([0-9]{2})(?:\.([0-9]{1,9}))?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?[ \t\r\n]*$/;
export const BASE64_RE = /^[A-Za-z0-9+/ \t\r\n]*={0,2}[ \t\r\n]*$/;

export function parseIsoDate(text: string, offset = 0): Date {
  const m = DATE_RE.exec(text);
  if (!m) throw new XmlRpcDecodeError('malformed dateTime.iso8601', offset);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(
    Number,
  ) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    throw new XmlRpcDecodeError('dateTime.iso8601 out of range', offset);
  }
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  let instant = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0-99 to 1900-1999.
  if (year < 100) instant = new Date(instant).setUTCFullYear(year);
  // Date.UTC rolls 30 February over to March: refuse it instead.
  if (new Date(instant).getUTCDate() !== day) {
    throw new XmlRpcDecodeError('dateTime.iso8601 out of range', offset);
  }
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const hh = Number(zone.slice(1, 3));
    const mm = zone.length > 3 ? Number(zone.slice(-2)) : 0;
    instant -= sign * (hh * 60 + mm) * 60_000;
  }
  return new Date(instant);
}

const XMLRPC_ELEMENTS = new Set([
  'methodResponse',
  'params',
  'param',
  'fault',
  'value',
  'string',
  'int',
  'i4',
  'i8',
  'double',
  'boolean',
  'dateTime.iso8601',
  'base64',
  'nil',
  'struct',
  'member',
  'name',
  'array',
  'data',
]);

/**
 * Error messages never quote the body: an answer can echo the API key, and even part of it must
 * not reach a message. Only names of XML-RPC's own elements are shown.
 */
export function shown(name: string): string {
  return XMLRPC_ELEMENTS.has(name) ? `<${name}>` : 'an unknown element';
}
