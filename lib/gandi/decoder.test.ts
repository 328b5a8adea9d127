import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import Deserializer from 'xmlrpc/lib/deserializer';
import { describe, expect, it } from 'vitest';
import { decodeMethodResponse, XmlRpcDecodeError, type XmlRpcValue } from './decoder';
import { FIXTURES_DIR } from './testing/fixture-server';
import { vmListResponse } from './testing/python-style';

const XML_DIRS = ['libcloud', 'libcloud-pr1234', 'libcloud-dns'];
const fixtureFiles = XML_DIRS.flatMap((dir) =>
  readdirSync(path.join(FIXTURES_DIR, dir))
    .filter((f) => f.endsWith('.xml'))
    .map((f) => path.join(dir, f)),
);

type Reference =
  { fault: false; value: unknown } | { fault: true; faultCode: number; faultString: string };

/** The `xmlrpc` package's own (sax-based) decoder, as the reference. */
function referenceDecode(body: string): Promise<Reference> {
  return new Promise((resolve, reject) => {
    new Deserializer().deserializeMethodResponse(Readable.from([body]), (err, value) => {
      if (!err) return resolve({ fault: false, value });
      const fault = err as Error & { faultCode?: number; faultString?: string };
      if (typeof fault.faultCode === 'number') {
        resolve({ fault: true, faultCode: fault.faultCode, faultString: fault.faultString ?? '' });
      } else {
        reject(err);
      }
    });
  });
}

/**
 * The package reads offset-less dates as local wall time; ours reads them as UTC. Re-reading its
 * local wall-clock fields as UTC makes both comparable whatever TZ the tests run with.
 */
function localWallClockAsUtc(v: unknown): unknown {
  if (v instanceof Date) {
    return new Date(
      Date.UTC(
        v.getFullYear(),
        v.getMonth(),
        v.getDate(),
        v.getHours(),
        v.getMinutes(),
        v.getSeconds(),
      ),
    );
  }
  if (Array.isArray(v)) return v.map(localWallClockAsUtc);
  if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, localWallClockAsUtc(x)]));
  }
  return v;
}

function value(body: string): XmlRpcValue {
  const r = decodeMethodResponse(body);
  if (r.fault) throw new Error('unexpected fault');
  return r.value;
}

const wrap = (inner: string) =>
  `<?xml version="1.0"?><methodResponse><params><param>${inner}</param></params></methodResponse>`;

describe('decodeMethodResponse on every recorded fixture', () => {
  it('finds the fixtures', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(57);
  });

  it.each(fixtureFiles)('%s decodes to the same values as the xmlrpc package', async (file) => {
    const body = readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
    const ours = decodeMethodResponse(body);
    const reference = await referenceDecode(body);
    if (reference.fault) {
      expect(ours).toEqual(reference);
    } else {
      expect(ours.fault).toBe(false);
      expect(ours.fault ? null : ours.value).toEqual(localWallClockAsUtc(reference.value));
    }
  });
});

describe('decodeMethodResponse on a large answer', () => {
  it('1,000 VMs in the Python layout decode like the xmlrpc package', async () => {
    const body = vmListResponse(1_000);
    const ours = value(body) as Record<string, unknown>[];
    expect(ours).toHaveLength(1_000);
    expect(ours[999]).toMatchObject({ id: 353685, hostname: 'node-test999', description: null });
    const reference = await referenceDecode(body);
    expect(ours).toEqual(localWallClockAsUtc(reference.fault ? null : reference.value));
  });
});

describe('decodeMethodResponse value types', () => {
  it('reads dates as UTC instants in every layout', () => {
    const expected = new Date(Date.UTC(2018, 4, 18, 17, 11, 12));
    for (const text of [
      '20180518T17:11:12',
      '2018-05-18T17:11:12',
      '20180518T171112',
      '20180518T17:11:12Z',
    ]) {
      expect(value(wrap(`<value><dateTime.iso8601>${text}</dateTime.iso8601></value>`))).toEqual(
        expected,
      );
    }
    expect(
      value(wrap('<value><dateTime.iso8601>20180518T19:11:12+02:00</dateTime.iso8601></value>')),
    ).toEqual(expected);
  });

  it('gives the same instants when the process runs in another time zone', () => {
    const body = wrap('<value><dateTime.iso8601>20180518T17:11:12</dateTime.iso8601></value>');
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      // Proves the zone really changed for this process (vitest.config forces UTC otherwise).
      expect(new Date(Date.UTC(2018, 4, 18)).getTimezoneOffset()).toBe(240);
      expect((value(body) as Date).toISOString()).toBe('2018-05-18T17:11:12.000Z');
      process.env.TZ = 'Asia/Tokyo';
      expect((value(body) as Date).toISOString()).toBe('2018-05-18T17:11:12.000Z');
    } finally {
      process.env.TZ = saved;
    }
  });

  it('reads nil in all spellings, untyped values as strings, and empty strings', () => {
    const body = wrap(
      '<value><array><data><value><nil/></value><value><nil /></value><value><nil></nil></value>' +
        '<value>plain</value><value></value><value/><value><string/></value><value><string></string></value>' +
        '</data></array></value>',
    );
    expect(value(body)).toEqual([null, null, null, 'plain', '', '', '', '']);
  });

  it('decodes entities and CDATA', () => {
    const body = wrap(
      '<value><string>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#233; &#xE9; <![CDATA[<raw & kept>]]></string></value>',
    );
    expect(value(body)).toBe('a <b> & "c" \'d\' é é <raw & kept>');
  });

  it('reads numbers, booleans and base64', () => {
    const body = wrap(
      '<value><struct>' +
        '<member><name>i4</name><value><i4>-7</i4></value></member>' +
        '<member><name>int</name><value><int> 42 </int></value></member>' +
        '<member><name>i8</name><value><i8>9007199254740991</i8></value></member>' +
        '<member><name>double</name><value><double>102400.0</double></value></member>' +
        '<member><name>exp</name><value><double>-1.5e3</double></value></member>' +
        '<member><name>t</name><value><boolean>1</boolean></value></member>' +
        '<member><name>f</name><value><boolean>0</boolean></value></member>' +
        '<member><name>b64</name><value><base64>aGVsbG8=</base64></value></member>' +
        '</struct></value>',
    );
    expect(value(body)).toEqual({
      i4: -7,
      int: 42,
      i8: 9007199254740991,
      double: 102400,
      exp: -1500,
      t: true,
      f: false,
      b64: Buffer.from('hello'),
    });
  });

  it('keeps a __proto__ member as data', () => {
    const v = value(
      wrap(
        '<value><struct><member><name>__proto__</name><value><int>1</int></value></member></struct></value>',
      ),
    );
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toBe(1);
  });

  it('accepts pretty-printed bodies with comments and spaces before >', () => {
    const body = `\uFEFF<?xml version='1.0'?>\n<!-- hi -->\n<methodResponse>\n\t<params >\n\t\t<param>\n\t\t\t<value>\n\t\t\t\t<int>1</int>\n\t\t\t</value>\n\t\t</param>\n\t</params>\n</methodResponse >\n`;
    expect(value(body)).toBe(1);
  });

  it('decodes faults', () => {
    const body =
      '<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>510150</int></value></member>' +
      '<member><name>faultString</name><value><string>Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]</string></value></member>' +
      '</struct></value></fault></methodResponse>';
    expect(decodeMethodResponse(body)).toEqual({
      fault: true,
      faultCode: 510150,
      faultString: 'Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]',
    });
  });
});

describe('decodeMethodResponse refuses malformed input', () => {
  const good = readFileSync(path.join(FIXTURES_DIR, 'libcloud-pr1234/vm_reboot.xml'), 'utf8');
  const cases: [string, string][] = [
    ['empty body', ''],
    ['garbage', 'hello world'],
    ['HTML', '<html><body>502 Bad Gateway</body></html>'],
    ['JSON', '{"result": 1}'],
    ['truncated body', good.slice(0, Math.floor(good.length / 2))],
    ['truncated at the very end', good.trimEnd().slice(0, -3)],
    ['neither params nor fault', '<methodResponse></methodResponse>'],
    ['empty params', '<methodResponse><params></params></methodResponse>'],
    ['two params', wrap('<value><int>1</int></value></param><param><value><int>2</int></value>')],
    ['unclosed tag', wrap('<value><string>abc</value>')],
    [
      'wrong nesting',
      wrap(
        '<value><struct><member><name>a</name></member><value><int>1</int></value></struct></value>',
      ),
    ],
    ['unknown type', wrap('<value><float>1.0</float></value>')],
    ['bad int', wrap('<value><int>12abc</int></value>')],
    ['bad double', wrap('<value><double>fast</double></value>')],
    ['bad boolean', wrap('<value><boolean>true</boolean></value>')],
    ['bad date', wrap('<value><dateTime.iso8601>yesterday</dateTime.iso8601></value>')],
    [
      'impossible date',
      wrap('<value><dateTime.iso8601>20181318T17:11:12</dateTime.iso8601></value>'),
    ],
    ['30 February', wrap('<value><dateTime.iso8601>20180230T10:00:00</dateTime.iso8601></value>')],
    ['bad entity', wrap('<value><string>&bogus;</string></value>')],
    ['bare ampersand', wrap('<value><string>a & b</string></value>')],
    ['text after the document', `${good}<extra/>`],
    [
      'fault without a struct',
      '<methodResponse><fault><value><int>1</int></value></fault></methodResponse>',
    ],
    [
      'fault without faultString',
      '<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>1</int></value></member></struct></value></fault></methodResponse>',
    ],
    ['a method call', '<methodCall><methodName>x</methodName><params></params></methodCall>'],
    ['attributes', wrap('<value type="int"><int>1</int></value>')],
  ];

  it.each(cases)('%s', (_name, body) => {
    expect(() => decodeMethodResponse(body)).toThrow(XmlRpcDecodeError);
  });
});
