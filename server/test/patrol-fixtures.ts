// Fresh patrol and facility records for tests that write (PT-01..PT-03), in a given project.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { Storage } from '../platform/storage';
import { saveAttachment } from '../domains/files/store';
import { units } from '../domains/org/tables';
import { equipment, maintenancePlans, patrolChecks, patrolFindings, publicPatrols } from '../domains/patrols/tables';
import { expressMail, meetingRooms, roomBookings } from '../domains/rooms/tables';
import { customerUnits } from '../domains/people/tables';
import { isNull } from 'drizzle-orm';
import { principalOf, SIGNATURE } from './desk';

let days = 0;
/** A different day of the past on every call (1990-01-01, 1990-01-02, …): one patrol per project and day. */
export function nextPastDay(): string {
  return new Date(Date.UTC(1990, 0, 1 + days++)).toISOString().slice(0, 10);
}

let serial = 0;

export function patrolFixtures(db: Db, storage: Storage, key: string, projectId: string) {
  const fx = {
    /** A public-area patrol of a past day by the project's housekeeper. */
    async patrol() {
      const keeper = await principalOf(db, `${key}-keeper`);
      const [pt] = await db.insert(publicPatrols).values({ companyId: keeper.companyId, projectId, patrolDate: nextPastDay(), route: '1栋大堂—地下车库', patrollerId: keeper.userId, createdAt: new Date() }).returning();
      return pt;
    },
    /** An open finding of a fresh patrol, its recheck due in 3 days. */
    async finding() {
      const pt = await fx.patrol();
      const [f] = await db
        .insert(patrolFindings)
        .values({ companyId: pt.companyId, projectId, patrolId: pt.id, location: '2栋大堂', problem: '地面破损', handling: 'notified_department', recheckDueAt: new Date(Date.now() + 3 * 86_400_000), firstRecheckDueAt: new Date(Date.now() + 3 * 86_400_000), createdBy: pt.patrollerId, createdAt: new Date() })
        .returning();
      return f;
    },
    /** A fresh patrol drawn into the CS supervisor's sample. */
    async patrolCheck() {
      const pt = await fx.patrol();
      const [c] = await db.insert(patrolChecks).values({ companyId: pt.companyId, projectId, patrolId: pt.id, level: 'supervisor', selectedAt: new Date() }).returning();
      return c;
    },
    async patrolPhoto() {
      const f = await fx.finding();
      return db.transaction((tx) =>
        saveAttachment(tx, storage, { companyId: f.companyId, projectId, entity: 'patrol_finding', entityId: f.id, kind: 'photo', name: 'a.png', bytes: Buffer.from(SIGNATURE.split(',')[1], 'base64'), uploadedBy: f.createdBy }),
      );
    },
    async vacantUnit() {
      const [u] = await db.select().from(units).where(and(eq(units.projectId, projectId), eq(units.state, 'vacant'))).limit(1);
      if (!u) throw new Error(`no vacant unit in ${key}`);
      return u;
    },
    async equipment() {
      const keeper = await principalOf(db, `${key}-keeper`);
      const [e] = await db.insert(equipment).values({ companyId: keeper.companyId, projectId, kind: 'pump', code: `FX-${++serial}-${Math.random().toString(36).slice(2, 7)}`, name: '生活水泵', location: '地下泵房', createdAt: new Date() }).returning();
      return e;
    },
    async plan() {
      const e = await fx.equipment();
      const [pl] = await db.insert(maintenancePlans).values({ companyId: e.companyId, projectId, equipmentId: e.id, title: '月度保养', periodDays: 30, nextDueOn: '2026-12-01', createdAt: new Date() }).returning();
      return pl;
    },
    /** FD-06: a meeting room of the project. */
    async room() {
      const keeper = await principalOf(db, `${key}-keeper`);
      const [r] = await db.insert(meetingRooms).values({ companyId: keeper.companyId, projectId, kind: 'meeting', name: `会议室${++serial}`, capacity: 20, feePerHour: 10000, createdAt: new Date() }).returning();
      return r;
    },
    /** FD-06: a live booking of a fresh room. */
    async booking() {
      const r = await fx.room();
      const [b] = await db
        .insert(roomBookings)
        .values({ companyId: r.companyId, projectId, roomId: r.id, startsAt: new Date('2030-05-06T02:00:00Z'), endsAt: new Date('2030-05-06T04:00:00Z'), bookerName: '王经理', bookerPhone: '13800001111', purpose: '业委会例会', attendees: 8, fee: 20000, createdBy: (await principalOf(db, `${key}-clerk`)).userId, createdAt: new Date() })
        .returning();
      return b;
    },
    /** FD-05: a unit's current owner, who may send express mail from it. */
    async sender() {
      const [l] = await db.select().from(customerUnits).where(and(eq(customerUnits.projectId, projectId), eq(customerUnits.relation, 'owner'), isNull(customerUnits.endedAt))).limit(1);
      return l;
    },
    /** FD-05: an item booked with the courier, not yet delivered. */
    async express() {
      const s = await fx.sender();
      const clerk = await principalOf(db, `${key}-clerk`);
      const [e] = await db
        .insert(expressMail)
        .values({ companyId: clerk.companyId, projectId, unitId: s.unitId, customerId: s.customerId, identityCheck: 'id_card', itemType: 'document', destination: '上海市浦东新区', courier: '顺丰', fee: 2300, nextFollowUpAt: new Date(Date.now() + 86_400_000), createdBy: clerk.userId, createdAt: new Date() })
        .returning();
      return e;
    },
  };
  return fx;
}
