// Fresh front-desk records for tests that write (FD-01..FD-04), in a given project.
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { Storage } from '../platform/storage';
import { toLocal } from '../platform/clock';
import { issuePass } from '../domains/frontdesk/commands/issue-pass';
import { createLost } from '../domains/frontdesk/commands/lost-item';
import { passRequests, shiftLogs } from '../domains/frontdesk/tables';
import { customerUnits } from '../domains/people/tables';
import { principalOf, SIGNATURE, userId } from './desk';

export const today = (offsetDays = 0) => toLocal(new Date(Date.now() + offsetDays * 86_400_000), 'Asia/Shanghai').date;

export function frontdeskFixtures(db: Db, storage: Storage, key: string, projectId: string) {
  const fx = {
    /** The demo user name of this project's role: username('clerk') → 'ch-clerk'. */
    username: (suffix: string) => `${key}-${suffix}`,
    /** A current owner and tenant of one unit (the demo lets some units to tenants). */
    async tenancy() {
      const [t] = await db
        .select({ unitId: customerUnits.unitId, tenantId: customerUnits.customerId, ownerId: customerUnits.consentingOwnerId })
        .from(customerUnits)
        .where(and(eq(customerUnits.projectId, projectId), eq(customerUnits.relation, 'tenant')))
        .limit(1);
      return t as { unitId: string; tenantId: string; ownerId: string };
    },
    async ownerOfUnit() {
      const [o] = await db
        .select({ unitId: customerUnits.unitId, customerId: customerUnits.customerId })
        .from(customerUnits)
        .where(and(eq(customerUnits.projectId, projectId), eq(customerUnits.relation, 'owner')))
        .limit(1);
      return o;
    },
    /** FD-01: a pass issued just now by the project's clerk to an owner, valid today. */
    async pass() {
      const o = await fx.ownerOfUnit();
      return issuePass(db, await principalOf(db, `${key}-clerk`), {
        projectId,
        unitId: o.unitId,
        customerId: o.customerId,
        bearerName: '搬家师傅王强',
        bearerPhone: '13700001111',
        items: '旧沙发一套、纸箱两个',
        pieces: 3,
        idChecked: true,
      });
    },
    /** FD-01, X-03: a tenant's request from the portal, awaiting the owner's confirmation (and the owner who may give it). */
    async passRequest() {
      const [tn] = await db
        .select({ unitId: customerUnits.unitId, tenantId: customerUnits.customerId, ownerId: customerUnits.consentingOwnerId, companyId: customerUnits.companyId })
        .from(customerUnits)
        .where(and(eq(customerUnits.projectId, projectId), eq(customerUnits.relation, 'tenant'), isNotNull(customerUnits.consentingOwnerId)))
        .limit(1);
      const [r] = await db
        .insert(passRequests)
        .values({ companyId: tn.companyId, projectId, unitId: tn.unitId, customerId: tn.tenantId, residentId: randomUUID(), relation: 'tenant', requesterName: '租户陈先生', requesterPhone: '13700002222', items: '行李箱两个', pieces: 2, validOn: today(1), status: 'awaiting_owner', createdAt: new Date() })
        .returning();
      return { ...r, ownerId: tn.ownerId! };
    },
    /** FD-02: an open (unsigned) log written by `writer`, placed at the head of the project's chain. */
    async shiftLog(writer = `${key}-clerk2`) {
      const writerId = await userId(db, writer);
      const [l] = await db
        .insert(shiftLogs)
        .values({ companyId: (await principalOf(db, writer)).companyId, projectId, shiftDate: today(), shift: 'day', previousId: randomUUID(), writerId, notes: '白班：巡查大堂，无异常。', startedAt: new Date(), dueAt: new Date(Date.now() + 3_600_000), createdAt: new Date() })
        .returning();
      return l;
    },
    /** FD-04: a lost report or found item registered by the clerk; `daysAgo` sets when it happened. */
    async lost(kind: 'lost' | 'found' = 'found', daysAgo = 0, photo = false) {
      const d = new Date(Date.now() - daysAgo * 86_400_000);
      return createLost(db, await principalOf(db, `${key}-clerk`), storage, {
        projectId,
        kind,
        category: 'wallet',
        description: kind === 'found' ? '黑色钱包一个，内有银行卡' : '业主遗失黑色钱包',
        place: '1号楼大堂',
        happenedOn: toLocal(d, 'Asia/Shanghai').date,
        personName: '保洁员李阿姨',
        personPhone: '13800002222',
        storedAt: kind === 'found' ? '前台失物柜' : '',
        photos: photo ? [{ name: 'wallet.png', data: SIGNATURE }] : [],
      });
    },
  };
  return fx;
}
