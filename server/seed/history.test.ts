// The demo's desk history looks like a well-run project (issue 18): calls and the work after them in the
// desk's local hours, and only a few recent lapses for the sweeper to flag.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../platform/db';
import { localStorage } from '../platform/storage';
import { toLocal } from '../platform/clock';
import { testDatabase } from '../test/harness';
import { testVault } from '../test/templates';
import { sweepOverdue } from '../domains/deadlines/jobs';
import { deskFlags } from '../domains/complaints/tables';
import { workOrders } from '../domains/workorders/tables';
import { seedDemo } from './demo';
import { seedHistory } from './history';
import { DEMO_RESIDENT_PHONES } from './residents';
import { cases } from '../domains/cases/tables';
import { residentAccounts } from '../domains/residents/tables';
import { residentComplaint } from '../domains/residents/complaints';
import { residentPaidOrders } from '../domains/residents/paid';

let d: Database;
const now = new Date('2026-11-20T03:30:00Z'); // 11:30 Beijing time
before(async () => {
  d = await testDatabase('empty');
  const demo = await seedDemo(d.db, { small: true, year: 2026, vault: testVault });
  await seedHistory(d.db, localStorage(mkdtempSync(join(tmpdir(), 'estate-desk-history-'))), demo!, { days: 10, now });
  await sweepOverdue(d.db, now);
});
after(() => d.close());

test('X-01 demo history: every call and every step on an order happens in the desk’s hours, Beijing time', async () => {
  const times = rowsOf<{ at: Date | string }>(
    await d.db.execute(sql`select created_at as at from cases union all select at from audit_events where entity in ('work_order', 'case', 'complaint', 'followup')`),
  ).map((r) => new Date(r.at));
  assert.ok(times.length > 100, `history replayed (${times.length} events)`);
  const outside = times.filter((t) => {
    const m = toLocal(t, 'Asia/Shanghai').minutes;
    return m < 8 * 60 || m >= 20 * 60;
  });
  assert.deepEqual(outside.map((t) => t.toISOString()).slice(0, 5), [], 'nothing between 20:00 and 08:00');
});

test('CP-02 / WO-02 demo history: a well-run project — few flags, no order waiting for dispatch for days', async () => {
  const flags = await d.db.select().from(deskFlags).where(eq(deskFlags.kind, 'no_action'));
  const cases = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from cases`))[0].n;
  const why = rowsOf(await d.db.execute(sql`select c.category, c.status, c.created_at, (select string_agg(w.status, ',') from work_orders w where w.case_id = c.id) as orders from desk_flags f join cases c on c.id = f.case_id where f.kind = 'no_action'`));
  assert.ok(flags.length >= 1 && flags.length <= Math.max(5, cases * 0.06), `a few lapses: ${flags.length} no-action flags of ${cases} cases: ${JSON.stringify(why)}`);
  const waiting = await d.db.select({ reportedAt: workOrders.reportedAt }).from(workOrders).where(eq(workOrders.status, 'reported'));
  const oldest = Math.max(0, ...waiting.map((o) => now.getTime() - o.reportedAt.getTime()));
  assert.ok(oldest < 3 * 86_400_000, `the oldest undispatched order waits ${Math.round(oldest / 3_600_000)} h`);
});

test('X-03 demo history: each demo owner opens the portal to a resolved complaint awaiting their verdict and a quote to agree', async () => {
  for (const phone of DEMO_RESIDENT_PHONES) {
    const [account] = await d.db.select().from(residentAccounts).where(eq(residentAccounts.phone, phone));
    const r = { residentId: account.id, companyId: account.companyId, phone, locale: 'zh-CN' as const };
    const filed = await d.db.select({ id: cases.id }).from(cases).where(and(eq(cases.channel, 'portal'), eq(cases.category, 'complaint'), eq(cases.callerPhone, phone)));
    const complaints = await Promise.all(filed.map((c) => residentComplaint(d.db, r, c.id)));
    assert.ok(complaints.some((k) => k.canRate && k.reply), `${phone}: a complaint to rate`);
    const orders = await residentPaidOrders(d.db, r);
    assert.ok(orders.some((o) => o.canAgree && o.quoted), `${phone}: a quote to agree`);
  }
});
