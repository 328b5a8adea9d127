/**
 * The load balancer DAL against the in-process simulator (operations complete at the next
 * request): the list row figures, the DNS records of a refused domain, and forged ids refused
 * before anything reaches the API.
 */
import { describe, expect, it } from 'vitest';
import { refusal, simulatorPerFile } from '@/lib/testing/simulator-per-file';
import { rproxyInfo, rproxyServerList, versionInfo } from '@/lib/gandi';
import { createRproxySchema, probeSchema } from '@/lib/validation/rproxy';
import { backendChoices, getRproxyDetail, getRproxyPage } from './rproxy';
import {
  addVhost,
  changeBackend,
  createRproxy,
  deleteRproxy,
  removeVhost,
  saveOrTestProbe,
} from './rproxy-mutations';

const api = simulatorPerFile();

const settle = () => versionInfo(api.conn);

async function make(overrides: Record<string, unknown> = {}) {
  const input = createRproxySchema.parse({
    name: 'lb1',
    datacenter_id: '4',
    algorithm: 'round-robin',
    backends_typed: '192.0.2.1:80\n192.0.2.2:80',
    vhosts: 'www.example.com',
    ...overrides,
  });
  const result = await createRproxy(api.conn, input);
  if (result.kind !== 'started') throw new Error('not started');
  await settle();
  return result.rproxyId!;
}

describe('load balancer DAL', () => {
  it('lists rows with backends up/total, and offers the account VMs’ addresses by datacenter', async () => {
    const { vmIds } = api.sim.control.createVms({
      apiKey: api.conn.apiKey,
      count: 2,
      datacenterId: 4,
    });
    const choices = await backendChoices(api.conn);
    expect(choices.filter((c) => c.datacenterId === 4).length).toBeGreaterThanOrEqual(2);
    const [a, b] = choices;
    const id = await make({ backends_typed: '', backend: [a!.value, b!.value] });
    const backends = await rproxyServerList(api.conn, { rproxy_id: id });
    await changeBackend(api.conn, { rproxy_id: id, server_id: backends[0]!.id, change: 'disable' });
    await settle();
    const page = await getRproxyPage(api.conn);
    expect(page.rows).toEqual([
      expect.objectContaining({
        name: 'lb1',
        state: 'running',
        backendsUp: 1,
        backendsTotal: 2,
        vhosts: ['www.example.com'],
      }),
    ]);
    expect(page.price).toEqual({ perHour: 300, sslPerHour: 60 });
    const detail = await getRproxyDetail(api.conn, id);
    expect(Object.keys(detail!.backendHosts)).toHaveLength(2);
    expect(vmIds).toHaveLength(2);
  });

  it('an unvalidated domain answers the TXT and CNAME records instead of an error', async () => {
    const input = createRproxySchema.parse({
      name: 'lb2',
      datacenter_id: '4',
      algorithm: 'client-ip',
      vhosts: 'shop.acme.fr\nwww.acme.fr\nwww.example.com',
    });
    const result = await createRproxy(api.conn, input);
    expect(result.kind).toBe('unvalidated');
    if (result.kind !== 'unvalidated') return;
    // One entry per domain, not per name.
    expect(result.records.map((r) => r.domain)).toEqual(['acme.fr', 'example.com']);
    expect(result.records[0]!.txt.value).toMatch(/^_webacc-[0-9a-f]{12}=[0-9a-f]{32}$/);
    const id = await make();
    const added = await addVhost(api.conn, { rproxy_id: id, vhost: 'api.unvalidated.test' });
    expect(added).toMatchObject({ kind: 'unvalidated', records: [{ domain: 'unvalidated.test' }] });
  });

  it('refuses ids that are not part of the load balancer named (forged form fields)', async () => {
    const first = await make();
    const second = await make({ name: 'lb-two', backends_typed: '192.0.2.9:80', vhosts: '' });
    const [foreignBackend] = await rproxyServerList(api.conn, { rproxy_id: second });
    const err = await refusal(
      changeBackend(api.conn, {
        rproxy_id: first,
        server_id: foreignBackend!.id,
        change: 'delete',
      }),
    );
    expect(err.message).toMatch(/not part of this load balancer/);
    // A vhost of the first one, named through the second: refused, and still served.
    expect(
      (await refusal(removeVhost(api.conn, { rproxy_id: second, vhost: 'www.example.com' })))
        .message,
    ).toMatch(/not served by this load balancer/);
    expect((await rproxyInfo(api.conn, first)).vhosts).toHaveLength(1);
    expect(await rproxyServerList(api.conn, { rproxy_id: second })).toHaveLength(1);
    // Another account's load balancer: "no longer exists", nothing sent.
    const other = api.another();
    expect((await refusal(deleteRproxy(other, first, 'lb1'))).message).toMatch(/no longer exists/);
    expect((await rproxyInfo(api.conn, first)).state).toBe('running');
  });

  it('delete needs the exact name; probe test reports per backend without saving', async () => {
    const id = await make({ backends_typed: '192.0.2.1:80' });
    const err = await refusal(deleteRproxy(api.conn, id, 'LB1'));
    expect(err.fieldErrors?.confirm_name?.[0]).toMatch(/Type lb1 exactly/);
    const probe = probeSchema.parse({
      rproxy_id: String(id),
      url: '/health',
      method: 'GET',
      response: '200',
      interval: '10',
      timeout: '3',
      window: '5',
      threshold: '2',
      intent: 'test',
    });
    const tested = await saveOrTestProbe(api.conn, probe);
    expect(tested).toEqual({
      kind: 'tested',
      result: {
        status: 0,
        backends: [{ label: '192.0.2.1:80', status: 0, seconds: 3, ok: false }],
      },
    });
    expect((await rproxyInfo(api.conn, id)).probe.url).toBeNull();
    const saved = await saveOrTestProbe(api.conn, { ...probe, intent: 'save', enable: true });
    expect(saved.kind).toBe('saved');
    await settle();
    expect((await rproxyInfo(api.conn, id)).probe).toMatchObject({ enabled: true, url: '/health' });
    await deleteRproxy(api.conn, id, 'lb1');
    await settle();
    expect(await getRproxyDetail(api.conn, id)).toBeNull();
  });
});

describe('load balancer form rules', () => {
  it('parses ticked and typed backends, dedupes, and keeps field-level messages', () => {
    const ok = createRproxySchema.parse({
      name: 'x',
      datacenter_id: '4',
      algorithm: 'client-ip',
      backend: ['192.0.2.1:80'],
      backends_typed: '192.0.2.1:80, [2001:DB8::1]:8080',
      vhosts: 'WWW.Example.com\nwww.example.com',
      ssl_enable: 'on',
    });
    expect(ok.backends).toEqual([
      { ip: '192.0.2.1', port: 80 },
      { ip: '2001:db8::1', port: 8080 },
    ]);
    expect(ok.vhosts).toEqual(['www.example.com']);
    expect(ok.ssl_enable).toBe(true);
    const bad = createRproxySchema.safeParse({
      name: ' bad name',
      datacenter_id: '',
      algorithm: 'least-api.conn',
      backends_typed: '192.0.2.1:99999\n<script>',
      vhosts: 'not a domain',
    });
    expect(bad.success).toBe(false);
    const fields = Object.keys(bad.error!.flatten().fieldErrors).sort();
    expect(fields).toEqual(['algorithm', 'datacenter_id']);
    const refined = createRproxySchema.safeParse({
      name: 'bad name',
      datacenter_id: '4',
      algorithm: 'client-ip',
      backends_typed: '192.0.2.1:99999',
      vhosts: 'not a domain',
    });
    expect(Object.keys(refined.error!.flatten().fieldErrors).sort()).toEqual([
      'backends_typed',
      'name',
      'vhosts',
    ]);
  });

  it('probe: threshold above window is refused on the field', () => {
    const r = probeSchema.safeParse({
      rproxy_id: '1',
      url: '/',
      method: 'GET',
      response: '200',
      interval: '10',
      timeout: '5',
      window: '2',
      threshold: '3',
    });
    expect(r.error?.flatten().fieldErrors.threshold).toBeDefined();
  });
});
