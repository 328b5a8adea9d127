import 'server-only';
import { randomUUID } from 'node:crypto';
import type { TeamDb } from '../db/connect';
import { getTeamDb } from '../db';
import {
  LAUNCH_ROLES,
  storedSpecSchema,
  type LaunchRole,
  type TemplateSpec,
} from './template-schema';

/** The table of migration 0002, typed here so the shared schema stays as TEAM wrote it. */
interface VmTemplateTable {
  id: string;
  workspace_id: string;
  name: string;
  spec: string;
  roles: string;
  created_by: string;
  created_at: string;
  deleted_at: string | null;
}

export interface VmTemplate {
  id: string;
  name: string;
  spec: TemplateSpec;
  roles: LaunchRole[];
  createdAt: string;
}

function withTemplates(db: TeamDb) {
  return db.withTables<{ vm_templates: VmTemplateTable }>();
}

function toTemplate(row: VmTemplateTable): VmTemplate | null {
  let raw: unknown;
  try {
    raw = JSON.parse(row.spec);
  } catch {
    return null;
  }
  const spec = storedSpecSchema.safeParse(raw);
  // A row edited by hand into something the wizard would refuse is not offered.
  if (!spec.success) return null;
  const roles = row.roles
    .split(',')
    .filter((role): role is LaunchRole => (LAUNCH_ROLES as readonly string[]).includes(role));
  return { id: row.id, name: row.name, spec: spec.data, roles, createdAt: row.created_at };
}

export class TemplateStore {
  constructor(
    private readonly db: TeamDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(
    workspaceId: string,
    memberId: string,
    input: { name: string; spec: TemplateSpec; roles: readonly LaunchRole[] },
  ): Promise<string> {
    const id = randomUUID();
    await withTemplates(this.db)
      .insertInto('vm_templates')
      .values({
        id,
        workspace_id: workspaceId,
        name: input.name,
        spec: JSON.stringify(input.spec),
        roles: [...new Set(input.roles)].join(','),
        created_by: memberId,
        created_at: this.now().toISOString(),
        deleted_at: null,
      })
      .execute();
    return id;
  }

  async list(workspaceId: string): Promise<VmTemplate[]> {
    const rows = await withTemplates(this.db)
      .selectFrom('vm_templates')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute();
    return rows.map(toTemplate).filter((t): t is VmTemplate => t !== null);
  }

  async get(workspaceId: string, id: string): Promise<VmTemplate | null> {
    const row = await withTemplates(this.db)
      .selectFrom('vm_templates')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? toTemplate(row) : null;
  }

  /** Replaces a live template's name, spec and roles; false when it is gone (or another team's). */
  async update(
    workspaceId: string,
    id: string,
    input: { name: string; spec: TemplateSpec; roles: readonly LaunchRole[] },
  ): Promise<boolean> {
    const result = await withTemplates(this.db)
      .updateTable('vm_templates')
      .set({
        name: input.name,
        spec: JSON.stringify(input.spec),
        roles: [...new Set(input.roles)].join(','),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const result = await withTemplates(this.db)
      .updateTable('vm_templates')
      .set({ deleted_at: this.now().toISOString() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

export async function getTemplateStore(): Promise<TemplateStore> {
  const { db } = await getTeamDb();
  return new TemplateStore(db);
}
