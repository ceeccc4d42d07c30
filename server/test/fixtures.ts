// Fresh records for tests that write: a case, a repair order, a follow-up, an FAQ entry — in a given project.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { Storage } from '../platform/storage';
import { createFaq } from '../domains/faq/commands/write-faq';
import { followups } from '../domains/followups/tables';
import { saveAttachment } from '../domains/files/store';
import { transitionOrder } from '../domains/workorders/commands/transition-order';
import { customers, customerUnits } from '../domains/people/tables';
import { units } from '../domains/org/tables';
import { principalOf, repairCase, SIGNATURE } from './desk';

export function fixtures(db: Db, storage: Storage, key: string, projectId: string) {
  const as = (suffix: string) => principalOf(db, `${key}-${suffix}`);
  return {
    /** An open repair case owned by the project's first clerk, with its reported order. */
    repair: () => repairCase(db, `${key}-clerk`, projectId),
    async followup() {
      const order = (await repairCase(db, `${key}-clerk`, projectId, { paid: true })).orders[0];
      const [eng, tech, clerk] = await Promise.all([as('eng'), as('tech'), as('clerk')]);
      let o = await transitionOrder(db, storage, eng, order.id, { action: 'dispatch', version: order.version, assigneeId: tech.userId });
      o = await transitionOrder(db, storage, tech, o.id, { action: 'accept', version: o.version });
      o = await transitionOrder(db, storage, tech, o.id, { action: 'start', version: o.version });
      o = await transitionOrder(db, storage, tech, o.id, { action: 'complete', version: o.version, result: '已修复', materials: [], signature: SIGNATURE });
      await transitionOrder(db, storage, clerk, o.id, { action: 'close', version: o.version });
      const [f] = await db.select().from(followups).where(eq(followups.orderId, o.id));
      return f;
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
