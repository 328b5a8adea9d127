import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RproxyControls } from '@/components/load-balancers/rproxy-controls';
import { Badge } from '@/components/ui/badge';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { PagePoller } from '@/components/ui/page-poller';
import { DefinitionList, DetailCard } from '@/components/vms/detail-card';
import { formatState } from '@/components/vms/format';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getRproxyDetail } from '@/lib/dal/rproxy';
import { idField } from '@/lib/validation/vm';

export const metadata: Metadata = { title: 'Load balancer' };

export default async function LoadBalancerPage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = idField.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const { conn } = await requireSession();
  const loaded = await load(() => getRproxyDetail(conn, parsedId.data));
  if (!loaded.ok)
    return <ErrorPanel title="This load balancer could not load" message={loaded.message} />;
  if (!loaded.data) notFound();
  const { rproxy, datacenter, backendHosts, choices } = loaded.data;
  const up = rproxy.backends.filter((b) => b.state === 'running').length;
  return (
    <>
      <Breadcrumb trail={[{ href: '/load-balancers', label: 'Load balancers' }]} />
      <PageHeader title={`Load balancer ${rproxy.name}`} description={`In ${datacenter}`} />
      {/* Being created or deleted (maybe from another tab or gandi.cli): re-read until it settles. */}
      {rproxy.state !== 'running' ? <PagePoller key={rproxy.state} /> : null}
      <div className="space-y-4">
        <DetailCard id="rproxy-summary" title="Summary">
          <DefinitionList
            items={[
              [
                'State',
                <Badge key="s" tone={rproxy.state === 'running' ? 'success' : 'info'}>
                  {formatState(rproxy.state)}
                </Badge>,
              ],
              ['Datacenter', datacenter],
              ['Algorithm', rproxy.algorithm ?? '—'],
              ['SSL', rproxy.sslEnabled ? 'On' : 'Off'],
              ['Backends up', `${up}/${rproxy.backends.length}`],
              ['Probe', rproxy.probe.enabled ? 'On' : 'Off'],
            ]}
          />
        </DetailCard>
        <RproxyControls
          rproxy={{
            id: rproxy.id,
            name: rproxy.name,
            state: rproxy.state,
            algorithm: rproxy.algorithm,
            sslEnabled: rproxy.sslEnabled,
            probe: rproxy.probe,
            backends: rproxy.backends.map((b) => ({
              id: b.id,
              ip: b.ip,
              port: b.port,
              state: b.state,
              host: backendHosts[b.id] ?? null,
            })),
            vhosts: rproxy.vhosts.map((v) => ({ id: v.id, name: v.name, state: v.state })),
          }}
          choices={choices.map((c) => ({ value: c.value, label: `${c.hostname} ${c.value}` }))}
        />
      </div>
    </>
  );
}
