import type { XmlParam } from './values';

/**
 * A small, strict XML-RPC `methodCall` parser. Purpose-built (rather than the `xmlrpc` package's
 * sax-based deserializer) for speed on the hot path; `decode.test.ts` checks it against what the
 * `xmlrpc` package and Python's `xmlrpc.client` send. It accepts the XML subset XML-RPC uses:
 * a prolog, comments, elements, self-closing elements, character references, the five named
 * entities and CDATA. Anything else is a `MalformedRequest`.
 */
export class MalformedRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedRequest';
  }
}

export interface MethodCall {
  methodName: string;
  params: XmlParam[];
}

const MAX_DEPTH = 64;

type Tag = { kind: 'open' | 'close' | 'empty'; name: string };

class Reader {
  pos = 0;
  constructor(readonly src: string) {}

  fail(message: string): never {
    throw new MalformedRequest(`${message} at offset ${this.pos}`);
  }

  /** Skips whitespace, comments and processing instructions. */
  skipMisc(): void {
    const src = this.src;
    for (;;) {
      while (this.pos < src.length && isSpace(src.charCodeAt(this.pos))) this.pos++;
      if (src.startsWith('<!--', this.pos)) {
        const end = src.indexOf('-->', this.pos + 4);
        if (end < 0) this.fail('unterminated comment');
        this.pos = end + 3;
      } else if (src.startsWith('<?', this.pos)) {
        const end = src.indexOf('?>', this.pos + 2);
        if (end < 0) this.fail('unterminated processing instruction');
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  /** Reads the tag at the cursor (after skipMisc); the cursor must be on `<`. */
  tag(): Tag {
    const src = this.src;
    if (src.charCodeAt(this.pos) !== 60 /* < */) this.fail('expected a tag');
    if (src.startsWith('<!', this.pos)) this.fail('unsupported markup');
    const end = src.indexOf('>', this.pos);
    if (end < 0) this.fail('unterminated tag');
    let inner = src.slice(this.pos + 1, end);
    this.pos = end + 1;
    let kind: Tag['kind'] = 'open';
    if (inner.startsWith('/')) {
      kind = 'close';
      inner = inner.slice(1);
    } else if (inner.endsWith('/')) {
      kind = 'empty';
      inner = inner.slice(0, -1);
    }
    const name = inner.trim().split(/\s/, 1)[0] ?? '';
    if (!/^[A-Za-z_][\w.:-]*$/.test(name)) this.fail('bad tag name');
    if (kind === 'close' && inner.trim() !== name) this.fail('bad closing tag');
    return { kind, name };
  }

  expectOpen(name: string): boolean {
    this.skipMisc();
    const t = this.tag();
    if (t.name !== name || t.kind === 'close') this.fail(`expected <${name}>`);
    return t.kind === 'empty';
  }

  expectClose(name: string): void {
    this.skipMisc();
    const t = this.tag();
    if (t.name !== name || t.kind !== 'close') this.fail(`expected </${name}>`);
  }

  peekIsClose(name: string): boolean {
    this.skipMisc();
    return this.src.startsWith('</' + name, this.pos);
  }

  /** Character data up to the next tag (CDATA sections included), entities decoded. */
  text(): string {
    const src = this.src;
    let out = '';
    for (;;) {
      const lt = src.indexOf('<', this.pos);
      if (lt < 0) this.fail('unterminated text');
      out += decodeEntities(src.slice(this.pos, lt), this);
      this.pos = lt;
      if (src.startsWith('<![CDATA[', lt)) {
        const end = src.indexOf(']]>', lt + 9);
        if (end < 0) this.fail('unterminated CDATA');
        out += src.slice(lt + 9, end);
        this.pos = end + 3;
        continue;
      }
      if (src.startsWith('<!--', lt)) {
        const end = src.indexOf('-->', lt + 4);
        if (end < 0) this.fail('unterminated comment');
        this.pos = end + 3;
        continue;
      }
      return out;
    }
  }

  /** Text content of a simple element whose open tag was just read. */
  elementText(name: string, empty: boolean): string {
    if (empty) return '';
    const text = this.text();
    const t = this.tag();
    if (t.kind !== 'close' || t.name !== name) this.fail(`expected </${name}>`);
    return text;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string, reader: Reader): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{1,10});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) reader.fail('bad entity');
    const named = NAMED[ref];
    if (named !== undefined) return named;
    const code = ref.startsWith('#x')
      ? parseInt(ref.slice(2), 16)
      : ref.startsWith('#')
        ? parseInt(ref.slice(1), 10)
        : NaN;
    if (!Number.isInteger(code) || !isXmlChar(code)) reader.fail('reference to invalid character');
    return String.fromCodePoint(code);
  });
}

/** XML 1.0 `Char`: what a document may contain, raw or as a character reference. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Raw characters XML forbids (lone surrogates cannot come out of a strict decoder). */
const FORBIDDEN_RAW = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

export function parseMethodCall(xml: string): MethodCall {
  // A real XML parser (the API's was expat) refuses the whole document: such a value can then
  // never be stored and break every later answer that would carry it.
  const bad = FORBIDDEN_RAW.exec(xml);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw new MalformedRequest(`invalid character U+${code} at offset ${bad.index}`);
  }
  const r = new Reader(xml);
  if (r.expectOpen('methodCall')) r.fail('empty methodCall');
  const nameEmpty = r.expectOpen('methodName');
  const methodName = r.elementText('methodName', nameEmpty).trim();
  if (!methodName) r.fail('empty methodName');
  const params: XmlParam[] = [];
  r.skipMisc();
  if (!r.peekIsClose('methodCall')) {
    if (!r.expectOpen('params')) {
      while (!r.peekIsClose('params')) {
        if (r.expectOpen('param')) r.fail('empty param');
        params.push(parseValue(r, 0));
        r.expectClose('param');
      }
      r.expectClose('params');
    }
  }
  r.expectClose('methodCall');
  r.skipMisc();
  if (r.pos !== xml.length) r.fail('trailing content');
  return { methodName, params };
}

/** Parses `<value>…</value>` at the cursor. */
function parseValue(r: Reader, depth: number): XmlParam {
  if (depth > MAX_DEPTH) r.fail('nesting too deep');
  if (r.expectOpen('value')) return '';
  const before = r.pos;
  const leading = r.text();
  if (r.src.startsWith('</', r.pos)) {
    r.expectClose('value');
    return leading; // untyped value = string, whitespace kept
  }
  r.pos = before;
  r.skipMisc();
  const t = r.tag();
  if (t.kind === 'close') r.fail('unexpected closing tag');
  const empty = t.kind === 'empty';
  let value: XmlParam;
  switch (t.name) {
    case 'string':
      value = r.elementText('string', empty);
      break;
    case 'int':
    case 'i4':
    case 'i8': {
      const text = r.elementText(t.name, empty).trim();
      if (!/^[+-]?\d{1,19}$/.test(text)) r.fail('bad integer');
      value = Number(text);
      break;
    }
    case 'boolean': {
      const text = r.elementText('boolean', empty).trim();
      if (text !== '0' && text !== '1') r.fail('bad boolean');
      value = text === '1';
      break;
    }
    case 'double': {
      const text = r.elementText('double', empty).trim();
      const n = Number(text);
      if (!text || Number.isNaN(n)) r.fail('bad double');
      value = n;
      break;
    }
    case 'nil':
      r.elementText('nil', empty);
      value = null;
      break;
    case 'dateTime.iso8601':
      value = parseDateTime(r.elementText(t.name, empty).trim(), r);
      break;
    case 'base64':
      value = Buffer.from(r.elementText('base64', empty).replace(/\s+/g, ''), 'base64');
      break;
    case 'struct':
      value = empty ? {} : parseStructBody(r, depth);
      break;
    case 'array':
      value = empty ? [] : parseArrayBody(r, depth);
      break;
    default:
      r.fail(`unknown value type <${t.name}>`);
  }
  r.expectClose('value');
  return value;
}

function parseStructBody(r: Reader, depth: number): { [key: string]: XmlParam } {
  // Null prototype: a member named `__proto__` must stay data, never reach the prototype.
  const out = Object.create(null) as { [key: string]: XmlParam };
  while (!r.peekIsClose('struct')) {
    if (r.expectOpen('member')) r.fail('empty member');
    let name: string | undefined;
    let value: XmlParam | undefined;
    for (let i = 0; i < 2; i++) {
      r.skipMisc();
      if (r.src.startsWith('<name', r.pos)) {
        const empty = r.expectOpen('name');
        name = r.elementText('name', empty);
      } else {
        value = parseValue(r, depth + 1);
      }
    }
    if (name === undefined || value === undefined) r.fail('member needs a name and a value');
    r.expectClose('member');
    out[name] = value;
  }
  r.expectClose('struct');
  return out;
}

function parseArrayBody(r: Reader, depth: number): XmlParam[] {
  const out: XmlParam[] = [];
  if (!r.expectOpen('data')) {
    while (!r.peekIsClose('data')) out.push(parseValue(r, depth + 1));
    r.expectClose('data');
  }
  r.expectClose('array');
  return out;
}

const DATE_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** `YYYYMMDDTHH:MM:SS` (the wire form), read as UTC when no offset is given. */
function parseDateTime(text: string, r: Reader): Date {
  const m = DATE_RE.exec(text);
  if (!m) r.fail('bad dateTime');
  const [, y, mo, d, h, mi, s, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return new Date(ms);
}
