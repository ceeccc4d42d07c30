// PT-01..PT-03 (and FD-06 rooms) demo data: six weeks of daily public-area patrols on each project's workdays with their
// findings, rechecks and the supervisors' spot checks; vacant-unit patrols on the heating-season rhythm;
// an equipment register with maintenance plans and their checks. With the gaps a supervisor would notice:
// one missed patrol day, a finding whose recheck is overdue, two vacant units overdue and one never
// patrolled, a maintenance plan past its due date.
import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { DEFAULT_PATROL_SETTINGS } from '../../common/patrols';
import { addDays, dueAt, fromLocal, toLocal } from '../platform/clock';
import { endOfLocalDay } from '../domains/deadlines/sync';
import { deadlineRow, insertDeadlines } from './deadlines';
import type { Tx } from '../platform/db';
import { sequences } from '../platform/tables';
import { toWorkCalendar } from '../domains/calendar/queries';
import { DEFAULT_CALENDAR, officialDays } from '../domains/calendar/holidays';
import { DEFAULT_DESK_RULES } from '../domains/deadlines/rules';
import { systematicPick } from '../domains/followups/sampler';
import type { units } from '../domains/org/tables';
import type { userRoles, users } from '../domains/people/tables';
import { equipment, facilityChecks, maintenancePlans, patrolChecks, patrolFindings, publicPatrols, vacantPatrols } from '../domains/patrols/tables';
import { nextVacantDue, patrolDaysBetween } from '../domains/patrols/rules';
import { meetingRooms, roomBookings } from '../domains/rooms/tables';
import { Rng } from './random';

const TZ = 'Asia/Shanghai';

interface Input {
  companyId: string;
  projects: { id: string; key: string; type?: string }[];
  units: (typeof units.$inferInsert & { id: string })[];
  users: (typeof users.$inferInsert)[];
  roles: (typeof userRoles.$inferInsert)[];
}

async function insertMany(tx: Tx, table: PgTable, rows: object[], chunk = 500) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as never);
}

const ROUTES = ['1-5栋大堂、电梯厅、消防通道', '地下车库、设备房外围、垃圾站', '中心花园、儿童游乐区、健身步道', '6-10栋大堂、屋面、外围围墙', '南北大门、岗亭、非机动车棚'];
const PROBLEMS: [string, string, 'fixed_on_spot' | 'notified_department' | 'reported_to_supervisor' | 'other', string][] = [
  ['3栋电梯厅', '吊顶灯管不亮两支', 'notified_department', '已通知工程部更换'],
  ['地下车库B区', '消防通道停放电动车一辆', 'fixed_on_spot', '已联系车主挪走'],
  ['中心花园', '儿童滑梯扶手螺丝松动', 'notified_department', '已围挡并通知工程部'],
  ['5栋大堂', '地面有积水，防滑标识缺失', 'fixed_on_spot', '已放置防滑标识并通知保洁'],
  ['垃圾站', '垃圾桶满溢未及时清运', 'notified_department', '已通知环境部加派清运'],
  ['2栋消防通道', '堆放装修垃圾', 'reported_to_supervisor', '已上报主管，联系装修户限期清理'],
  ['南大门', '道闸抬杆迟缓', 'notified_department', '已通知工程部检修'],
  ['7栋屋面', '排水口被落叶堵塞', 'fixed_on_spot', '已清理'],
  ['健身步道', '路灯一盏不亮', 'notified_department', '已报工程部'],
  ['1栋单元门', '门禁闭门器漏油', 'other', '已登记，待厂家上门'],
];
const EQUIPMENT: [string, string, string, string, number][] = [
  ['elevator', 'DT-01', '1栋1号客梯', '1栋', 15],
  ['elevator', 'DT-02', '1栋2号客梯', '1栋', 15],
  ['elevator', 'DT-03', '3栋1号客梯', '3栋', 15],
  ['elevator', 'DT-04', '5栋消防梯', '5栋', 15],
  ['water_tank', 'SX-01', '生活水箱（一区）', '地下泵房', 180],
  ['water_tank', 'SX-02', '消防水箱', '5栋屋面', 90],
  ['pump', 'SB-01', '生活变频水泵组', '地下泵房', 30],
  ['pump', 'SB-02', '排污泵', '地下车库集水井', 30],
  ['fire_system', 'XF-01', '火灾自动报警系统', '消防控制室', 30],
  ['fire_system', 'XF-02', '自动喷淋系统', '地下车库', 90],
  ['air_conditioning', 'KT-01', '物业中心空调主机', '物业服务中心', 30],
  ['power', 'PD-01', '1号变配电室', '地下一层', 30],
];
const PLAN_TITLE: Record<number, string> = { 15: '半月保养', 30: '月度检查', 90: '季度检测', 180: '清洗消毒' };

export async function seedPatrols(tx: Tx, input: Input, now = new Date()): Promise<void> {
  const r = new Rng(20261204);
  const { companyId } = input;
  const cal = toWorkCalendar({ ...DEFAULT_CALENDAR, days: officialDays() }, TZ);
  const today = toLocal(now, TZ).date;
  const holder = (projectId: string, role: string) => input.roles.filter((g) => g.projectId === projectId && g.role === role).map((g) => g.userId);
  const rows = { rooms: [] as object[], bookings: [] as object[], patrols: [] as object[], findings: [] as object[], checks: [] as object[], vacant: [] as object[], equipment: [] as object[], plans: [] as object[], fchecks: [] as object[], seq: [] as object[], deadlines: [] as Parameters<typeof insertDeadlines>[1] };

  for (const proj of input.projects) {
    const projectId = proj.id;
    const keepers = holder(projectId, 'housekeeper');
    const [sup] = holder(projectId, 'cs_supervisor');
    const [mgr] = holder(projectId, 'project_manager');
    const [tech] = holder(projectId, 'technician');
    if (!keepers.length) continue;

    // PT-01: the workdays of the last six weeks, one patrol each, except one missed day nine days back.
    const days = patrolDaysBetween(cal, addDays(today, -42), addDays(today, -1));
    const missed = days[days.length - 7];
    const perMonth = new Map<string, number>();
    for (const [i, day] of days.entries()) {
      if (day === missed) continue;
      const id = randomUUID();
      const by = keepers[i % keepers.length]!;
      const at = fromLocal(day, 9 * 60 + r.int(0, 50), TZ);
      rows.patrols.push({ id, companyId, projectId, patrolDate: day, route: ROUTES[i % ROUTES.length], note: '', patrollerId: by, createdAt: at });
      const month = day.slice(0, 7);
      const n = (perMonth.get(month) ?? 0) + 1;
      perMonth.set(month, n);
      for (const [level, rate, checker] of [
        ['supervisor', DEFAULT_DESK_RULES.supervisorCheckRate, sup],
        ['manager', DEFAULT_DESK_RULES.managerCheckRate, mgr],
      ] as const)
        if (systematicPick(n, rate)) {
          const checked = day < addDays(today, -5) && r.chance(0.85);
          rows.checks.push({ companyId, projectId, patrolId: id, level, selectedAt: at, checkerId: checked ? checker : null, checkedAt: checked ? new Date(at.getTime() + 6 * 3_600_000) : null, outcome: checked ? 'confirmed' : null, note: checked ? '现场抽查属实' : '' });
        }
      const age = days.length - i;
      // The latest findings still wait for their recheck; one from five workdays back has missed it.
      const open = age <= 2 || age === 5;
      if (!open && !r.chance(0.35)) continue;
      const [location, problem, handling, note] = r.pick(PROBLEMS);
      const due = dueAt({ clock: 'calendar_days', days: DEFAULT_PATROL_SETTINGS.recheckDays }, at, cal);
      const rechecked = open ? null : new Date(at.getTime() + r.int(1, 2) * 86_400_000);
      const fid = randomUUID();
      // PT-01, X-01: the recheck's deadline, met by the recheck
      rows.deadlines.push(deadlineRow(now, { companyId, projectId, entity: 'patrol_finding', entityId: fid, kind: 'pt_recheck', dueAt: due, metAt: rechecked, responsibleId: by }));
      rows.findings.push({
        id: fid,
        companyId,
        projectId,
        patrolId: id,
        location,
        problem,
        handling,
        handlingNote: note,
        status: open ? 'open' : 'closed',
        recheckDueAt: due,
        firstRecheckDueAt: due,
        firstRecheckedAt: rechecked,
        rechecks: open ? 0 : 1,
        recheckedAt: rechecked,
        recheckResult: open ? null : 'resolved',
        recheckNote: open ? '' : '复查已整改',
        recheckerId: open ? null : by,
        createdBy: by,
        createdAt: new Date(at.getTime() + 20 * 60_000),
      });
    }
    for (const [month, n] of perMonth)
      for (const level of ['supervisor', 'manager']) rows.seq.push({ companyId, projectId, kind: `patrol_check_${level}`, year: Number(month.replace('-', '')), last: n });

    // PT-02: every vacant unit on the heating-season rhythm — except two left overdue and one never visited.
    const vacant = input.units.filter((u) => u.projectId === projectId && u.state === 'vacant');
    for (const [i, u] of vacant.entries()) {
      // PT-02, X-01: each vacant unit's next patrol (the one never patrolled: due since a week ago)
      const lastDue = () => (rows.vacant as { unitId: string; nextDueOn: string }[]).filter((v) => v.unitId === u.id).reduce((m, v) => (v.nextDueOn > m ? v.nextDueOn : m), addDays(today, -7));
      const pushDue = () => rows.deadlines.push(deadlineRow(now, { companyId, projectId, entity: 'vacant_unit', entityId: u.id, kind: 'pt_vacant', dueAt: endOfLocalDay(lastDue(), TZ) }));
      if (i === 3) {
        pushDue();
        continue; // never patrolled
      }
      let day = addDays(today, i === 1 || i === 2 ? -10 : -r.int(0, 3));
      const visits: string[] = [];
      for (let k = 0; k < 6 && day >= addDays(today, -24); k++, day = addDays(day, -r.int(3, 4))) visits.push(day);
      for (const d of visits.reverse()) {
        const failed = r.chance(0.06) ? [r.pick(['water_off', 'power_off', 'doors_windows_closed', 'no_leak'])] : [];
        rows.vacant.push({ companyId, projectId, unitId: u.id, patrolledAt: fromLocal(d, 14 * 60 + r.int(0, 180), TZ), byId: keepers[i % keepers.length], failed, note: failed.length ? '发现异常，已当场处理' : '', nextDueOn: nextVacantDue(d, DEFAULT_PATROL_SETTINGS) });
      }
      pushDue();
    }

    // FD-06: a meeting room and the gym, with a few bookings this week (none overlapping); residents book both in the portal.
    const [clerk] = holder(projectId, 'clerk');
    const meeting = randomUUID();
    rows.rooms.push({ id: meeting, companyId, projectId, kind: 'meeting', name: '会所二楼会议室', capacity: 30, feePerHour: 15000, equipment: '投影仪、音响、白板', residentBookable: true, createdAt: fromLocal(addDays(today, -300), 9 * 60, TZ) });
    rows.rooms.push({ id: randomUUID(), companyId, projectId, kind: 'gym', name: '会所健身房', capacity: 20, feePerHour: 0, equipment: '跑步机4台、动感单车', residentBookable: true, createdAt: fromLocal(addDays(today, -300), 9 * 60, TZ) });
    // Coming days: booked, with the client's requirements and the meeting notice to post.
    const NOTICES: Record<string, string> = {
      业委会例会: '定于本周召开业委会例会，议题：电梯更新改造方案、停车位调整。请各位委员准时参加。',
      装修施工交底会: '请本月办理装修的业主及施工负责人携带装修许可证参加交底会。',
      业主兴趣小组活动: '书画兴趣小组本周活动，欢迎业主携家人参加。',
    };
    for (const [k, purpose, hour] of [[1, '业委会例会', 14], [2, '装修施工交底会', 10], [4, '业主兴趣小组活动', 19]] as const)
      rows.bookings.push({ companyId, projectId, roomId: meeting, startsAt: fromLocal(addDays(today, k), hour * 60, TZ), endsAt: fromLocal(addDays(today, k), (hour + 2) * 60, TZ), bookerName: r.pick(['王先生', '李女士', '陈经理']), bookerPhone: `1380013${String(1000 + k).slice(-4)}`, purpose, attendees: r.int(6, 25), requirements: '课桌式摆放，茶水', notice: NOTICES[purpose], fee: 30000, createdBy: clerk ?? keepers[0], createdAt: fromLocal(today, 9 * 60, TZ) });
    // Last days: used and recorded (setup, cleaning, how it went) — one left uncleaned, one over but not yet recorded (flagged).
    for (const [k, purpose, hour, record] of [
      [-6, '消防安全培训', 9, { setupDone: true, cleaningDone: true, usageNote: '到会 22 人，投影仪、音响正常' }],
      [-4, '业主座谈会', 15, { setupDone: true, cleaningDone: false, usageNote: '会后茶歇垃圾未清理，已通知保洁次日处理' }],
      [-3, '物业费收缴工作会', 10, { setupDone: true, cleaningDone: true, usageNote: '使用正常' }],
      [-1, '社区老年大学课程', 14, null],
    ] as const)
      rows.bookings.push({ companyId, projectId, roomId: meeting, startsAt: fromLocal(addDays(today, k), hour * 60, TZ), endsAt: fromLocal(addDays(today, k), (hour + 2) * 60, TZ), bookerName: r.pick(['王先生', '李女士', '陈经理', '居委会张主任']), bookerPhone: `1380014${String(1000 - k).slice(-4)}`, purpose, attendees: r.int(8, 28), requirements: r.pick(['课桌式摆放，茶水', '圆桌，麦克风两只', '剧院式摆放，投影']), notice: '', fee: 30000, ...(record ? { status: 'used', ...record } : {}), createdBy: clerk ?? keepers[0], createdAt: fromLocal(addDays(today, k - 3), 9 * 60, TZ) });

    // PT-03: the equipment register, each with its plan and its checks of the last two months.
    const kinds = proj.type === 'villa' ? EQUIPMENT.filter(([k]) => k !== 'elevator') : EQUIPMENT;
    for (const [j, [kind, code, name, location, period]] of kinds.entries()) {
      const eid = randomUUID();
      const pid = randomUUID();
      rows.equipment.push({ id: eid, companyId, projectId, kind, code, name, location, installedOn: `20${r.int(18, 23)}-0${r.int(1, 9)}-15`, createdAt: fromLocal(addDays(today, -400), 9 * 60, TZ) });
      let last = addDays(today, -r.int(1, Math.min(period - 1, 20)));
      if (j === 6) last = addDays(today, -(period + 6)); // the pump's monthly check is six days late
      rows.plans.push({ id: pid, companyId, projectId, equipmentId: eid, title: PLAN_TITLE[period], periodDays: period, nextDueOn: addDays(last, period), lastCheckedOn: last, lastResult: 'pass', createdAt: fromLocal(addDays(today, -400), 9 * 60, TZ) });
      // PT-03, X-01: the plan's next check (the engineering supervisor answers for it)
      rows.deadlines.push(deadlineRow(now, { companyId, projectId, entity: 'maintenance_plan', entityId: pid, kind: 'pt_maintenance', dueAt: endOfLocalDay(addDays(last, period), TZ), department: 'engineering' }));
      for (let d = last; d >= addDays(today, -62); d = addDays(d, -period))
        rows.fchecks.push({ companyId, projectId, equipmentId: eid, planId: pid, result: 'pass', note: '运行正常', byId: tech ?? keepers[0], checkedAt: fromLocal(d, 10 * 60, TZ) });
    }
  }
  await insertMany(tx, meetingRooms, rows.rooms);
  await insertMany(tx, roomBookings, rows.bookings);
  await insertMany(tx, publicPatrols, rows.patrols);
  await insertMany(tx, patrolFindings, rows.findings);
  await insertMany(tx, patrolChecks, rows.checks);
  await insertMany(tx, vacantPatrols, rows.vacant);
  await insertMany(tx, equipment, rows.equipment);
  await insertMany(tx, maintenancePlans, rows.plans);
  await insertMany(tx, facilityChecks, rows.fchecks);
  await insertMany(tx, sequences, rows.seq);
  await insertDeadlines(tx, rows.deadlines);
}
