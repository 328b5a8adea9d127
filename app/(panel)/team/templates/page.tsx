import { datacenterChoices } from '@/lib/datacenter-choices';
import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { formatBandwidth, formatMemory } from '@/components/vms/format';
import { load } from '@/lib/dal/load';
import { getWizardCatalog } from '@/lib/dal/vms';
import { snapshotProfileList } from '@/lib/gandi';
import { requireTeamPermission } from '@/lib/team/page-access';
import { decide } from '@/lib/team/roles';
import { mayLaunch } from '@/lib/team/templates/template-schema';
import { getTemplateStore } from '@/lib/team/templates/template-store';
import { LaunchForm } from './launch-form';
import { TemplateAdmin } from './template-admin';
import { TemplateForm, type TemplateChoices } from './template-form';

export const metadata: Metadata = { title: 'VM templates' };

export default async function TemplatesPage() {
  const { session, principal } = await requireTeamPermission('template.read');
  const templates = await (await getTemplateStore()).list(principal.workspaceId);
  const canManage = decide(principal.role, 'template.manage') === 'allow';
  const canLaunch = decide(principal.role, 'template.launch') === 'allow';
  const catalog = await load(async () => {
    const [wizard, profiles] = await Promise.all([
      getWizardCatalog(session.conn),
      snapshotProfileList(session.conn),
    ]);
    return { wizard, profiles };
  });
  if (!catalog.ok)
    return <ErrorPanel title="The catalogue could not load" message={catalog.message} />;
  const { wizard, profiles } = catalog.data;
  const choices: TemplateChoices = {
    datacenters: datacenterChoices(wizard.datacenters),
    images: wizard.images.map((image) => ({
      diskId: image.diskId,
      datacenterId: image.datacenterId,
      label: image.label,
    })),
    sshKeys: wizard.sshKeys.map((key) => ({ id: key.id, name: key.name })),
    profiles: profiles.map((profile) => ({ id: profile.id, name: profile.name })),
  };
  const dcName = new Map(choices.datacenters.map((dc) => [dc.id, dc.label]));
  const imageName = new Map(choices.images.map((image) => [image.diskId, image.label]));
  const keyName = new Map(choices.sshKeys.map((key) => [key.id, key.name]));
  const profileName = new Map(choices.profiles.map((p) => [p.id, p.name]));

  return (
    <>
      <PageHeader
        title="VM templates"
        description="Complete server recipes: members launch one in one step, with its cost shown."
      />
      {templates.length === 0 ? (
        <p className="mb-8 text-sm text-zinc-600 dark:text-zinc-400">No template yet.</p>
      ) : (
        <ul className="mb-10 space-y-4">
          {templates.map((template) => {
            const { spec } = template;
            const open = canLaunch && mayLaunch(principal.role, template.roles);
            return (
              <li key={template.id}>
                <section
                  aria-label={`Template ${template.name}`}
                  className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
                >
                  <h2 className="text-base font-semibold">{template.name}</h2>
                  <p className="text-sm text-zinc-700 dark:text-zinc-300">
                    {imageName.get(spec.src_disk_id) ?? `image ${spec.src_disk_id}`} in{' '}
                    {dcName.get(spec.datacenter_id) ?? `datacenter ${spec.datacenter_id}`} ·{' '}
                    {spec.cores} core{spec.cores === 1 ? '' : 's'}, {formatMemory(spec.memory)} RAM,{' '}
                    {formatMemory(spec.disk_size)} disk ·{' '}
                    {spec.ip_mode === 'dual' ? 'IPv4 + IPv6' : 'IPv6 only'},{' '}
                    {formatBandwidth(spec.bandwidth)} · SSH:{' '}
                    {spec.ssh_key_ids.map((id) => keyName.get(id) ?? `#${id}`).join(', ')}
                    {spec.run ? ' · first-boot script' : ''}
                    {spec.snapshot_profile !== null
                      ? ` · snapshots: ${profileName.get(spec.snapshot_profile) ?? spec.snapshot_profile}`
                      : ''}
                  </p>
                  <p className="flex flex-wrap items-center gap-1 text-xs">
                    Launched by: <Badge>owner</Badge>
                    {template.roles.map((role) => (
                      <Badge key={role}>{role}</Badge>
                    ))}
                  </p>
                  {open ? (
                    <LaunchForm
                      templateId={template.id}
                      templateName={template.name}
                      delta={{
                        cores: spec.cores,
                        memoryMb: spec.memory,
                        diskGb: spec.disk_size / 1024,
                        ipMode: spec.ip_mode,
                      }}
                    />
                  ) : (
                    <p className="text-sm text-zinc-600 dark:text-zinc-400">
                      Not open to your role.
                    </p>
                  )}
                  {canManage ? (
                    <TemplateAdmin
                      template={{
                        id: template.id,
                        name: template.name,
                        spec,
                        roles: template.roles,
                      }}
                      choices={choices}
                    />
                  ) : null}
                </section>
              </li>
            );
          })}
        </ul>
      )}
      {canManage ? (
        <section aria-labelledby="new-template-heading">
          <h2 id="new-template-heading" className="mb-3 text-lg font-semibold">
            New template
          </h2>
          <TemplateForm choices={choices} />
        </section>
      ) : null}
    </>
  );
}
