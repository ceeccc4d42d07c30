// Fresh records for tests that write: a case, a repair order, a follow-up, an FAQ entry — in a given project.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { Storage } from '../platform/storage';
import { createFaq } from '../domains/faq/commands/write-faq';
import { followups, supervisionChecks } from '../domains/followups/tables';
import { registerComplaint } from '../domains/complaints/commands/register-complaint';
import { saveAttachment } from '../domains/files/store';
import { transitionOrder } from '../domains/workorders/commands/transition-order';
import { customers, customerUnits } from '../domains/people/tables';
import { units } from '../domains/org/tables';
import { closedPaidOrder, paidAndSigned, paidOrder, principalOf, repairCase, SIGNATURE } from './desk';
import { submitHandover } from '../domains/paid/commands/handover';
import { toLocal } from '../platform/clock';
import { archiveFixtures } from './archive-fixtures';
import { noticeFixtures } from './notice-fixtures';
import { relationFixtures } from './relation-fixtures';
import { patrolFixtures } from './patrol-fixtures';
import { frontdeskFixtures } from './frontdesk-fixtures';
import { inspectionFixtures } from './inspection-fixtures';
import { surveyFixtures } from './survey-fixtures';

export function fixtures(db: Db, storage: Storage, key: string, projectId: string) {
  const as = (suffix: string) => principalOf(db, `${key}-${suffix}`);
  return {
    ...archiveFixtures(db, storage, key, projectId),
    ...noticeFixtures(db, storage, key, projectId),
    ...relationFixtures(db, key, projectId),
    ...patrolFixtures(db, storage, key, projectId),
    ...frontdeskFixtures(db, storage, key, projectId),
    ...inspectionFixtures(db, storage, projectId),
    ...surveyFixtures(db, storage, key, projectId),
    /** An open repair case owned by the project's first clerk, with its reported order. */
    repair: () => repairCase(db, `${key}-clerk`, projectId),
    async followup() {
      const o = await closedPaidOrder(db, storage, key, await paidOrder(db, `${key}-clerk`, projectId));
      const [f] = await db.select().from(followups).where(eq(followups.orderId, o.id));
      return f;
    },
    /** A paid order registered by the clerk and agreed, not yet dispatched. */
    paid: () => paidOrder(db, `${key}-clerk`, projectId),
    /** A paid order done, signed and paid in cash by the clerk, not yet closed: its valid receipt. */
    async receipt() {
      return (await paidAndSigned(db, storage, key, await paidOrder(db, `${key}-clerk`, projectId))).paid.receipts[0];
    },
    /** The clerk's takings of today handed to finance, waiting for confirmation. */
    async handover() {
      await this.receipt();
      const clerk = await as('clerk');
      return submitHandover(db, clerk, { projectId, date: toLocal(new Date(), 'Asia/Shanghai').date, declared: 0, note: '' });
    },
    /** A complaint received by the project's clerk. */
    async complaint() {
      const u = await this.unit();
      return registerComplaint(db, await as('clerk'), { projectId, channel: 'phone', unitId: u.id, callerName: '周先生', callerPhone: '13611112222', content: '保洁不及时', confirmedWithCaller: true, type: 'environment', majorReasons: [] });
    },
    /** A return visit drawn into the CS supervisor's sample (RV-02). */
    async supervisionCheck() {
      const f = await this.followup();
      const [row] = await db.insert(supervisionChecks).values({ companyId: f.companyId, projectId, followupId: f.id, level: 'supervisor', selectedAt: new Date() }).returning();
      return row;
    },
    async faq() {
      return createFaq(db, await as('super'), { projectId, question: '测试问题', answer: '测试答复' });
    },
    async file() {
      const kase = await repairCase(db, `${key}-clerk`, projectId);
      const clerk = await as('clerk');
      return db.transaction((tx) =>
        saveAttachment(tx, storage, { companyId: clerk.companyId, projectId, entity: 'work_order', entityId: kase.orders[0].id, kind: 'photo', name: 'a.png', bytes: Buffer.from(SIGNATURE.split(',')[1], 'base64'), uploadedBy: clerk.userId }),
      );
    },
    async unit() {
      const [u] = await db.select().from(units).where(eq(units.projectId, projectId)).limit(1);
      return u;
    },
    async owner() {
      const [row] = await db
        .select({ c: customers, unitId: customerUnits.unitId })
        .from(customerUnits)
        .innerJoin(customers, eq(customers.id, customerUnits.customerId))
        .where(and(eq(customerUnits.projectId, projectId), eq(customerUnits.relation, 'owner')))
        .limit(1);
      return row;
    },
  };
}
