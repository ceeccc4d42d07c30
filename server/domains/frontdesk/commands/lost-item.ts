// FD-04: lost reports and found items (with photos), matching a report to an item, the hand-back with
// the receiver's identity and signature, and disposal of an item unclaimed past the project's setting.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { TLostItem, ZLostCreate, ZLostReturn } from '../../../../common/frontdesk';
import { maskIdNumber } from '../../../../common/mask';
import { runCommand } from '../../../platform/audit';
import { addDays } from '../../../platform/clock';
import type { Db, Tx } from '../../../platform/db';
import { AppError, invalidField, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { formatNumber, nextInSequence } from '../../../platform/sequence';
import type { Storage } from '../../../platform/storage';
import { saveAttachment } from '../../files/store';
import { deadlines } from '../../deadlines/tables';
import { endOfLocalDay, syncDeadlines } from '../../deadlines/sync';
import { authorizeFrontdesk } from '../policy';
import { loadLost, lostDetail, unclaimedDaysOf } from '../lost';
import { frontdeskSettings, lostItems } from '../tables';
import { projectToday } from '../time';

const OPEN = ['open', 'matched'];
const bytesOf = (data: string) => Buffer.from(data.replace(/^data:[^,]*,/, ''), 'base64');

/** FD-04, X-01: a found item unclaimed past its disposal date is due to be handed back or disposed of; its registrar hears, then the CS supervisor. */
function syncDisposeDue(tx: Tx, l: { id: string; companyId: string; projectId: string; createdBy: string }, due: Date, metAt: Date | null, now: Date) {
  return syncDeadlines(tx, { companyId: l.companyId, projectId: l.projectId, entity: 'lost_item', entityId: l.id, ruleVersion: 1 }, [{ kind: 'fd_lost_dispose', dueAt: due, metAt, responsibleId: l.createdBy }], now);
}

/** Handed back or disposed of: the item's deadline is met (its due time unchanged, so the on-time record stays true). */
async function closeDisposeDue(tx: Tx, l: typeof lostItems.$inferSelect, now: Date) {
  if (!l.disposeDueOn) return;
  await syncDisposeDue(tx, l, endOfLocalDay(l.disposeDueOn, (await projectToday(tx, l.projectId, now)).tz), now, now);
}

export function createLost(db: Db, p: Principal, storage: Storage, input: z.infer<typeof ZLostCreate>, now?: Date): Promise<TLostItem> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      authorizeFrontdesk(p, 'frontdesk.desk', input.projectId);
      const { today } = await projectToday(tx, input.projectId, ctx.now);
      if (input.happenedOn > today) throw invalidField('happenedOn', 'date_in_future');
      const id = randomUUID();
      for (const [i, ph] of input.photos.entries())
        await saveAttachment(tx, storage, { companyId: p.companyId, projectId: input.projectId, entity: 'lost_item', entityId: id, kind: 'photo', name: ph.name, bytes: bytesOf(ph.data), uploadedBy: p.userId }, `photos.${i}.data`);
      // FD-04: a found item's disposal date is fixed when it is registered, from the project's setting.
      const disposeDueOn = input.kind === 'found' ? addDays(input.happenedOn, (await unclaimedDaysOf(tx, input.projectId)).unclaimedDays) : null;
      const year = Number(today.slice(0, 4));
      const number = formatNumber('SW', year, await nextInSequence(tx, p.companyId, input.projectId, 'SW', year));
      await tx.insert(lostItems).values({
        id,
        companyId: p.companyId,
        projectId: input.projectId,
        number,
        kind: input.kind,
        category: input.category,
        description: input.description,
        place: input.place,
        happenedOn: input.happenedOn,
        personName: input.personName,
        personPhone: input.personPhone,
        storedAt: input.storedAt,
        disposeDueOn,
        createdBy: p.userId,
        createdAt: ctx.now,
      });
      if (disposeDueOn) await syncDisposeDue(tx, { id, companyId: p.companyId, projectId: input.projectId, createdBy: p.userId }, endOfLocalDay(disposeDueOn, (await projectToday(tx, input.projectId, ctx.now)).tz), null, ctx.now);
      await ctx.audit({ entity: 'lost_item', entityId: id, projectId: input.projectId, action: 'register', after: { number, kind: input.kind, category: input.category, description: input.description, photos: input.photos.length } });
      return lostDetail(tx, p, id, ctx.now);
    },
    now,
  );
}

/** FD-04: a lost report and a found item of the same project, both still open, are matched to each other. */
export function matchLost(db: Db, p: Principal, id: string, input: { version: number; otherId: string; otherVersion: number }): Promise<TLostItem> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const a = await loadLost(tx, p, id, 'frontdesk.desk');
    const [b] = await tx.select().from(lostItems).where(and(eq(lostItems.id, input.otherId), eq(lostItems.projectId, a.projectId)));
    if (!b) throw invalidField('otherId', 'unknown_lost_item');
    if (a.kind === b.kind) throw invalidField('otherId', 'match_lost_with_found');
    if (a.state !== 'open' || b.state !== 'open') throw new AppError(409, 'lost_not_open');
    for (const [x, version, to] of [[a, input.version, b.id], [b, input.otherVersion, a.id]] as const)
      updatedOrStale(
        await tx
          .update(lostItems)
          .set({ state: 'matched', matchedId: to, version: sql`${lostItems.version} + 1` })
          .where(and(eq(lostItems.id, x.id), eq(lostItems.version, version), eq(lostItems.state, 'open')))
          .returning({ id: lostItems.id }),
      );
    await ctx.audit([a, b].map((x) => ({ entity: 'lost_item', entityId: x.id, projectId: a.projectId, action: 'match', after: { matchedId: x.id === a.id ? b.id : a.id } })));
    return lostDetail(tx, p, id, ctx.now);
  });
}

/** FD-04: a found item handed back: the receiver's name, phone, ID (kept masked) and drawn signature. */
export function returnLost(db: Db, p: Principal, storage: Storage, id: string, input: z.infer<typeof ZLostReturn>): Promise<TLostItem> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const item = await loadLost(tx, p, id, 'frontdesk.desk');
    if (item.kind !== 'found') throw new AppError(409, 'return_found_only');
    if (!OPEN.includes(item.state)) throw new AppError(409, 'lost_not_open');
    const sig = await saveAttachment(tx, storage, { companyId: p.companyId, projectId: item.projectId, entity: 'lost_item', entityId: id, kind: 'signature', name: 'signature.png', bytes: bytesOf(input.signature), uploadedBy: p.userId }, 'signature');
    const done = { state: 'returned', returnedAt: ctx.now, returnedBy: p.userId, version: sql`${lostItems.version} + 1` };
    updatedOrStale(
      await tx
        .update(lostItems)
        .set({ ...done, receiverName: input.receiverName, receiverPhone: input.receiverPhone, receiverIdNumber: maskIdNumber(input.receiverIdNumber), signatureFileId: sig.id })
        .where(and(eq(lostItems.id, id), eq(lostItems.version, input.version), inArray(lostItems.state, OPEN)))
        .returning({ id: lostItems.id }),
    );
    // The owner's lost report closes with the hand-back of its item.
    if (item.matchedId) await tx.update(lostItems).set(done).where(and(eq(lostItems.id, item.matchedId), eq(lostItems.state, 'matched')));
    await closeDisposeDue(tx, item, ctx.now);
    await ctx.audit({ entity: 'lost_item', entityId: id, projectId: item.projectId, action: 'return', after: { receiverName: input.receiverName, signatureFileId: sig.id } });
    return lostDetail(tx, p, id, ctx.now);
  });
}

/** FD-04: only a found item unclaimed past its disposal date is disposed of, with a note of how. */
export function disposeLost(db: Db, p: Principal, id: string, input: { version: number; note: string }): Promise<TLostItem> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const item = await loadLost(tx, p, id, 'frontdesk.desk');
    if (item.kind !== 'found' || !OPEN.includes(item.state)) throw new AppError(409, 'lost_not_open');
    const { today } = await projectToday(tx, item.projectId, ctx.now);
    if (!item.disposeDueOn || item.disposeDueOn >= today) throw new AppError(409, 'not_due_for_disposal');
    updatedOrStale(
      await tx
        .update(lostItems)
        .set({ state: 'disposed', disposedAt: ctx.now, disposeNote: input.note, version: sql`${lostItems.version} + 1` })
        .where(and(eq(lostItems.id, id), eq(lostItems.version, input.version), inArray(lostItems.state, OPEN)))
        .returning({ id: lostItems.id }),
    );
    await closeDisposeDue(tx, item, ctx.now);
    await ctx.audit({ entity: 'lost_item', entityId: id, projectId: item.projectId, action: 'dispose', after: { note: input.note } });
    return lostDetail(tx, p, id, ctx.now);
  });
}

/** FD-04: the project's days before disposal; open found items take the new setting at once. */
export function saveSettings(db: Db, p: Principal, projectId: string, input: { unclaimedDays: number; version: number }) {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const before = await unclaimedDaysOf(tx, projectId);
    const rows =
      input.version === 0
        ? await tx.insert(frontdeskSettings).values({ projectId, companyId: p.companyId, unclaimedDays: input.unclaimedDays, createdAt: ctx.now }).onConflictDoNothing().returning()
        : await tx
            .update(frontdeskSettings)
            .set({ unclaimedDays: input.unclaimedDays, version: sql`${frontdeskSettings.version} + 1` })
            .where(and(eq(frontdeskSettings.projectId, projectId), eq(frontdeskSettings.version, input.version)))
            .returning();
    const s = updatedOrStale(rows);
    await tx
      .update(lostItems)
      .set({ disposeDueOn: sql`${lostItems.happenedOn} + ${input.unclaimedDays}::int` })
      .where(and(eq(lostItems.projectId, projectId), eq(lostItems.kind, 'found'), inArray(lostItems.state, OPEN)));
    // FD-04, X-01: the open items' disposal deadlines move with them (the notices start over).
    const { tz } = await projectToday(tx, projectId, ctx.now);
    await tx.execute(sql`
      update ${deadlines} d set due_at = ((l.happened_on + ${input.unclaimedDays}::int + 1)::timestamp at time zone ${tz}), notified_level = 0
      from ${lostItems} l
      where l.project_id = ${projectId} and l.kind = 'found' and l.state in ('open', 'matched')
        and d.entity_id = l.id and d.kind = 'fd_lost_dispose' and d.met_at is null`);
    await ctx.audit({ entity: 'frontdesk_settings', entityId: projectId, projectId, action: 'update', before: { unclaimedDays: before.unclaimedDays }, after: { unclaimedDays: input.unclaimedDays } });
    return { unclaimedDays: s.unclaimedDays, version: s.version };
  });
}
