// QI-04: rectification of an inspection's findings. Submitting an inspection (or correcting a submitted
// one) turns every finding that counts against it into a rectification item due in the project's
// rectification period (desk rules, default 7 calendar days), mirrored into `deadlines` in the same
// transaction so the sweeper tells the project manager when it is overdue, then the quality department.
// The project manager closes it with a note and photos; the inspector accepts it, or returns it with a
// reason — open again with a new deadline. Each step is an audit event; nothing is deleted.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { countsAgainst, type TRectification } from '../../../../common/inspections';
import { runCommand, type CommandContext } from '../../../platform/audit';
import { dueAt } from '../../../platform/clock';
import type { Db, Tx } from '../../../platform/db';
import { AppError, invalidField, notFound, updatedOrStale } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { formatNumber, nextInSequence } from '../../../platform/sequence';
import type { Storage } from '../../../platform/storage';
import { workCalendar } from '../../calendar/queries';
import { holdersOf } from '../../deadlines/recipients';
import { rulesOf } from '../../deadlines/rules';
import { syncDeadlines } from '../../deadlines/sync';
import { saveAttachment } from '../../files/store';
import { rectificationDetail } from '../rectification-queries';
import { inspectionFindings, inspections, rectifications } from '../tables';

type Rect = typeof rectifications.$inferSelect;

/** The rectification deadline of a record as of `from`, with the rules' version. */
export async function rectificationDue(tx: Tx, companyId: string, projectId: string, from: Date) {
  const { rules, version } = await rulesOf(tx, projectId);
  return { due: dueAt(rules.rectification, from, await workCalendar(tx, companyId, projectId)), ruleVersion: version };
}

/** mirrors a rectification into `deadlines`: open → due; closed, accepted or withdrawn → met. */
export function mirrorDeadline(tx: Tx, r: Pick<Rect, 'id' | 'companyId' | 'projectId' | 'state' | 'dueAt' | 'closedAt' | 'responsibleId'>, ruleVersion: number, now: Date) {
  const scope = { companyId: r.companyId, projectId: r.projectId, entity: 'rectification', entityId: r.id, ruleVersion };
  if (r.state === 'withdrawn' || !r.dueAt) return syncDeadlines(tx, scope, [], now);
  return syncDeadlines(tx, scope, [{ kind: 'rectification', dueAt: r.dueAt, metAt: r.state === 'open' ? null : (r.closedAt ?? now), responsibleId: r.responsibleId }], now);
}

/**
 * After a submission or correction: every counting finding has its rectification; a finding withdrawn
 * by a correction withdraws its open or closed rectification.
 */
export async function syncRectifications(ctx: CommandContext, inspectionId: string) {
  const { tx, now } = ctx;
  const [i] = await tx.select().from(inspections).where(eq(inspections.id, inspectionId));
  if (i.status !== 'submitted') return;
  const findings = await tx.select().from(inspectionFindings).where(eq(inspectionFindings.inspectionId, i.id));
  const counting = findings.filter((f) => countsAgainst(f.status));
  const existing = await tx.select().from(rectifications).where(eq(rectifications.inspectionId, i.id));
  const have = new Set(existing.map((r) => r.findingId));
  const { due, ruleVersion } = await rectificationDue(tx, i.companyId, i.projectId, now);
  const [responsible] = await holdersOf(tx, i.projectId, ['project_manager']);
  const withdrawn = existing.filter((r) => (r.state === 'open' || r.state === 'closed') && !counting.some((f) => f.id === r.findingId));
  if (withdrawn.length) {
    await tx.update(rectifications).set({ state: 'withdrawn', version: sql`${rectifications.version} + 1` }).where(inArray(rectifications.id, withdrawn.map((r) => r.id)));
    for (const r of withdrawn) {
      await mirrorDeadline(tx, { ...r, state: 'withdrawn' }, ruleVersion, now);
      await ctx.audit({ entity: 'rectification', entityId: r.id, projectId: r.projectId, action: 'withdraw', before: { state: r.state }, after: { state: 'withdrawn' } });
    }
  }
  const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  for (const f of counting.filter((x) => !have.has(x.id))) {
    const number = formatNumber('ZG', year, await nextInSequence(tx, i.companyId, i.projectId, 'ZG', year));
    const [r] = await tx
      .insert(rectifications)
      .values({ companyId: i.companyId, projectId: i.projectId, inspectionId: i.id, findingId: f.id, number, dueAt: due, responsibleId: responsible ?? null, createdAt: now })
      .returning();
    await mirrorDeadline(tx, r, ruleVersion, now);
    await ctx.audit({ entity: 'rectification', entityId: r.id, projectId: r.projectId, action: 'open', after: { number, inspectionId: i.id, itemCode: f.itemCode, dueAt: due.toISOString() } });
  }
}

async function loadRect(tx: Tx, p: Principal, id: string, action: 'rectification.close' | 'inspection.do'): Promise<Rect> {
  const [r] = await tx.select().from(rectifications).where(and(eq(rectifications.id, id), eq(rectifications.companyId, p.companyId)));
  if (!r) throw notFound();
  authorize(p, action, r.projectId, 'inspection.read');
  return r;
}

export function closeRectification(db: Db, storage: Storage, p: Principal, id: string, input: { version: number; note: string; photos: { name: string; data: string }[] }, now?: Date): Promise<TRectification> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const r = await loadRect(tx, p, id, 'rectification.close');
      if (r.state !== 'open') throw new AppError(409, 'rectification_not_open');
      const photos = [];
      for (const [k, ph] of input.photos.entries()) {
        const bytes = Buffer.from(ph.data.replace(/^data:[^,]*,/, ''), 'base64');
        const row = await saveAttachment(tx, storage, { companyId: r.companyId, projectId: r.projectId, entity: 'rectification', entityId: r.id, kind: `round${r.round}`, name: ph.name, bytes, uploadedBy: p.userId }, `photos.${k}.data`);
        photos.push(row.id);
      }
      const after = updatedOrStale(
        await tx
          .update(rectifications)
          .set({ state: 'closed', closeNote: input.note, closedAt: ctx.now, closedBy: p.userId, version: sql`${rectifications.version} + 1` })
          .where(and(eq(rectifications.id, r.id), eq(rectifications.version, input.version), eq(rectifications.state, 'open')))
          .returning(),
      );
      await mirrorDeadline(tx, after, (await rulesOf(tx, r.projectId)).version, ctx.now);
      await ctx.audit({ entity: 'rectification', entityId: r.id, projectId: r.projectId, action: 'close', before: { state: r.state }, after: { state: 'closed', note: input.note, photos, round: r.round } });
      return rectificationDetail(tx, p, r.id, ctx.now);
    },
    now,
  );
}

export function reviewRectification(db: Db, p: Principal, id: string, input: { version: number; decision: 'accept' | 'return'; note: string }, now?: Date): Promise<TRectification> {
  if (input.decision === 'return' && input.note.length < 2) throw invalidField('note', 'required');
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const r = await loadRect(tx, p, id, 'inspection.do');
      if (r.state !== 'closed') throw new AppError(409, 'rectification_not_closed');
      const { due, ruleVersion } = await rectificationDue(tx, r.companyId, r.projectId, ctx.now);
      const set =
        input.decision === 'accept'
          ? { state: 'accepted', reviewNote: input.note, reviewedAt: ctx.now, reviewedBy: p.userId }
          : // Returned: open again for the next round with a new deadline; the closing note stays in the history.
            { state: 'open', reviewNote: input.note, reviewedAt: ctx.now, reviewedBy: p.userId, round: r.round + 1, dueAt: due, closedAt: null, closedBy: null };
      const after = updatedOrStale(
        await tx
          .update(rectifications)
          .set({ ...set, version: sql`${rectifications.version} + 1` })
          .where(and(eq(rectifications.id, r.id), eq(rectifications.version, input.version), eq(rectifications.state, 'closed')))
          .returning(),
      );
      await mirrorDeadline(tx, after, ruleVersion, ctx.now);
      await ctx.audit({
        entity: 'rectification',
        entityId: r.id,
        projectId: r.projectId,
        action: input.decision,
        before: { state: r.state, round: r.round, closeNote: r.closeNote },
        after: { state: after.state, note: input.note, round: after.round, dueAt: after.dueAt?.toISOString() ?? null },
      });
      return rectificationDetail(tx, p, r.id, ctx.now);
    },
    now,
  );
}
