// SV-02: each weak item of a closed survey gets an improvement measure with its owner (staff of the
// project) and deadline — mirrored into the shared `deadlines` table in the same transaction, so the
// sweeper tells the owner when it is overdue — and is closed only with its evidence (note and photos).
import { and, eq } from 'drizzle-orm';
import type * as z from 'zod';
import type { TSurveyDetail, ZMeasureClose, ZMeasureCreate } from '../../../../common/surveys';
import { runCommand } from '../../../platform/audit';
import { addDays, fromLocal, toLocal } from '../../../platform/clock';
import type { Db, Tx } from '../../../platform/db';
import { AppError, invalidField, notFound, staleVersion } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import type { Storage } from '../../../platform/storage';
import { syncDeadlines } from '../../deadlines/sync';
import { saveAttachment } from '../../files/store';
import { projectTimezone } from '../../org/queries';
import { userRoles } from '../../people/tables';
import { loadSurvey, surveyDetail } from '../queries';
import { surveyMeasures } from '../tables';

type MeasureRow = typeof surveyMeasures.$inferSelect;

export const syncMeasureDeadline = (tx: Tx, m: MeasureRow, now: Date) =>
  syncDeadlines(tx, { companyId: m.companyId, projectId: m.projectId, entity: 'survey_measure', entityId: m.id, ruleVersion: 1 }, [{ kind: 'survey_measure', dueAt: m.dueAt, metAt: m.closedAt, responsibleId: m.ownerId }], now);

export function addMeasure(db: Db, p: Principal, surveyId: string, input: z.infer<typeof ZMeasureCreate>, now?: Date): Promise<TSurveyDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const s = await loadSurvey(tx, p, surveyId, 'survey.manage');
      if (s.version !== input.version) throw staleVersion();
      if (s.status === 'open') throw new AppError(409, 'survey_not_closed');
      const report = (await surveyDetail(tx, p, s.id, ctx.now)).report;
      const item = report.items.find((i) => i.code === input.itemCode);
      if (!item) throw invalidField('itemCode', 'unknown_survey_item');
      if (!item.belowTarget) throw invalidField('itemCode', 'item_not_weak');
      const [staff] = await tx.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.userId, input.ownerId), eq(userRoles.projectId, s.projectId))).limit(1);
      if (!staff) throw invalidField('ownerId', 'not_project_staff');
      const tz = await projectTimezone(tx, s.projectId);
      if (input.dueOn < toLocal(ctx.now, tz).date) throw invalidField('dueOn', 'date_in_past');
      const [m] = await tx
        .insert(surveyMeasures)
        .values({ companyId: s.companyId, projectId: s.projectId, surveyId: s.id, itemCode: input.itemCode, action: input.action, ownerId: input.ownerId, dueOn: input.dueOn, dueAt: fromLocal(addDays(input.dueOn, 1), 0, tz), createdBy: p.userId, createdAt: ctx.now })
        .returning();
      await syncMeasureDeadline(tx, m, ctx.now);
      await ctx.audit({ entity: 'survey_measure', entityId: m.id, projectId: s.projectId, action: 'create', after: { surveyId: s.id, itemCode: m.itemCode, index: item.index, target: item.target, ownerId: m.ownerId, dueOn: m.dueOn } });
      return surveyDetail(tx, p, s.id, ctx.now);
    },
    now,
  );
}

const bytesOf = (data: string) => Buffer.from(data.replace(/^data:[^,]*,/, ''), 'base64');

export function closeMeasure(db: Db, storage: Storage, p: Principal, surveyId: string, measureId: string, input: z.infer<typeof ZMeasureClose>, now?: Date): Promise<TSurveyDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const s = await loadSurvey(tx, p, surveyId, 'survey.manage');
      const [m] = await tx.select().from(surveyMeasures).where(and(eq(surveyMeasures.id, measureId), eq(surveyMeasures.surveyId, s.id)));
      if (!m) throw notFound();
      if (m.status !== 'open') throw new AppError(409, 'measure_closed');
      const [done] = await tx
        .update(surveyMeasures)
        .set({ status: 'done', evidence: input.evidence, closedAt: ctx.now, closedBy: p.userId, version: m.version + 1 })
        .where(and(eq(surveyMeasures.id, m.id), eq(surveyMeasures.version, input.version)))
        .returning();
      if (!done) throw staleVersion();
      const files: string[] = [];
      for (const [i, ph] of input.photos.entries())
        files.push((await saveAttachment(tx, storage, { companyId: s.companyId, projectId: s.projectId, entity: 'survey_measure', entityId: m.id, kind: 'photo', name: ph.name, bytes: bytesOf(ph.data), uploadedBy: p.userId }, `photos.${i}.data`)).id);
      await syncMeasureDeadline(tx, done, ctx.now);
      await ctx.audit({ entity: 'survey_measure', entityId: m.id, projectId: s.projectId, action: 'close', after: { evidence: input.evidence, files, late: done.closedAt! > m.dueAt } });
      return surveyDetail(tx, p, s.id, ctx.now);
    },
    now,
  );
}
