/**
 * A purpose-built XML-RPC `methodResponse` decoder: one pass over the string, no SAX events, no DOM.
 *
 * Handles compact (Python `xmlrpclib`) and pretty-printed bodies, `<nil/>`, untyped `<value>`
 * (= string), entities, CDATA (the `xmlrpc` package's server emits it), every scalar type and faults.
 * Dates without an offset are UTC instants (built with `Date.UTC`, never local time). Anything that is
 * not a well-formed response throws `XmlRpcDecodeError`.
 */

import {
  BASE64_RE,
  decodeEntities,
  DOUBLE_RE,
  INT_RE,
  parseIsoDate,
  shown,
  XmlRpcDecodeError,
} from './xml-scalars';

export type XmlRpcValue =
  | string
  | number
  | boolean
  | null
  | Date
  | Buffer
  | XmlRpcValue[]
  | { [member: string]: XmlRpcValue };

export { XmlRpcDecodeError, parseIsoDate } from './xml-scalars';

export type XmlRpcStruct = { [member: string]: XmlRpcValue };

export type DecodedResponse =
  { fault: false; value: XmlRpcValue } | { fault: true; faultCode: number; faultString: string };

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

class Scanner {
  pos = 0;
  constructor(readonly s: string) {}

  fail(message: string, at = this.pos): never {
    throw new XmlRpcDecodeError(message, at);
  }

  /** Skips whitespace and comments. */
  ws(): void {
    const s = this.s;
    let p = this.pos;
    for (;;) {
      const c = s.charCodeAt(p);
      if (isWs(c)) {
        p++;
      } else if (c === LT && s.startsWith('<!--', p)) {
        const end = s.indexOf('-->', p + 4);
        if (end < 0) this.fail('unclosed comment', p);
        p = end + 3;
      } else {
        break;
      }
    }
    this.pos = p;
  }

  /** Consumes `<name>` exactly (the hot path: no attributes, no spaces). */
  expectOpen(tag: string): void {
    if (!this.s.startsWith(tag, this.pos)) this.fail(`expected ${tag}`);
    this.pos += tag.length;
  }

  /** Consumes `</name>`, tolerating spaces before `>`. */
  expectClose(name: string): void {
    const s = this.s;
    const p = this.pos;
    if (s.charCodeAt(p) !== LT || s.charCodeAt(p + 1) !== SLASH || !s.startsWith(name, p + 2)) {
      this.fail(`expected </${name}>`);
    }
    let q = p + 2 + name.length;
    while (isWs(s.charCodeAt(q))) q++;
    if (s.charCodeAt(q) !== GT) this.fail(`expected </${name}>`);
    this.pos = q + 1;
  }

  /**
   * Reads an opening tag at `pos`: returns its name and whether it is self-closing (`<nil/>`,
   * `<nil />`). Attributes are not part of XML-RPC and are refused.
   */
  openTag(): { name: string; empty: boolean } {
    const s = this.s;
    const start = this.pos;
    if (s.charCodeAt(start) !== LT) this.fail('expected a tag');
    let p = start + 1;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === GT || c === SLASH || isWs(c) || Number.isNaN(c)) break;
      p++;
    }
    const name = s.slice(start + 1, p);
    if (name.length === 0 || name.startsWith('/') || name.startsWith('!') || name.startsWith('?')) {
      this.fail('expected an opening tag', start);
    }
    while (isWs(s.charCodeAt(p))) p++;
    let empty = false;
    if (s.charCodeAt(p) === SLASH) {
      empty = true;
      p++;
    }
    if (s.charCodeAt(p) !== GT) this.fail(`malformed tag ${shown(name)}`, start);
    this.pos = p + 1;
    return { name, empty };
  }

  /** Character data up to the next markup that is not CDATA; entities decoded. */
  text(): string {
    const s = this.s;
    let out = '';
    for (;;) {
      const start = this.pos;
      const lt = s.indexOf('<', start);
      if (lt < 0) this.fail('unexpected end of document', s.length);
      if (lt > start) {
        const raw = s.slice(start, lt);
        out += raw.indexOf('&') >= 0 ? decodeEntities(raw, start) : raw;
      }
      this.pos = lt;
      if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) this.fail('unclosed CDATA section', lt);
        out += s.slice(lt + 9, end);
        this.pos = end + 3;
      } else {
        return out;
      }
    }
  }

  /** The text content of a scalar element whose opening tag was just read. */
  scalarContent(name: string, empty: boolean): { text: string; at: number } {
    const at = this.pos;
    if (empty) return { text: '', at };
    const text = this.text();
    this.expectClose(name);
    return { text, at };
  }

  value(): XmlRpcValue {
    const s = this.s;
    const open = this.openTag();
    if (open.name !== 'value') this.fail(`expected <value>, found ${shown(open.name)}`);
    if (open.empty) return '';
    const afterOpen = this.pos;
    this.ws();
    const p = this.pos;
    if (
      s.charCodeAt(p) === LT &&
      s.charCodeAt(p + 1) !== SLASH &&
      s.charCodeAt(p + 1) !== 33 /* ! */
    ) {
      const v = this.typed();
      this.ws();
      this.expectClose('value');
      return v;
    }
    // Untyped value: the whole content (whitespace included) is a string.
    this.pos = afterOpen;
    const text = this.text();
    this.expectClose('value');
    return text;
  }

  typed(): XmlRpcValue {
    const { name, empty } = this.openTag();
    switch (name) {
      case 'string': {
        return this.scalarContent(name, empty).text;
      }
      case 'int':
      case 'i4':
      case 'i8': {
        const { text, at } = this.scalarContent(name, empty);
        if (!INT_RE.test(text)) this.fail(`malformed <${name}>`, at);
        const n = Number(text);
        if (!Number.isSafeInteger(n)) this.fail(`<${name}> out of range`, at);
        return n;
      }
      case 'double': {
        const { text, at } = this.scalarContent(name, empty);
        if (!DOUBLE_RE.test(text)) this.fail('malformed <double>', at);
        return Number(text);
      }
      case 'boolean': {
        const { text, at } = this.scalarContent(name, empty);
        const t = text.trim();
        if (t === '1') return true;
        if (t === '0') return false;
        return this.fail('malformed <boolean>', at);
      }
      case 'dateTime.iso8601': {
        const { text, at } = this.scalarContent(name, empty);
        return parseIsoDate(text, at);
      }
      case 'base64': {
        const { text, at } = this.scalarContent(name, empty);
        if (!BASE64_RE.test(text)) this.fail('malformed <base64>', at);
        return Buffer.from(text, 'base64');
      }
      case 'nil': {
        if (!empty) {
          this.ws();
          this.expectClose('nil');
        }
        return null;
      }
      case 'struct':
        return empty ? {} : this.structBody();
      case 'array':
        return empty ? [] : this.arrayBody();
      default:
        return this.fail(`unknown value type ${shown(name)}`);
    }
  }

  structBody(): XmlRpcStruct {
    const s = this.s;
    const out: XmlRpcStruct = {};
    for (;;) {
      this.ws();
      if (s.charCodeAt(this.pos + 1) === SLASH) {
        this.expectClose('struct');
        return out;
      }
      this.expectOpen('<member>');
      this.ws();
      this.expectOpen('<name>');
      const key = this.text();
      this.expectClose('name');
      this.ws();
      const v = this.value();
      this.ws();
      this.expectClose('member');
      // A hostile `__proto__` member must stay data, not become the prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true });
      else out[key] = v;
    }
  }

  arrayBody(): XmlRpcValue[] {
    const s = this.s;
    const out: XmlRpcValue[] = [];
    this.ws();
    const data = this.openTag();
    if (data.name !== 'data') this.fail('expected <data>');
    if (!data.empty) {
      for (;;) {
        this.ws();
        if (s.charCodeAt(this.pos + 1) === SLASH) break;
        out.push(this.value());
      }
      this.expectClose('data');
    }
    this.ws();
    this.expectClose('array');
    return out;
  }

  prolog(): void {
    const s = this.s;
    if (s.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.ws();
    if (s.startsWith('<?xml', this.pos)) {
      const end = s.indexOf('?>', this.pos);
      if (end < 0) this.fail('unclosed XML declaration');
      this.pos = end + 2;
    }
    this.ws();
  }

  end(): void {
    this.ws();
    if (this.pos !== this.s.length) this.fail('unexpected content after </methodResponse>');
  }
}

function asFault(v: XmlRpcValue, at: number): DecodedResponse {
  if (
    v === null ||
    typeof v !== 'object' ||
    Array.isArray(v) ||
    v instanceof Date ||
    Buffer.isBuffer(v)
  ) {
    throw new XmlRpcDecodeError('a fault must hold a struct', at);
  }
  const code = v.faultCode;
  const text = v.faultString;
  if (typeof code !== 'number' || typeof text !== 'string') {
    throw new XmlRpcDecodeError('a fault needs an int faultCode and a string faultString', at);
  }
  return { fault: true, faultCode: code, faultString: text };
}

/** Decodes one XML-RPC `methodResponse` document; throws `XmlRpcDecodeError` on anything malformed. */
export function decodeMethodResponse(body: string): DecodedResponse {
  const sc = new Scanner(body);
  sc.prolog();
  sc.expectOpen('<methodResponse>');
  sc.ws();
  const at = sc.pos;
  const kind = sc.openTag();
  let result: DecodedResponse;
  if (kind.name === 'params' && !kind.empty) {
    sc.ws();
    sc.expectOpen('<param>');
    sc.ws();
    const value = sc.value();
    sc.ws();
    sc.expectClose('param');
    sc.ws();
    if (body.startsWith('<param', sc.pos)) sc.fail('a response holds exactly one <param>');
    sc.expectClose('params');
    result = { fault: false, value };
  } else if (kind.name === 'fault' && !kind.empty) {
    sc.ws();
    const value = sc.value();
    sc.ws();
    sc.expectClose('fault');
    result = asFault(value, at);
  } else {
    return sc.fail('a methodResponse needs <params> with one <param>, or a <fault>', at);
  }
  sc.ws();
  sc.expectClose('methodResponse');
  sc.end();
  return result;
}
