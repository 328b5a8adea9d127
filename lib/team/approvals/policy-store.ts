import 'server-only';
import { getTeamDb } from '../db';
import { NO_POLICY, type ApprovalPolicy } from './policy';

interface ApprovalPolicyTable {
  workspace_id: string;
  above_cores: number | null;
  operator_deletes: number;
  updated_by: string;
  updated_at: string;
}

async function table() {
  const { db } = await getTeamDb();
  return db.withTables<{ approval_policies: ApprovalPolicyTable }>();
}

export async function getApprovalPolicy(workspaceId: string): Promise<ApprovalPolicy> {
  const row = await (
    await table()
  )
    .selectFrom('approval_policies')
    .select(['above_cores', 'operator_deletes'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) return NO_POLICY;
  const above = row.above_cores === null ? null : Number(row.above_cores);
  return {
    aboveCores: above !== null && Number.isInteger(above) && above >= 0 ? above : null,
    // PostgreSQL may hand integers back as strings: compare numerically.
    operatorDeletes: Number(row.operator_deletes) === 1,
  };
}

export async function setApprovalPolicy(
  workspaceId: string,
  policy: ApprovalPolicy,
  updatedBy: string,
): Promise<void> {
  const values = {
    workspace_id: workspaceId,
    above_cores: policy.aboveCores,
    operator_deletes: policy.operatorDeletes ? 1 : 0,
    updated_by: updatedBy,
    updated_at: new Date().toISOString(),
  };
  await (
    await table()
  )
    .insertInto('approval_policies')
    .values(values)
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({
        above_cores: values.above_cores,
        operator_deletes: values.operator_deletes,
        updated_by: values.updated_by,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}
