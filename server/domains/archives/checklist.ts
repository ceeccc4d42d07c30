// AR-02: the company's checklists and how many required documents an archive is missing. The count is
// stored on the archive in the same transaction as the change that moved it, with its due-date deadline.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { DEFAULT_CHECKLISTS, itemApplies, type ArchiveFacts, type ChecklistDefault, type TArchiveKind } from '../../../common/archives';
import { addDays, fromLocal } from '../../platform/clock';
import { rowsOf, type DbOrTx, type Tx } from '../../platform/db';
import { syncDeadlines } from '../deadlines/sync';
import { projectTimezone } from '../org/queries';
import { units } from '../org/tables';
import { customers } from '../people/tables';
import { archiveChecklistItems, archiveDocuments, archives } from './tables';

/** The company's list for a kind; the shipped default until the company has saved its own. */
export async function checklistOf(db: DbOrTx, companyId: string, kind: TArchiveKind): Promise<ChecklistDefault[]> {
  const rows = await db
    .select()
    .from(archiveChecklistItems)
    .where(and(eq(archiveChecklistItems.companyId, companyId), eq(archiveChecklistItems.kind, kind), isNull(archiveChecklistItems.retiredAt)))
    .orderBy(asc(archiveChecklistItems.sort));
  if (!rows.length) return DEFAULT_CHECKLISTS[kind];
  return rows.map((r) => ({ code: r.code, label: r.label, appliesTo: r.appliesTo as ChecklistDefault['appliesTo'], required: r.required }));
}

/** The required items that apply to this archive and have no current document. */
export function missingItems(items: ChecklistDefault[], facts: ArchiveFacts, filed: Set<string>) {
  const required = items.filter((i) => i.required && itemApplies(i.appliesTo, facts));
  return { required: required.length, missing: required.filter((i) => !filed.has(i.code)) };
}

/** AR-01: owner and tenant archives are due one month after the handover or move-in (end of that local day). */
export const DUE_KINDS: readonly string[] = ['owner', 'tenant'];

export function archiveDueAt(openedOn: string, tz: string): Date {
  const [y, m, d] = openedOn.split('-').map(Number);
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate(); // days in the following month
  const next = new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
  return fromLocal(addDays(next, 1), 0, tz);
}

export async function recount(tx: Tx, archiveId: string, now: Date): Promise<typeof archives.$inferSelect> {
  const [row] = await tx
    .select({ a: archives, use: units.use, customerKind: customers.kind })
    .from(archives)
    .innerJoin(units, eq(units.id, archives.unitId))
    .leftJoin(customers, eq(customers.id, archives.customerId))
    .where(eq(archives.id, archiveId));
  const { a } = row;
  const docs = await tx
    .selectDistinct({ code: archiveDocuments.itemCode })
    .from(archiveDocuments)
    .where(and(eq(archiveDocuments.archiveId, archiveId), isNull(archiveDocuments.retiredAt)));
  const items = await checklistOf(tx, a.companyId, a.kind as TArchiveKind);
  const { required, missing } = missingItems(items, { use: row.use, customerKind: row.customerKind, keysHeld: a.keysHeld, viaAgent: a.viaAgent }, new Set(docs.map((d) => d.code)));
  const completedAt = missing.length ? null : (a.completedAt ?? now);
  const [updated] = await tx.update(archives).set({ requiredCount: required, missingCount: missing.length, completedAt }).where(eq(archives.id, archiveId)).returning();
  await syncArchiveDeadline(tx, updated, now);
  return updated;
}

/** The archive's due-date deadline: met when nothing is missing; a retired archive owes nothing. */
export async function syncArchiveDeadline(tx: Tx, a: typeof archives.$inferSelect, now: Date): Promise<void> {
  const tz = await projectTimezone(tx, a.projectId);
  const due = DUE_KINDS.includes(a.kind) && !a.retiredAt;
  await syncDeadlines(
    tx,
    { companyId: a.companyId, projectId: a.projectId, entity: 'archive', entityId: a.id, ruleVersion: 1 },
    due ? [{ kind: `archive_${a.kind}`, dueAt: archiveDueAt(a.openedOn, tz), metAt: a.completedAt, responsibleId: a.keeperId }] : [],
    now,
  );
}

/**
 * AR-02: recounts every open archive of a kind after the company changed its checklist — one read of
 * the archives with their filed codes, one UPDATE of the counts, and the due-date deadline synced only
 * for the archives whose completeness changed (a relabelled item moves nothing).
 */
export async function recountKind(tx: Tx, companyId: string, kind: TArchiveKind, now: Date): Promise<number> {
  const items = await checklistOf(tx, companyId, kind);
  const rows = rowsOf<{ id: string; use: string; customer_kind: string | null; keys_held: boolean; via_agent: boolean; completed_at: string | null; codes: string[] }>(
    await tx.execute(sql`select a.id, u.use, c.kind as customer_kind, a.keys_held, a.via_agent, a.completed_at,
        coalesce(array(select distinct d.item_code from archive_documents d where d.archive_id = a.id and d.retired_at is null), '{}') as codes
      from archives a join units u on u.id = a.unit_id left join customers c on c.id = a.customer_id
      where a.company_id = ${companyId} and a.kind = ${kind} and a.retired_at is null`),
  );
  const counts = rows.map((r) => {
    const { required, missing } = missingItems(items, { use: r.use, customerKind: r.customer_kind, keysHeld: r.keys_held, viaAgent: r.via_agent }, new Set(r.codes));
    const completedAt = missing.length ? null : (r.completed_at ?? now.toISOString());
    return { id: r.id, required, missing: missing.length, completed_at: completedAt, moved: !r.completed_at !== !completedAt };
  });
  if (!counts.length) return 0;
  const moved = rowsOf<{ id: string; moved: boolean }>(
    await tx.execute(sql`update archives a set required_count = b.required, missing_count = b.missing, completed_at = b.completed_at
      from json_to_recordset(${JSON.stringify(counts)}::json) as b(id uuid, required int, missing int, completed_at timestamptz, moved boolean)
      where a.id = b.id
      returning a.id, b.moved`),
  ).filter((r) => r.moved);
  if (moved.length) {
    const changed = await tx.select().from(archives).where(sql`${archives.id} = any(${`{${moved.map((m) => m.id).join(',')}}`}::uuid[])`);
    for (const a of changed) await syncArchiveDeadline(tx, a, now);
  }
  return counts.length;
}
