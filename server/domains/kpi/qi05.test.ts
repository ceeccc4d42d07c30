// QI-05: every KPI of the catalogue per project and company per month, with its target. A generated
// stretch of desk history (through the real commands) plus the demo's visits, equipment checks and paid
// receipts; the dashboard must equal an independent recomputation from the raw records and events.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { QI05_KPIS, type TKpiDashboard } from '../../../common/desk';
import { testDatabase } from '../../test/harness';
import { principalOf } from '../../test/desk';
import { localStorage } from '../../platform/storage';
import { toLocal } from '../../platform/clock';
import { auditEvents } from '../../platform/tables';
import { seedDemo, type DemoSummary } from '../../seed/demo';
import { seedHistory } from '../../seed/history';
import { testVault } from '../../test/templates';
import { paidOrders, receipts } from '../paid/tables';
import { patrolFigures } from '../patrols/figures';
import { relationFigures } from '../relations/figures';
import { surveyFigures } from '../surveys/figures';
import { projects } from '../org/tables';
import { deskRules } from '../deadlines/tables';
import { DEFAULT_DESK_RULES } from '../deadlines/rules';
import { kpiDashboard, kpisOf, monthsEnding } from './dashboard';
import { recountProject, zeroCounts } from './recount';

let database: Awaited<ReturnType<typeof testDatabase>>;
let demo: DemoSummary;
const MONTH = toLocal(new Date(), 'Asia/Shanghai').date.slice(0, 7);

before(async () => {
  database = await testDatabase('empty');
  demo = (await seedDemo(database.db, { small: true, vault: testVault }))!;
  const storage = localStorage(`${process.env.TMPDIR ?? '/tmp'}/qi05-files-${process.pid}`);
  // Six weeks of desk history ending yesterday: repairs, paid services with receipts, follow-ups with verdicts, complaints.
  await seedHistory(database.db, storage, demo, { days: 42, perDay: 2, now: new Date(Date.now() - 86_400_000) });
});
after(() => database?.close());

/** The fee collection rate recomputed in memory from the raw rows: paid orders by their first completion event's month. */
async function feesFromRows(projectId: string, tz: string) {
  const db = database.db;
  const orders = await db.select().from(paidOrders).where(eq(paidOrders.projectId, projectId));
  const out = new Map<string, { due: number; collected: number }>();
  for (const o of orders) {
    const completes = await db
      .select({ at: auditEvents.at })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'work_order'), eq(auditEvents.entityId, o.orderId), eq(auditEvents.action, 'complete')))
      .orderBy(auditEvents.id);
    if (!completes.length) continue;
    const month = toLocal(completes[0].at, tz).date.slice(0, 7);
    const valid = await db.select().from(receipts).where(and(eq(receipts.orderId, o.orderId), isNull(receipts.voidedAt)));
    const m = out.get(month) ?? { due: 0, collected: 0 };
    m.due += Number(o.fee);
    m.collected += valid.reduce((a, r) => a + Number(r.amount), 0);
    out.set(month, m);
  }
  return out;
}

test('QI-05 every KPI of every project and month equals a recomputation from the raw events and records; the company is the sum of its projects', async () => {
  const db = database.db;
  const admin = await principalOf(db, 'admin');
  const dash: TKpiDashboard = await kpiDashboard(db, admin, MONTH);
  assert.deepEqual(dash.months, monthsEnding(MONTH));
  assert.equal(dash.months.length, 12);
  assert.equal(dash.projects.length, demo.projects.length);
  let compared = 0;
  let surveyed = 0;
  for (const served of dash.projects) {
    const [p] = await db.select().from(projects).where(eq(projects.id, served.projectId));
    const recounted = await recountProject(db, p.id);
    const fees = await feesFromRows(p.id, p.timezone);
    for (const [i, month] of dash.months.entries()) {
      const got = served.months[i];
      const c = recounted.get(month) ?? zeroCounts();
      const rel = await relationFigures(db, admin, p.id, month);
      const pat = await patrolFigures(db, admin, p.id, month);
      const sv = await surveyFigures(db, admin, p.id, month);
      const fee = fees.get(month) ?? { due: 0, collected: 0 };
      const expected: Record<string, [number, number]> = {
        complaintTimeliness: [c.complaintRepliedInTime + c.complaintFollowedInTime, c.complaintRepliesDue + c.complaintFollowupsDue],
        complaintSatisfaction: [c.complaintSatisfied, c.complaintVerdicts],
        repairTimeliness: [c.completedInTime, c.repairCycles],
        reworkRate: [c.reworks, c.closedPaid + c.closedFree],
        sameDayDispatch: [c.dispatchedInTime, c.repairCycles],
        paidFollowup: [c.followedPaid, c.closedPaid],
        freeFollowup: [c.followedFree, c.closedFree],
        visitCoverage: [rel.yearCoverage.housekeeper.visited, rel.units],
        feeCollection: [fee.collected, fee.due],
        ownerSatisfaction: [c.visitsSatisfied, c.visitVerdicts],
        facilityFailure: [pat.facilityFailures, pat.equipment],
      };
      for (const k of QI05_KPIS) {
        const [num, den] = expected[k];
        assert.equal(got.kpis[k].num, num, `${p.name} ${month} ${k} numerator`);
        assert.equal(got.kpis[k].den, den, `${p.name} ${month} ${k} denominator`);
        // SV-01..SV-04: a survey's index, where one ran, is the owner satisfaction (return visits stay its counts)
        const value = k === 'ownerSatisfaction' && sv.index !== null ? sv.index / 100 : den ? Math.round((num / den) * 10_000) / 10_000 : null;
        assert.equal(got.kpis[k].value, value, `${p.name} ${month} ${k} value`);
      }
      assert.equal(got.kpis.facilityFailure.value ?? 0, pat.facilityFailureRate, 'the patrols domain\'s own rate (PT-03)');
      assert.equal(got.surveySatisfaction, sv.index === null ? null : sv.index / 100, 'SV-01..SV-04: the surveys domain\'s own index');
      if (sv.index !== null) surveyed++;
      compared++;
    }
  }
  assert.equal(compared, 12 * demo.projects.length);
  assert.ok(surveyed > 0, 'the demo surveys give the owner satisfaction of some months');

  // The history made every desk figure somewhere; the demo made visits, equipment checks and receipts.
  const company = dash.company.find((m) => m.month === MONTH)!;
  const last3 = dash.company.slice(-3);
  for (const k of QI05_KPIS) assert.ok(last3.some((m) => m.kpis[k].den > 0), `the generated months have a ${k} figure`);
  // The company's month is Σnum / Σden of its projects.
  for (const k of QI05_KPIS) {
    const i = dash.months.indexOf(MONTH);
    const num = dash.projects.reduce((a, x) => a + x.months[i].kpis[k].num, 0);
    const den = dash.projects.reduce((a, x) => a + x.months[i].kpis[k].den, 0);
    assert.equal(company.kpis[k].den, Math.round(den * 100) / 100, k);
    assert.equal(company.kpis[k].num, Math.round(num * 100) / 100, k);
  }
});

test('QI-05 targets are the project\'s settings: the SPEC\'s numbers by default, a saved desk rule changes them; targetless KPIs say so', async () => {
  const db = database.db;
  const admin = await principalOf(db, 'admin');
  const ch = demo.projects.find((p) => p.key === 'ch')!;
  const before = (await kpiDashboard(db, admin, MONTH)).projects.find((x) => x.projectId === ch.id)!.months.at(-1)!.kpis;
  assert.equal(before.feeCollection.target, 0.98);
  assert.equal(before.ownerSatisfaction.target, 0.9);
  assert.equal(before.facilityFailure.target, 0.02);
  assert.equal(before.sameDayDispatch.target, 1);
  assert.equal(before.paidFollowup.target, 1);
  assert.equal(before.freeFollowup.target, 0.3);
  assert.equal(before.reworkRate.target, null);
  const monthNo = Number(MONTH.slice(5, 7));
  assert.ok(before.visitCoverage.target! > 0 && before.visitCoverage.target! <= 1, 'CR-03: the year\'s coverage target pro rata to the month');
  assert.equal(before.visitCoverage.target, Math.round(((0.95 * monthNo) / 12) * 10_000) / 10_000);

  await db
    .insert(deskRules)
    .values({ projectId: ch.id, companyId: demo.companyId, rules: { ...DEFAULT_DESK_RULES, kpiTargets: { ...DEFAULT_DESK_RULES.kpiTargets, feeCollection: 0.95 } }, version: 1 })
    .onConflictDoUpdate({ target: deskRules.projectId, set: { rules: { ...DEFAULT_DESK_RULES, kpiTargets: { ...DEFAULT_DESK_RULES.kpiTargets, feeCollection: 0.95 } } } });
  const dash = await kpiDashboard(db, admin, MONTH);
  assert.equal(dash.projects.find((x) => x.projectId === ch.id)!.months.at(-1)!.kpis.feeCollection.target, 0.95);
  assert.equal(dash.projects.find((x) => x.projectId !== ch.id)!.months.at(-1)!.kpis.feeCollection.target, 0.98, 'other projects keep theirs');
});

test('QI-05 a surveys index, once reported, is the owner satisfaction; return visits stay its counts', () => {
  const counts = { ...zeroCounts(), visitVerdicts: 10, visitsSatisfied: 8 };
  const t = { kpi: DEFAULT_DESK_RULES.kpiTargets, freeFollowup: 0.3, keeperYear: 0.95 };
  const figures = { counts, keeperVisited: 0, households: 0, feeDue: 0, feeCollected: 0, failures: 0, equipment: 0 };
  assert.equal(kpisOf('2026-10', { ...figures, surveySatisfaction: null }, t).kpis.ownerSatisfaction.value, 0.8);
  const surveyed = kpisOf('2026-10', { ...figures, surveySatisfaction: 0.93 }, t);
  assert.equal(surveyed.kpis.ownerSatisfaction.value, 0.93);
  assert.equal(surveyed.kpis.ownerSatisfaction.den, 10);
});

test('QI-05 a clerk\'s dashboard holds their own project only', async () => {
  const db = database.db;
  const dash = await kpiDashboard(db, await principalOf(db, 'ch-clerk'), MONTH);
  assert.deepEqual(
    dash.projects.map((x) => x.projectId),
    [demo.projects.find((p) => p.key === 'ch')!.id],
  );
});
