import 'server-only';
import { z } from 'zod';
import type { TeamDb } from '../db/connect';
import { getTeamDb } from '../db';
import { QUOTA_KEYS, type QuotaLimits } from './quota-model';

/** Table of migration 0003, typed here so the shared schema stays as TEAM wrote it. */
interface QuotaTable {
  workspace_id: string;
  member_id: string;
  limits: string;
  updated_by: string;
  updated_at: string;
}

/** `member_id` of the workspace-wide row. */
export const WORKSPACE_ROW = '';

const limitsSchema = z.object(
  Object.fromEntries(
    QUOTA_KEYS.map((key) => [key, z.number().nonnegative().nullable().optional()]),
  ) as Record<(typeof QUOTA_KEYS)[number], z.ZodOptional<z.ZodNullable<z.ZodNumber>>>,
);

function parseLimits(raw: string | undefined): QuotaLimits {
  if (!raw) return {};
  try {
    const parsed = limitsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export class QuotaStore {
  constructor(
    private readonly db: TeamDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private table() {
    return this.db.withTables<{ quotas: QuotaTable }>();
  }

  /** Limits of a member (`memberId`) or of the workspace (null). */
  async limits(workspaceId: string, memberId: string | null): Promise<QuotaLimits> {
    const row = await this.table()
      .selectFrom('quotas')
      .select('limits')
      .where('workspace_id', '=', workspaceId)
      .where('member_id', '=', memberId ?? WORKSPACE_ROW)
      .executeTakeFirst();
    return parseLimits(row?.limits);
  }

  async all(workspaceId: string): Promise<Map<string, QuotaLimits>> {
    const rows = await this.table()
      .selectFrom('quotas')
      .select(['member_id', 'limits'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return new Map(rows.map((row) => [row.member_id, parseLimits(row.limits)]));
  }

  async setLimits(
    workspaceId: string,
    memberId: string | null,
    limits: QuotaLimits,
    updatedBy: string,
  ): Promise<void> {
    const values = {
      workspace_id: workspaceId,
      member_id: memberId ?? WORKSPACE_ROW,
      limits: JSON.stringify(limitsSchema.parse(limits)),
      updated_by: updatedBy,
      updated_at: this.now().toISOString(),
    };
    await this.table()
      .insertInto('quotas')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'member_id']).doUpdateSet({
          limits: values.limits,
          updated_by: values.updated_by,
          updated_at: values.updated_at,
        }),
      )
      .execute();
  }
}

export async function getQuotaStore(): Promise<QuotaStore> {
  const { db } = await getTeamDb();
  return new QuotaStore(db);
}
