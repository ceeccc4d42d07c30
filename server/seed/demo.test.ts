// The demo company on an empty database (issue: demo company), and that a second start adds nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { ROLES } from '../../common/roles';
import { testDatabase } from '../test/harness';
import type { Database } from '../platform/db';
import { auditEvents } from '../platform/tables';
import { buildings, projects, units } from '../domains/org/tables';
import { customerUnits, userRoles } from '../domains/people/tables';
import { expressMail } from '../domains/rooms/tables';
import { seedDemo } from './demo';
import { makeVault } from '../platform/vault';
import { TEST_ARCHIVE_KEY } from '../test/templates';

const vault = makeVault(TEST_ARCHIVE_KEY);

let d: Database;
before(async () => (d = await testDatabase('empty')));
after(() => d.close());

test('ORG-01..06 the demo company: three projects of the right types and levels, staff for every role', async () => {
  const s = await seedDemo(d.db, { vault });
  assert.ok(s);
  const rows = await d.db.select().from(projects).orderBy(projects.code);
  assert.deepEqual(
    rows.map((p) => [p.type, p.serviceLevel]),
    [['villa', 3], ['residential', 4], ['office', 5]],
  );
  const residential = rows.find((p) => p.type === 'residential')!;
  const [{ n: buildingCount }] = await d.db.select({ n: count() }).from(buildings).where(eq(buildings.projectId, residential.id));
  const [{ n: unitCount }] = await d.db.select({ n: count() }).from(units).where(eq(units.projectId, residential.id));
  assert.equal(buildingCount, 20);
  assert.ok(unitCount >= 1400 && unitCount <= 1700, `about 1,500 units, got ${unitCount}`);

  const held = new Set((await d.db.select({ role: userRoles.role }).from(userRoles)).map((r) => r.role));
  for (const role of ROLES) assert.ok(held.has(role), `someone holds ${role}`);

  const [{ n: vacant }] = await d.db.select({ n: count() }).from(units).where(eq(units.state, 'vacant'));
  assert.ok(vacant > 100);
  const tenants = await d.db.select().from(customerUnits).where(eq(customerUnits.relation, 'tenant'));
  assert.ok(tenants.length > 100);
  assert.ok(tenants.every((l) => l.consentingOwnerId), 'every tenant names a consenting owner');
  const [{ n: unlinked }] = await d.db
    .select({ n: count() })
    .from(customerUnits)
    .where(and(eq(customerUnits.relation, 'tenant'), isNotNull(customerUnits.consentingOwnerId), sql`not exists (select 1 from customer_units o where o.customer_id = customer_units.consenting_owner_id and o.unit_id = customer_units.unit_id and o.relation = 'owner')`));
  assert.equal(unlinked, 0, 'the consenting owner owns the same unit');

  // FD-05: the villa project's express mail — delivered ones, one returned, and some still being followed up.
  const villa = rows.find((p) => p.type === 'villa')!;
  const mail = await d.db.select().from(expressMail).where(eq(expressMail.projectId, villa.id));
  assert.ok(mail.filter((m) => m.status === 'delivered').length >= 3, 'delivered express mail');
  assert.ok(mail.some((m) => m.status === 'returned'));
  const open = mail.filter((m) => !['delivered', 'returned'].includes(m.status));
  assert.ok(open.length >= 2 && open.every((m) => m.nextFollowUpAt), 'items still followed up have their next follow-up due');
  assert.ok(open.some((m) => m.nextFollowUpAt! < new Date()), 'one follow-up is overdue');
  assert.ok(mail.every((m) => m.followUps.every((f) => new Date(f.at) <= new Date())), 'no follow-up in the future');
  assert.equal((await d.db.select({ n: count() }).from(expressMail).where(sql`project_id <> ${villa.id}`))[0].n, 0, 'express mail is a villa service');

  const [{ n: seeded }] = await d.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entity, 'unit'));
  assert.equal(seeded, s.units, 'X-02: every generated unit has its history event');
});

test('a second start on the same database adds nothing', async () => {
  const before = (await d.db.select({ n: count() }).from(units))[0].n;
  assert.equal(await seedDemo(d.db, { vault }), null);
  assert.equal((await d.db.select({ n: count() }).from(units))[0].n, before);
});
