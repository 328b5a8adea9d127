import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { startSimulator, type Simulator } from './index';
import { methodCallXml } from './testing/client';
import { python } from './testing/python';

/**
 * Requests as XML defines them: characters XML forbids are refused (the real API's expat parser
 * refused the whole request), and a body is decoded in the encoding it declares.
 */
describe('characters and encodings on the wire', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
  });
  afterAll(() => sim.close());

  const py = (code: string) => python(code, sim.url, DEMO_API_KEY);

  it('refuses control characters, raw or as references, with a fault, and stores nothing', async () => {
    const seen = await py(`
def attempt(name):
    try:
        api.hosting.disk.create(KEY, {'datacenter_id': 4, 'size': 1024, 'name': name})
        return 'accepted'
    except xmlrpc.client.Fault as f:
        return f.faultCode

raw = attempt('bad\\x01name')
# Python escapes only & < >: send the character reference by hand.
body = xmlrpc.client.dumps((KEY, {'datacenter_id': 4, 'size': 1024, 'name': 'bad&#1;name'}), 'hosting.disk.create')
body = body.replace('&amp;#1;', '&#1;')
import urllib.request
try:
    answer = urllib.request.urlopen(urllib.request.Request(URL, body.encode(), {'Content-Type': 'text/xml'})).read()
    xmlrpc.client.loads(answer)
    ref = 'accepted'
except xmlrpc.client.Fault as f:
    ref = f.faultCode
vertical_tab = attempt('tab\\x0bname')
fine = attempt('ok\\tname\\nline')
disks = api.hosting.disk.list(KEY, {'items_per_page': 500})
print(json.dumps({'raw': raw, 'ref': ref, 'vt': vertical_tab, 'fine': fine,
                  'names': sorted(d['name'] for d in disks if 'name' in d['name'])}))
`);
    expect(seen).toEqual({
      raw: -32700,
      ref: -32700,
      vt: -32700,
      fine: 'accepted',
      // disk.list still parses, and only the valid name got in.
      names: ['ok\tname\nline'],
    });
  });

  it('decodes a body in the encoding it declares (Python ServerProxy(encoding=...))', async () => {
    const seen = await py(`
latin = xmlrpc.client.ServerProxy(URL, allow_none=True, encoding='iso-8859-1')
op = latin.hosting.disk.create(KEY, {'datacenter_id': 4, 'size': 1024, 'name': 'caf\\u00e9-\\u00fc'})
print(json.dumps({'name': api.hosting.disk.info(KEY, op['disk_id'])['name']}))
`);
    expect(seen).toEqual({ name: 'café-ü' });
  });

  it('accepts a UTF-8 byte-order mark and UTF-16 with its mark; refuses bytes invalid in UTF-8', async () => {
    const xml = methodCallXml('hosting.vm.count', [DEMO_API_KEY]);
    const post = async (body: Buffer) =>
      (
        await fetch(sim.url, {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml' },
          body: new Uint8Array(body),
        })
      ).text();
    const bom = await post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]));
    expect(bom).toContain('<int>2</int>');
    const utf16 = xml.replace("<?xml version='1.0'?>", "<?xml version='1.0' encoding='utf-16'?>");
    const le = await post(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]),
    );
    expect(le).toContain('<int>2</int>');
    const invalid = Buffer.from(
      methodCallXml('hosting.disk.create', [
        DEMO_API_KEY,
        { datacenter_id: 4, size: 1024, name: 'xZ' },
      ]),
    );
    invalid[invalid.indexOf('xZ') + 1] = 0xff; // not UTF-8
    expect(await post(invalid)).toContain('<int>-32700</int>');
    const unknown = xml.replace(
      "<?xml version='1.0'?>",
      "<?xml version='1.0' encoding='no-such'?>",
    );
    expect(await post(Buffer.from(unknown))).toContain('<int>-32700</int>');
    expect(await post(Buffer.from(xml))).toContain('<int>2</int>');
  });
});
