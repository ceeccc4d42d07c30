// residents for tests — the demo residents (seed/residents.ts) signed in through the code flow.
import { and, eq, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { customers, customerUnits } from '../domains/people/tables';
import { units } from '../domains/org/tables';
import { DEMO_RESIDENT_PHONES, DEMO_TENANT_PHONES } from '../seed/residents';
import type { Client, TestApp } from './harness';

export const OWNER_PHONE = DEMO_RESIDENT_PHONES[0]; // 翠湖苑 (CHY)
export const TENANT_PHONE = DEMO_TENANT_PHONES[0];
export const OTHER_PROJECT_OWNER_PHONE = DEMO_RESIDENT_PHONES[1]; // 国贸中心 (GMZX)

let nextIp = 1;
/** Requests a code from its own address (so tests don't share the per-address limit) and signs in with it. */
export async function signInResident(t: TestApp, phone: string): Promise<Client> {
  // Earlier codes of this number are moved out of the limits' hour: tests sign the same residents in often.
  await t.database.db.execute(sql`update resident_codes set created_at = created_at - interval '2 hours' where phone = ${phone}`);
  const ip = `10.9.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;
  const asked = await t.app.inject({ method: 'POST', url: '/api/resident/code', payload: { phone }, remoteAddress: ip });
  if (asked.statusCode !== 200) throw new Error(`code for ${phone}: ${asked.statusCode} ${asked.body}`);
  const code = [...t.messages].reverse().find((m) => m.phone === phone)!.code;
  const res = await t.app.inject({ method: 'POST', url: '/api/resident/sign-in', payload: { phone, code } });
  if (res.statusCode !== 200) throw new Error(`resident sign-in ${phone}: ${res.statusCode} ${res.body}`);
  const set = res.headers['set-cookie'];
  return t.withCookie(String(Array.isArray(set) ? set[0] : set).split(';')[0]);
}

/** The demo resident's home (the unit the owner and the tenant share). */
export async function residentHome(db: Db, phone: string): Promise<{ unitId: string; projectId: string; customerId: string }> {
  const [row] = await db
    .select({ unitId: customerUnits.unitId, projectId: customerUnits.projectId, customerId: customers.id })
    .from(customers)
    .innerJoin(customerUnits, eq(customerUnits.customerId, customers.id))
    .where(eq(customers.phone, phone))
    .limit(1);
  return row;
}

/** Another unit of the same project, not the resident's. */
export async function otherUnit(db: Db, home: { unitId: string; projectId: string }): Promise<string> {
  const [u] = await db.select({ id: units.id }).from(units).where(and(eq(units.projectId, home.projectId), ne(units.id, home.unitId))).limit(1);
  return u.id;
}

/** The phone of an owner of another unit of the same project (not an owner of `home`), to sign in as a neighbour. */
export async function neighbourOwnerPhone(db: Db, home: { unitId: string; projectId: string }): Promise<string> {
  const homeCustomers = (await db.select({ id: customerUnits.customerId }).from(customerUnits).where(eq(customerUnits.unitId, home.unitId))).map((x) => x.id);
  const [row] = await db
    .select({ phone: customers.phone })
    .from(customerUnits)
    .innerJoin(customers, eq(customers.id, customerUnits.customerId))
    .where(and(eq(customerUnits.projectId, home.projectId), eq(customerUnits.relation, 'owner'), ne(customerUnits.unitId, home.unitId), notInArray(customers.id, homeCustomers), ne(customers.phone, '')))
    .limit(1);
  return row.phone;
}

export const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export const repairBody = (unitId: string, photos = [{ name: 'leak.png', data: PHOTO }]) => ({
  unitId,
  locationKind: 'unit' as const,
  trade: 'water' as const,
  description: '卫生间地漏返水，地面有积水',
  photos,
});
