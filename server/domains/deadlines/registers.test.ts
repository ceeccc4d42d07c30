// X-01 with NT-02, CR-01, PT-01, PT-02, PT-03, FD-02, FD-04, FD-05: the due times the registers keep on
// their own rows are mirrored into the shared deadlines in the same command — created open, met (or moved
// on) by the act that meets them — so the overdue sweeper tells the responsible person, once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db';
import { testApp, type TestApp } from '../../test/harness';
import { principalOf, SIGNATURE, userId } from '../../test/desk';
import { noticeFixtures } from '../../test/notice-fixtures';
import { patrolFixtures } from '../../test/patrol-fixtures';
import { frontdeskFixtures } from '../../test/frontdesk-fixtures';
import { relationFixtures } from '../../test/relation-fixtures';
import { transitionNotice } from '../notices/commands/transition-notice';
import { createProject } from '../org/commands/create-project';
import { updateUnit } from '../org/commands/update-unit';
import { loadUnit } from '../org/queries';
import { units } from '../org/tables';
import { notifications } from '../notifications/tables';
import { addFinding, recheckFinding } from '../patrols/commands/record-patrol';
import { createPlan, recordFacilityCheck, updateEquipment } from '../patrols/commands/facility';
import { recordVacantPatrol } from '../patrols/vacant';
import { retireKeyCustomer, reviewKeyList, quarterAt } from '../relations/commands/key-customers';
import { recordVisit } from '../relations/commands/record-visit';
import { localQuarter, nextQuarter } from '../relations/periods';
import { signLog, startLog } from '../frontdesk/commands/shift-log';
import { disposeLost, returnLost, saveSettings } from '../frontdesk/commands/lost-item';
import { unclaimedDaysOf } from '../frontdesk/lost';
import { progressExpress, sendExpress } from '../rooms/express';
import { sweepOverdue } from './jobs';
import { deadlines } from './tables';

let t: TestApp;
let chy: string;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
});
after(() => t.close());

const db = () => t.database.db;
const TZ = 'Asia/Shanghai';
const MIN = 60_000;

async function deadline(entityId: string, kind: string) {
  const [d] = await db().select().from(deadlines).where(and(eq(deadlines.entityId, entityId), eq(deadlines.kind, kind)));
  assert.ok(d, `a ${kind} deadline for ${entityId}`);
  return d;
}

/** Sweeps at `at` until nothing more is claimed (the demo's own overdue deadlines go first). */
async function sweepAt(at: Date) {
  for (let i = 0; i < 50; i++) if (!(await sweepOverdue(db(), at)).claimed) return;
}

/** The overdue notices of a record's deadline not in `seen`, as user ids. */
async function toldOf(entityId: string, kind: string, seen = new Set<string>()) {
  const rows = await db().select().from(notifications).where(and(eq(notifications.entityId, entityId), eq(notifications.kind, `overdue_${kind}`)));
  return rows.filter((n) => !seen.has(n.id)).map((n) => n.userId).sort();
}

/** nothing before the due time; once past it, the responsible person hears once, even swept twice. */
async function assertSweptOnce(entityId: string, kind: string, who: string) {
  const d = await deadline(entityId, kind);
  assert.equal(d.metAt, null, `${kind} is open`);
  // notices of an earlier due time of the same record (the demo's vacant units) are not this one's
  const seen = new Set((await db().select({ id: notifications.id }).from(notifications).where(eq(notifications.entityId, entityId))).map((n) => n.id));
  await sweepAt(new Date(d.dueAt.getTime() - MIN));
  assert.deepEqual(await toldOf(entityId, kind, seen), [], `${kind}: nobody told before its due time`);
  await sweepAt(new Date(d.dueAt.getTime() + MIN));
  await sweepAt(new Date(d.dueAt.getTime() + 2 * MIN));
  assert.deepEqual(await toldOf(entityId, kind, seen), [await userId(db(), who)], `${kind}: ${who} told once`);
}

const count = async (q: string) => rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(q)))[0].n;
const KINDS = `('nt_take_down','cr_review','cr_key_visit','pt_recheck','pt_vacant','pt_maintenance','fd_sign','fd_lost_dispose','fd_express')`;

async function assertConsistent() {
  const checks: Record<string, string> = {
    nt_take_down: `select count(*)::int as n from notices x left join deadlines d on d.entity_id = x.id and d.kind = 'nt_take_down'
                   where x.take_down_due_at is not null and (d.id is null or d.due_at <> x.take_down_due_at or (d.met_at is null) <> (x.taken_down_at is null))`,
    cr_review: `select count(*)::int as n from projects x left join deadlines d on d.entity_id = x.id and d.kind = 'cr_review' and d.met_at is null where d.id is null`,
    cr_key_visit: `select count(*)::int as n from key_customers x left join deadlines d on d.entity_id = x.id and d.kind = 'cr_key_visit' where x.retired_at is null and (d.id is null or d.met_at is not null)`,
    pt_recheck: `select count(*)::int as n from patrol_findings x left join deadlines d on d.entity_id = x.id and d.kind = 'pt_recheck'
                 where d.id is null or (d.met_at is null) <> (x.status = 'open') or (x.status = 'open' and d.due_at <> x.recheck_due_at)`,
    pt_vacant: `select count(*)::int as n from units x left join deadlines d on d.entity_id = x.id and d.kind = 'pt_vacant' and d.met_at is null
                where x.state = 'vacant' and d.id is null and exists (select 1 from user_roles r where r.project_id = x.project_id and r.role = 'housekeeper')`,
    pt_maintenance: `select count(*)::int as n from maintenance_plans x left join deadlines d on d.entity_id = x.id and d.kind = 'pt_maintenance'
                     where d.id is null or d.met_at is not null or d.due_at <> ((x.next_due_on + 1)::timestamp at time zone 'Asia/Shanghai')`,
    fd_sign: `select count(*)::int as n from shift_logs x left join deadlines d on d.entity_id = x.id and d.kind = 'fd_sign' where d.id is null or (d.met_at is null) <> (x.signed_at is null)`,
    fd_lost_dispose: `select count(*)::int as n from lost_items x left join deadlines d on d.entity_id = x.id and d.kind = 'fd_lost_dispose'
                      where x.dispose_due_on is not null and (d.id is null or (d.met_at is null) <> (x.state in ('open', 'matched')))`,
    fd_express: `select count(*)::int as n from express_mail x left join deadlines d on d.entity_id = x.id and d.kind = 'fd_express'
                 where d.id is null or (d.met_at is null) <> (x.next_follow_up_at is not null)`,
  };
  for (const [kind, q] of Object.entries(checks)) assert.equal(await count(q), 0, kind);
  const n = await count(`select count(*)::int as n from deadlines where kind in ${KINDS}`);
  assert.ok(n > 50, `the demo has them (${n})`);
}

test('X-01 the demo data: every register due time has its deadline, open exactly while the record is', assertConsistent);

test('X-01 the migration fills the deadlines of records written before it, the same way', async () => {
  const dir = new URL('../../migrations/', import.meta.url);
  const name = readdirSync(dir).find((f) => f.endsWith('_supervision_home_visits.sql'))!; // its number is the merge's
  const file = readFileSync(new URL(name, dir), 'utf8');
  const backfill = file.split('--> statement-breakpoint').find((x) => x.includes('INSERT INTO "deadlines"'))!;
  const before = await count(`select count(*)::int as n from deadlines where kind in ${KINDS}`);
  await t.database.db.execute(sql.raw(`delete from deadlines where kind in ${KINDS}`));
  await t.database.db.execute(sql.raw(backfill));
  assert.equal(await count(`select count(*)::int as n from deadlines where kind in ${KINDS}`), before);
  await assertConsistent();
});

test('NT-02 X-01 publishing a notice opens its take-down deadline; the drafter hears when it is still up; taking it down meets it', async () => {
  const n = await noticeFixtures(db(), t.storage, 'ch', chy).publishedNotice();
  const d = await deadline(n.id, 'nt_take_down');
  assert.equal(d.dueAt.toISOString(), n.takeDownDueAt);
  assert.equal(d.responsibleId, await userId(db(), 'ch-clerk'));
  await assertSweptOnce(n.id, 'nt_take_down', 'ch-clerk');
  const clerk = await t.as('ch-clerk');
  const note = (await clerk.get('/api/notifications')).body.items.find((x: { entityId: string }) => x.entityId === n.id);
  assert.match(note.title, new RegExp(`通知 ${n.number} 已过有效期`));
  assert.equal(note.link, `/notices/${n.id}`);
  await transitionNotice(db(), await principalOf(db(), 'ch-clerk'), n.id, { action: 'take_down', version: n.version });
  assert.ok((await deadline(n.id, 'nt_take_down')).metAt, 'taken down: met');
});

test('CR-01 X-01 a new project has its key list review due this quarter; a review moves it to the next quarter; the CS supervisor hears when missed', async () => {
  const admin = await principalOf(db(), 'admin');
  const project = await createProject(db(), admin, { code: 'DL-REV', name: '测试花园', type: 'residential', serviceLevel: 3, timezone: TZ, address: null });
  const now = new Date();
  const current = quarterAt(now, TZ);
  assert.equal((await deadline(project.id, 'cr_review')).dueAt.getTime(), localQuarter(current, TZ).to.getTime());

  await reviewKeyList(db(), await principalOf(db(), 'ch-super'), chy, { quarter: current, note: '复核无变化' });
  const moved = await deadline(chy, 'cr_review');
  assert.equal(moved.dueAt.getTime(), localQuarter(nextQuarter(current), TZ).to.getTime(), 'reviewed this quarter: due by the end of the next');
  assert.equal(moved.metAt, null);
  await assertSweptOnce(chy, 'cr_review', 'ch-super');
});

test('CR-01 X-01 a key customer is due a visit this quarter; the visit moves it to the next; taken off the list closes it', async () => {
  const k = await relationFixtures(db(), 'ch', chy).keyCustomer();
  const current = quarterAt(new Date(), TZ);
  assert.equal((await deadline(k.id, 'cr_key_visit')).dueAt.getTime(), localQuarter(current, TZ).to.getTime());
  const [unit] = await db().select().from(units).where(eq(units.projectId, chy)).limit(1);
  await recordVisit(db(), await principalOf(db(), 'ch-super'), { projectId: chy, unitId: unit.id, keyCustomerId: k.id, mode: 'face', personMet: '周主任', content: '季度走访，听取意见' });
  assert.equal((await deadline(k.id, 'cr_key_visit')).dueAt.getTime(), localQuarter(nextQuarter(current), TZ).to.getTime(), 'visited: due next quarter');
  await assertSweptOnce(k.id, 'cr_key_visit', 'ch-super');
  await retireKeyCustomer(db(), await principalOf(db(), 'ch-super'), k.id, { version: k.version, reason: '换届' });
  assert.ok((await deadline(k.id, 'cr_key_visit')).metAt, 'off the list: closed');
});

test('PT-01 X-01 a finding opens its recheck deadline for its finder; an unresolved recheck moves it, a resolved one meets it', async () => {
  const fx = patrolFixtures(db(), t.storage, 'ch', chy);
  const pt = await fx.patrol();
  const keeper = await principalOf(db(), 'ch-keeper');
  const detail = await addFinding(db(), t.storage, keeper, pt.id, { location: '3栋电梯厅', problem: '灯管不亮', handling: 'notified_department', handlingNote: '', photos: [] });
  const f = detail.items[0];
  const d = await deadline(f.id, 'pt_recheck');
  assert.equal(d.responsibleId, keeper.userId);
  await assertSweptOnce(f.id, 'pt_recheck', 'ch-keeper');
  const later = new Date(Date.now() + 2 * 86_400_000);
  const again = await recheckFinding(db(), keeper, f.id, { version: f.version, result: 'unresolved', note: '未修好' }, later);
  const moved = await deadline(f.id, 'pt_recheck');
  assert.ok(moved.dueAt > d.dueAt && moved.metAt === null && moved.notifiedLevel === 0, 'unresolved: a new due time, the notices start over');
  const g = again.items.find((x) => x.id === f.id)!;
  await recheckFinding(db(), keeper, f.id, { version: g.version, result: 'resolved', note: '已修好' }, later);
  assert.ok((await deadline(f.id, 'pt_recheck')).metAt, 'resolved: met');
});

test('PT-02 X-01 a vacant unit is due its next patrol; a patrol moves it on; a unit let out is off the round, one vacant again due today', async () => {
  const fx = patrolFixtures(db(), t.storage, 'ch', chy);
  const u = await fx.vacantUnit();
  const keeper = await principalOf(db(), 'ch-keeper');
  const v = await recordVacantPatrol(db(), t.storage, keeper, { unitId: u.id, failed: [], note: '', photos: [] });
  const d = await deadline(u.id, 'pt_vacant');
  assert.equal(d.dueAt.getTime(), new Date(`${v.nextDueOn}T16:00:00Z`).getTime(), 'due by the end of the next patrol day (Beijing time)');
  await assertSweptOnce(u.id, 'pt_vacant', 'ch-super');
  const sup = await principalOf(db(), 'ch-super');
  let unit = await loadUnit(db(), sup, u.id);
  unit = await updateUnit(db(), sup, u.id, { state: 'rented', version: unit.version });
  assert.ok((await deadline(u.id, 'pt_vacant')).metAt, 'let out: closed');
  await updateUnit(db(), sup, u.id, { state: 'vacant', version: unit.version });
  const reopened = await deadline(u.id, 'pt_vacant');
  assert.equal(reopened.metAt, null, 'vacant again: due at once');
  assert.ok(reopened.dueAt.getTime() - Date.now() <= 86_400_000);
});

test('PT-03 X-01 a maintenance plan is due its check (the engineering supervisor hears); a check moves it on; retiring the equipment closes it', async () => {
  const fx = patrolFixtures(db(), t.storage, 'ch', chy);
  const e = await fx.equipment();
  const eng = await principalOf(db(), 'ch-eng');
  const withPlan = await createPlan(db(), eng, { equipmentId: e.id, title: '月度保养', periodDays: 30, firstDueOn: '2026-12-20' });
  const plan = withPlan.plans[0];
  const d = await deadline(plan.id, 'pt_maintenance');
  assert.equal(d.dueAt.toISOString(), '2026-12-20T16:00:00.000Z');
  assert.equal(d.department, 'engineering');
  await assertSweptOnce(plan.id, 'pt_maintenance', 'ch-eng');
  await recordFacilityCheck(db(), eng, { planId: plan.id, result: 'pass', note: '正常' });
  const moved = await deadline(plan.id, 'pt_maintenance');
  assert.ok(moved.dueAt > d.dueAt && moved.notifiedLevel === 0 && moved.metAt === null, 'checked: due a period later');
  await assertSweptOnce(plan.id, 'pt_maintenance', 'ch-eng'); // the next check missed is told again
  await updateEquipment(db(), eng, e.id, { version: e.version, retired: true });
  assert.ok((await deadline(plan.id, 'pt_maintenance')).metAt, 'retired: nothing due');
});

test('FD-02 X-01 a handover log is due its signature by the next shift; signing meets it', async () => {
  const fx = frontdeskFixtures(db(), t.storage, 'ch', chy);
  const head = await fx.shiftLog('ch-clerk2');
  const clerk = await principalOf(db(), 'ch-clerk');
  await signLog(db(), clerk, head.id, { version: head.version });
  const log = await startLog(db(), clerk, { projectId: chy, shiftDate: head.shiftDate, shift: 'night', notes: '夜班：无异常' });
  const d = await deadline(log.id, 'fd_sign');
  assert.equal(d.metAt, null);
  await assertSweptOnce(log.id, 'fd_sign', 'ch-super');
  await signLog(db(), await principalOf(db(), 'ch-keeper'), log.id, { version: log.version });
  assert.ok((await deadline(log.id, 'fd_sign')).metAt, 'signed: met');
});

test('FD-04 X-01 a found item is due to be handed back or disposed of after its claim period; its registrar hears; the hand-back, the disposal and a new setting act on it', async () => {
  const fx = frontdeskFixtures(db(), t.storage, 'ch', chy);
  const found = await fx.lost('found');
  const d = await deadline(found.id, 'fd_lost_dispose');
  assert.equal(d.dueAt.getTime(), new Date(`${found.disposeDueOn}T16:00:00Z`).getTime());
  await assertSweptOnce(found.id, 'fd_lost_dispose', 'ch-clerk');
  const clerk = await principalOf(db(), 'ch-clerk');
  await returnLost(db(), clerk, t.storage, found.id, { version: found.version, receiverName: '王先生', receiverPhone: '13800003333', receiverIdNumber: '440301199001011234', signature: SIGNATURE });
  assert.ok((await deadline(found.id, 'fd_lost_dispose')).metAt, 'handed back: met');

  const old = await fx.lost('found', 400);
  await disposeLost(db(), clerk, old.id, { version: old.version, note: '移交派出所' });
  assert.ok((await deadline(old.id, 'fd_lost_dispose')).metAt, 'disposed of: met');

  const open = await fx.lost('found');
  const before = await deadline(open.id, 'fd_lost_dispose');
  const { version } = await unclaimedDaysOf(db(), chy);
  await saveSettings(db(), await principalOf(db(), 'ch-super'), chy, { unclaimedDays: 200, version });
  const after = await deadline(open.id, 'fd_lost_dispose');
  assert.ok(after.dueAt > before.dueAt, 'a longer claim period moves the open items’ deadlines');
});

test('FD-05 X-01 express mail is due its daily follow-up; a follow-up moves it a day on; delivered meets it', async () => {
  const fx = patrolFixtures(db(), t.storage, 'ch', chy);
  const s = await fx.sender();
  const clerk = await principalOf(db(), 'ch-clerk');
  const e = await sendExpress(db(), clerk, { unitId: s.unitId, customerId: s.customerId, identityCheck: 'id_card', itemType: 'document', destination: '上海市浦东新区', courier: '顺丰', fee: 2300, note: '' });
  const d = await deadline(e.id, 'fd_express');
  assert.equal(d.dueAt.toISOString(), e.nextFollowUpAt);
  await assertSweptOnce(e.id, 'fd_express', 'ch-clerk');
  const moved = await progressExpress(db(), clerk, e.id, { version: e.version, status: 'in_transit', note: '已揽收' });
  assert.equal((await deadline(e.id, 'fd_express')).dueAt.toISOString(), moved.nextFollowUpAt);
  await progressExpress(db(), clerk, e.id, { version: moved.version, status: 'delivered', note: '已签收' });
  assert.ok((await deadline(e.id, 'fd_express')).metAt, 'delivered: met');
});
