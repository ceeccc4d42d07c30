// QI-03 from the archives (AR-01..AR-03): overdue archives, missing documents per kind, and change
// requests left without the customer's signature (or, for a tenant, the owner's consent).
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { archiveFigures } from '../../archives/queries';
import { archives } from '../../archives/tables';
import { deadlines } from '../../deadlines/tables';
import { counted, finding, RECORDS_KEPT, refs, type AutoContext, type AutoItem } from './context';

const figures = (c: AutoContext) => c.once('archives', () => archiveFigures(c.db, c.p, c.projectId, c.month));

/** AR-01: archives still incomplete past their due time at the month's end (same rule as the figures). */
const overdueArchives: AutoItem = {
  access: 'archive.read',
  async compute(c) {
    const f = await figures(c);
    const { to } = await c.range();
    const rows = await c.db
      .select({ id: archives.id })
      .from(archives)
      .innerJoin(deadlines, and(eq(deadlines.entityId, archives.id), eq(deadlines.kind, sql`'archive_' || ${archives.kind}`)))
      .where(
        and(
          eq(archives.projectId, c.projectId),
          isNull(archives.retiredAt),
          lt(archives.createdAt, to),
          lt(deadlines.dueAt, to),
          sql`(${archives.completedAt} is null or ${archives.completedAt} >= ${to.toISOString()}::timestamptz)`,
        ),
      )
      .limit(RECORDS_KEPT);
    return finding(f.overdue, refs('archive', rows.map((r) => r.id)));
  },
};

/** AR-02: missing documents of one archive kind, each a non-conformity (0.5 points, capped by the item). */
function missingDocuments(kind: 'owner' | 'tenant' | 'decoration'): AutoItem {
  return {
    access: 'archive.read',
    async compute(c) {
      const f = await figures(c);
      const { to } = await c.range();
      const rows = await c.db
        .select({ id: archives.id })
        .from(archives)
        .where(and(eq(archives.projectId, c.projectId), eq(archives.kind, kind), isNull(archives.retiredAt), lt(archives.createdAt, to), gt(archives.missingCount, 0)))
        .limit(RECORDS_KEPT);
      return finding(f.byKind.find((k) => k.kind === kind)?.missingItems ?? 0, refs('archive', rows.map((r) => r.id)));
    },
  };
}

/**
 * AR-03: change requests made in the month and still without the customer's signature at its end — or,
 * on a tenant's archive, without the owner's consent. Cancelled requests changed nothing and are left out.
 */
const unsignedChanges: AutoItem = {
  access: 'archive.read',
  async compute(c) {
    const { F, T } = await c.range();
    const res = await c.db.execute(sql`
      select r.archive_id as id, count(*) over ()::int as n
        from archive_change_requests r join archives a on a.id = r.archive_id
       where r.project_id = ${c.projectId} and r.created_at >= ${F}::timestamptz and r.created_at < ${T}::timestamptz and r.status <> 'cancelled'
         and (r.signed_at is null or r.signed_at >= ${T}::timestamptz
              or (a.kind = 'tenant' and (r.consent_at is null or r.consent_at >= ${T}::timestamptz)))
       order by r.created_at limit ${RECORDS_KEPT}`);
    const { n, ids } = counted(res);
    return finding(n, refs('archive', new Set(ids)));
  },
};

export const ARCHIVE_ITEMS: Record<string, AutoItem> = {
  'CS-04': overdueArchives,
  'CS-05': missingDocuments('owner'),
  'CS-06': missingDocuments('tenant'),
  'CS-07': missingDocuments('decoration'),
  'CS-08': unsignedChanges,
};
