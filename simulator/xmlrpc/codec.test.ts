import { execFileSync } from 'node:child_process';
import { serializeMethodCall } from 'xmlrpc/lib/serializer';
import { describe, expect, it } from 'vitest';
import { MalformedRequest, parseMethodCall } from './decode';
import { encodeFault, encodeResponse, pythonFloatRepr } from './encode';
import { double } from './values';

/** Runs a Python snippet that prints to stdout (the reference implementation of the wire format). */
function python(code: string): string {
  return execFileSync('python3', ['-c', code], { encoding: 'utf8' });
}

describe('encodeResponse', () => {
  it("is byte-identical to Python's xmlrpc.client.dumps(methodresponse=True, allow_none=True)", () => {
    const value = {
      id: 352698,
      neg: -5,
      nothing: null,
      bandwidth: double(102400),
      ratio: 0.1,
      big: double(1e20),
      tiny: double(1e-5),
      flag: true,
      off: false,
      text: 'a <b> & "c" \'d\' é ✓',
      empty: '',
      when: new Date(Date.UTC(2018, 4, 18, 17, 11, 12)),
      list: [1, null, 'x', [], {}],
      nested: { inner: { deeper: [null, null] } },
    };
    const expected = python(`
import xmlrpc.client as x, datetime, sys
v = {'id': 352698, 'neg': -5, 'nothing': None, 'bandwidth': 102400.0, 'ratio': 0.1, 'big': 1e20, 'tiny': 1e-5,
     'flag': True, 'off': False, 'text': 'a <b> & "c" \\'d\\' \\u00e9 \\u2713', 'empty': '',
     'when': datetime.datetime(2018, 5, 18, 17, 11, 12), 'list': [1, None, 'x', [], {}],
     'nested': {'inner': {'deeper': [None, None]}}}
sys.stdout.write(x.dumps((v,), methodresponse=True, allow_none=True))`);
    expect(encodeResponse(value)).toBe(expected);
  });

  it('writes dates in UTC whatever the process time zone', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(encodeResponse(new Date(Date.UTC(2018, 0, 1, 0, 30, 0)))).toContain(
        '<dateTime.iso8601>20180101T00:30:00</dateTime.iso8601>',
      );
    } finally {
      process.env.TZ = previous;
    }
  });

  it('encodes faults like Python', () => {
    const expected = python(`
import xmlrpc.client as x, sys
sys.stdout.write(x.dumps(x.Fault(510150, 'Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid <API> key]'), methodresponse=True, allow_none=True))`);
    expect(
      encodeFault(510150, 'Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid <API> key]'),
    ).toBe(expected);
  });

  it("formats doubles as Python's repr does", () => {
    const samples = [0, 1, 102400, 0.1, 1.5, 1e16, 1e-4, 1.23e-5, 123456789.123, -2.5, 1e22];
    const expected = python(
      `import sys; sys.stdout.write(' '.join(repr(float(v)) for v in [${samples.join(', ')}]))`,
    );
    expect(samples.map(pythonFloatRepr).join(' ')).toBe(expected);
  });
});

describe('parseMethodCall', () => {
  it("reads what Python's xmlrpc.client sends", () => {
    const xml = python(`
import xmlrpc.client as x, datetime, sys
sys.stdout.write(x.dumps(('demoaccount0000000000001', {'datacenter_id': 1, 'name': 'a&b<c>', 'size': 1.5,
  'flags': [True, False, None], 'when': datetime.datetime(2018, 5, 18, 17, 11, 12), 'blob': x.Binary(b'hi'),
  'unicode': '\\u00e9\\u2713', 'empty': {}, 'none': []}), 'hosting.disk.create', allow_none=True))`);
    const call = parseMethodCall(xml);
    expect(call.methodName).toBe('hosting.disk.create');
    expect(call.params[0]).toBe('demoaccount0000000000001');
    const spec = call.params[1] as Record<string, unknown>;
    expect({ ...spec, blob: (spec.blob as Buffer).toString() }).toEqual({
      datacenter_id: 1,
      name: 'a&b<c>',
      size: 1.5,
      flags: [true, false, null],
      when: new Date(Date.UTC(2018, 4, 18, 17, 11, 12)),
      blob: 'hi',
      unicode: 'é✓',
      empty: {},
      none: [],
    });
  });

  it("reads what the xmlrpc package's client sends", () => {
    const xml = serializeMethodCall('hosting.vm.list', [
      'k',
      { state: ['running', 'halted'], items_per_page: 500, '~hostname': 'web%' },
    ]);
    expect(parseMethodCall(xml)).toEqual({
      methodName: 'hosting.vm.list',
      params: ['k', { state: ['running', 'halted'], items_per_page: 500, '~hostname': 'web%' }],
    });
  });

  it('accepts untyped values, i4, self-closing tags, comments, CDATA and character references', () => {
    const xml = `<?xml version="1.0"?><!-- c --><methodCall><methodName>m</methodName><params>
      <param><value>  raw text </value></param>
      <param><value><i4>-7</i4></value></param>
      <param><value><string/></value></param>
      <param><value><string><![CDATA[<x>]]>&#233;&#x2713;&amp;</string></value></param>
      <param><value><struct><member><value><int>1</int></value><name>n</name></member></struct></value></param>
      <param><value><array><data/></array></value></param>
    </params></methodCall>`;
    expect(parseMethodCall(xml).params).toEqual(['  raw text ', -7, '', '<x>é✓&', { n: 1 }, []]);
  });

  it('keeps a `__proto__` member as data', () => {
    const xml =
      '<methodCall><methodName>m</methodName><params><param><value><struct><member><name>__proto__</name><value><int>1</int></value></member></struct></value></param></params></methodCall>';
    const value = parseMethodCall(xml).params[0] as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['not XML', 'hello'],
    ['JSON', '{"method":"version.info"}'],
    ['unclosed', '<methodCall><methodName>m</methodName>'],
    [
      'bad integer',
      '<methodCall><methodName>m</methodName><params><param><value><int>1x</int></value></param></params></methodCall>',
    ],
    [
      'bad boolean',
      '<methodCall><methodName>m</methodName><params><param><value><boolean>2</boolean></value></param></params></methodCall>',
    ],
    [
      'unknown type',
      '<methodCall><methodName>m</methodName><params><param><value><float>1</float></value></param></params></methodCall>',
    ],
    ['trailing junk', '<methodCall><methodName>m</methodName></methodCall><x/>'],
    [
      'DOCTYPE (entity expansion)',
      '<!DOCTYPE x [<!ENTITY a "aaaa">]><methodCall><methodName>m</methodName></methodCall>',
    ],
    ['unknown entity', '<methodCall><methodName>&bogus;</methodName></methodCall>'],
    [
      'member without value',
      '<methodCall><methodName>m</methodName><params><param><value><struct><member><name>a</name></member></struct></value></param></params></methodCall>',
    ],
    [
      'too deep',
      `<methodCall><methodName>m</methodName><params><param>${'<value><array><data>'.repeat(100)}${'</data></array></value>'.repeat(100)}</param></params></methodCall>`,
    ],
  ])('refuses %s', (_label, xml) => {
    expect(() => parseMethodCall(xml)).toThrow(MalformedRequest);
  });
});
