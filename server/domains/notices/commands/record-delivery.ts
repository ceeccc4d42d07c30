// NT-03: posting and take-down photos are archived with the notice. NT-04: one delivery record per unit
// (signed receipt, SMS or call log); a unit already recorded keeps its first record.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TDeliveryRecord, TCoverage } from '../../../../common/notices';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import type { Storage } from '../../../platform/storage';
import { saveAttachment } from '../../files/store';
import { units } from '../../org/tables';
import { coverageOf, loadNotice } from '../queries';
import { noticeDeliveries } from '../tables';

const POSTED = ['published', 'expired', 'taken_down'];

export function recordDeliveries(db: Db, p: Principal, noticeId: string, input: TDeliveryRecord, now?: Date): Promise<{ recorded: number; coverage: TCoverage }> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const n = await loadNotice(tx, p, noticeId, 'notice.draft');
      if (!POSTED.includes(n.status)) throw new AppError(409, 'notice_not_posted');
      const ids = [...new Set(input.unitIds)];
      const [{ found }] = await tx
        .select({ found: sql<number>`count(*)::int` })
        .from(units)
        .where(and(eq(units.projectId, n.projectId), inArray(units.id, ids)));
      if (found !== ids.length) throw invalidField('unitIds', 'unknown_unit');
      const deliveredAt = input.deliveredAt ? new Date(input.deliveredAt) : ctx.now;
      if (deliveredAt > new Date(ctx.now.getTime() + 60_000)) throw invalidField('deliveredAt', 'in_future');
      const rows = await tx
        .insert(noticeDeliveries)
        .values(ids.map((unitId) => ({ companyId: n.companyId, projectId: n.projectId, noticeId, unitId, method: input.method, recipient: input.recipient, note: input.note, deliveredAt, recordedBy: p.userId, createdAt: ctx.now })))
        .onConflictDoNothing({ target: [noticeDeliveries.noticeId, noticeDeliveries.unitId] })
        .returning({ unitId: noticeDeliveries.unitId });
      if (rows.length) await ctx.audit({ entity: 'notice', entityId: noticeId, projectId: n.projectId, action: 'deliver', after: { method: input.method, units: rows.length, recipient: input.recipient || undefined } });
      return { recorded: rows.length, coverage: await coverageOf(tx, n.projectId, noticeId) };
    },
    now,
  );
}

export function attachNoticePhoto(db: Db, storage: Storage, p: Principal, noticeId: string, input: { kind: 'posting' | 'takedown'; name: string; data: string }) {
  return runCommand(db, p, async (ctx) => {
    const n = await loadNotice(ctx.tx, p, noticeId, 'notice.draft');
    if (n.status === 'draft' || n.status === 'submitted') throw new AppError(409, 'illegal_transition');
    const bytes = Buffer.from(input.data.replace(/^data:[^,]*,/, ''), 'base64');
    const saved = await saveAttachment(ctx.tx, storage, { companyId: n.companyId, projectId: n.projectId, entity: 'notice', entityId: n.id, kind: input.kind, name: input.name, bytes, uploadedBy: p.userId }, 'data');
    await ctx.audit({ entity: 'notice', entityId: n.id, projectId: n.projectId, action: 'photo', after: { fileId: saved.id, kind: input.kind, name: saved.name } });
    return saved;
  });
}
