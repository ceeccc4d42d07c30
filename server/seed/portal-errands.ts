// X-03, FD-01, FD-06 demo data: what the demo residents (README) find in the portal — the owner's own pass,
// issued at once, a tenant's request awaiting the owner's confirmation, and a booking of the clubhouse gym.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../platform/db';
import { addDays, fromLocal, toLocal } from '../platform/clock';
import { formatNumber, nextInSequence } from '../platform/sequence';
import { customers, customerUnits, userRoles } from '../domains/people/tables';
import { passRequests, releasePasses } from '../domains/frontdesk/tables';
import { newCheckCode } from '../domains/frontdesk/commands/issue-pass';
import { meetingRooms, roomBookings } from '../domains/rooms/tables';
import { residentAccounts } from '../domains/residents/tables';
import { DEMO_RESIDENT_PHONES, DEMO_TENANT_PHONES } from './residents';

const TZ = 'Asia/Shanghai';

export async function seedPortalErrands(tx: Tx, companyId: string, now = new Date()): Promise<void> {
  const today = toLocal(now, TZ).date;
  const year = Number(today.slice(0, 4));
  const accounts = await tx.select().from(residentAccounts).where(eq(residentAccounts.companyId, companyId));
  const accountOf = (phone: string) => accounts.find((a) => a.phone === phone)?.id;
  for (const [i, ownerPhone] of DEMO_RESIDENT_PHONES.entries()) {
    const tenantPhone = DEMO_TENANT_PHONES[i];
    const people = await tx
      .select({ id: customers.id, name: customers.name, phone: customers.phone, unitId: customerUnits.unitId, projectId: customerUnits.projectId, relation: customerUnits.relation })
      .from(customers)
      .innerJoin(customerUnits, and(eq(customerUnits.customerId, customers.id), isNull(customerUnits.endedAt)))
      .where(and(eq(customers.companyId, companyId), inArray(customers.phone, [ownerPhone, tenantPhone])));
    const tenant = people.find((p) => p.phone === tenantPhone && p.relation === 'tenant');
    const owner = people.find((p) => p.phone === ownerPhone && p.relation === 'owner' && (!tenant || p.unitId === tenant.unitId));
    const ownerAccount = accountOf(ownerPhone);
    if (!owner || !ownerAccount) continue;
    const [clerk] = await tx.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.projectId, owner.projectId), eq(userRoles.role, 'clerk'))).limit(1);
    if (!clerk) continue;
    const base = { companyId, projectId: owner.projectId, unitId: owner.unitId };

    // FD-01: the owner's own request, issued at once as a numbered pass for tomorrow.
    const validOn = addDays(today, 1);
    const number = formatNumber('FX', year, await nextInSequence(tx, companyId, owner.projectId, 'FX', year));
    const askedAt = new Date(now.getTime() - 2 * 3_600_000);
    const [pass] = await tx
      .insert(releasePasses)
      .values({ ...base, number, checkCode: newCheckCode(), customerId: owner.id, relation: 'owner', bearerName: owner.name, bearerPhone: ownerPhone, items: '旧书柜一个、纸箱三个', pieces: 4, validOn, vehiclePlate: '沪A6B128', issuedBy: clerk.id, createdAt: askedAt })
      .returning({ id: releasePasses.id });
    await tx.insert(passRequests).values({ ...base, customerId: owner.id, residentId: ownerAccount, relation: 'owner', requesterName: owner.name, requesterPhone: ownerPhone, items: '旧书柜一个、纸箱三个', pieces: 4, validOn, timeOut: '10:00', vehiclePlate: '沪A6B128', note: '搬去父母家', status: 'issued', decidedAt: askedAt, passId: pass.id, createdAt: askedAt });

    // FD-01: the tenant's request, awaiting the owner's confirmation in the portal.
    const tenantAccount = accountOf(tenantPhone);
    if (tenant && tenantAccount)
      await tx.insert(passRequests).values({ ...base, customerId: tenant.id, residentId: tenantAccount, relation: 'tenant', requesterName: tenant.name, requesterPhone: tenantPhone, items: '冰箱一台、行李箱两个', pieces: 3, validOn: addDays(today, 2), timeOut: '15:30', vehiclePlate: '', note: '租约到期搬离前先搬部分物品', status: 'awaiting_owner', createdAt: new Date(now.getTime() - 40 * 60_000) });

    // FD-06: the owner's gym booking the day after tomorrow, 19:00–20:00 (the gym has no other booking).
    const [gym] = await tx.select().from(meetingRooms).where(and(eq(meetingRooms.projectId, owner.projectId), eq(meetingRooms.kind, 'gym'), eq(meetingRooms.residentBookable, true))).limit(1);
    if (gym) {
      const day = addDays(today, 2);
      await tx.insert(roomBookings).values({ companyId, projectId: owner.projectId, roomId: gym.id, startsAt: fromLocal(day, 19 * 60, TZ), endsAt: fromLocal(day, 20 * 60, TZ), bookerName: owner.name, bookerPhone: ownerPhone, unitId: owner.unitId, purpose: '家庭健身', attendees: 2, requirements: '', notice: '', fee: 0, residentId: ownerAccount, createdBy: clerk.id, createdAt: new Date(now.getTime() - 3 * 3_600_000) });
    }
  }
}
