/** Gandi operations recorded in an audit entry (its `operations` JSON column). */
export interface AuditOperation {
  id: number;
  type?: string;
  step?: string;
}

export function parseOperations(text: string): AuditOperation[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (op): op is AuditOperation =>
        !!op && typeof op === 'object' && typeof (op as AuditOperation).id === 'number',
    );
  } catch {
    return [];
  }
}
