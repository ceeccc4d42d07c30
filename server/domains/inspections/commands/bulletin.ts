// QI-04: the month's bulletin (通报). A quality inspector with a company-wide grant drafts it from the
// month's submitted inspections, may add remarks (each edit refreshes the ranking), and publishes it:
// publication is refused while any project of the company has no submitted inspection for the month
// (a bulletin ranks every project, so it waits for the last one); the published bulletin takes the
// company's next number of the year (品质通报-2026-003) and is sent to the heads of every department
// of every project (project managers, CS supervisors, department supervisors). Each step is an audit event.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TBulletin } from '../../../../common/inspections';
import { runCommand } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { AppError, forbidden, invalidField, notFound, updatedOrStale } from '../../../platform/errors';
import { holdsAnywhere, type Principal } from '../../../platform/policy';
import { nextInSequence } from '../../../platform/sequence';
import { notify } from '../../notifications/notify';
import { userRoles, users } from '../../people/tables';
import { bulletinDetail, loadBulletin, mayDraftBulletins, monthResults } from '../results';
import { inspectionBulletins } from '../tables';

function requireDrafter(p: Principal) {
  if (mayDraftBulletins(p)) return;
  throw holdsAnywhere(p, 'inspection.read') ? forbidden() : notFound();
}

/** "品质通报-2026-003": the company's bulletins of a year, numbered without gaps at publication. */
export const bulletinNumber = (year: number, n: number) => `品质通报-${year}-${String(n).padStart(3, '0')}`;

async function snapshot(tx: Tx, companyId: string, month: string) {
  const r = await monthResults(tx, companyId, month);
  return { items: r.items, passRate: Math.round(r.passRate * 10_000) };
}

export function draftBulletin(db: Db, p: Principal, input: { month: string; remarks: string }, now?: Date): Promise<TBulletin> {
  requireDrafter(p);
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      if (new Date(`${input.month}-01T00:00:00+08:00`) > ctx.now) throw invalidField('month', 'month_in_future');
      const [dup] = await tx.select({ id: inspectionBulletins.id }).from(inspectionBulletins).where(and(eq(inspectionBulletins.companyId, p.companyId), eq(inspectionBulletins.month, input.month)));
      if (dup) throw new AppError(409, 'bulletin_exists');
      const snap = await snapshot(tx, p.companyId, input.month);
      const [b] = await tx
        .insert(inspectionBulletins)
        .values({ companyId: p.companyId, month: input.month, remarks: input.remarks, ...snap, draftedBy: p.userId, draftedAt: ctx.now })
        .returning();
      await ctx.audit({ entity: 'inspection_bulletin', entityId: b.id, projectId: null, action: 'draft', after: { month: b.month, remarks: b.remarks, passRate: snap.passRate / 10_000, projects: snap.items.length } });
      return bulletinDetail(tx, p, b.id);
    },
    now,
  );
}

export function editBulletin(db: Db, p: Principal, id: string, input: { version: number; remarks: string }): Promise<TBulletin> {
  requireDrafter(p);
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const b = await loadBulletin(tx, p, id);
    if (b.status !== 'draft') throw new AppError(409, 'bulletin_published');
    const snap = await snapshot(tx, p.companyId, b.month);
    updatedOrStale(
      await tx
        .update(inspectionBulletins)
        .set({ remarks: input.remarks, ...snap, version: sql`${inspectionBulletins.version} + 1` })
        .where(and(eq(inspectionBulletins.id, b.id), eq(inspectionBulletins.version, input.version), eq(inspectionBulletins.status, 'draft')))
        .returning(),
    );
    await ctx.audit({ entity: 'inspection_bulletin', entityId: b.id, projectId: null, action: 'edit', before: { remarks: b.remarks }, after: { remarks: input.remarks } });
    return bulletinDetail(tx, p, b.id);
  });
}

export function publishBulletin(db: Db, p: Principal, id: string, input: { version: number }, now?: Date): Promise<TBulletin> {
  requireDrafter(p);
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const b = await loadBulletin(tx, p, id);
      if (b.status !== 'draft') throw new AppError(409, 'bulletin_published');
      if (b.version !== input.version) throw new AppError(409, 'stale_version');
      const snap = await snapshot(tx, p.companyId, b.month);
      const missing = snap.items.filter((i) => i.score == null);
      if (missing.length) throw new AppError(409, 'bulletin_incomplete', missing.map((m) => ({ path: 'projects', key: m.projectName })));
      // Heads of every department of every project hear of it (company-wide holders of these roles too).
      const heads = await tx
        .selectDistinct({ id: users.id })
        .from(userRoles)
        .innerJoin(users, eq(users.id, userRoles.userId))
        .where(and(eq(userRoles.companyId, p.companyId), inArray(userRoles.role, ['project_manager', 'cs_supervisor', 'dept_supervisor']), eq(users.active, true)));
      // WO-01: the number is taken last, just before the row that carries it (the sequence row stays locked to COMMIT).
      const year = Number(new Date(ctx.now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
      const number = bulletinNumber(year, await nextInSequence(tx, p.companyId, p.companyId, 'inspection_bulletin', year));
      const after = updatedOrStale(
        await tx
          .update(inspectionBulletins)
          .set({ ...snap, status: 'published', number, publishedBy: p.userId, publishedAt: ctx.now, version: sql`${inspectionBulletins.version} + 1` })
          .where(and(eq(inspectionBulletins.id, b.id), eq(inspectionBulletins.version, input.version), eq(inspectionBulletins.status, 'draft')))
          .returning(),
      );
      await notify(tx, { companyId: p.companyId, projectId: null, userIds: heads.map((h) => h.id), kind: 'bulletin_published', entity: 'inspection_bulletin', entityId: b.id, params: { number, month: b.month }, dedupeKey: `bulletin:${b.id}`, at: ctx.now });
      await ctx.audit({ entity: 'inspection_bulletin', entityId: b.id, projectId: null, action: 'publish', after: { number: after.number, passRate: snap.passRate / 10_000, notified: heads.length } });
      return bulletinDetail(tx, p, b.id);
    },
    now,
  );
}
