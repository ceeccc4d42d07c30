// CR-01..CR-05 demo data: each project's key customers with their reasons, six months of visits with the
// gaps a CS supervisor would notice (a building nobody climbed, a manager short of 3 customers one month,
// a key customer missed last quarter, one quarter's review not done, a housekeeper without a plan),
// the year's activities (some held, one plant-room day still planned), magazine articles (one month short)
// and each building's housekeeper for the lobby cards.
import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { defaultTargets, type TKeyReason } from '../../common/relations';
import { recordAudit, type AuditInput } from '../platform/audit';
import { addDays, fromLocal, toLocal } from '../platform/clock';
import type { Tx } from '../platform/db';
import { communityActivities, keyCustomerReviews, keyCustomers, magazineArticles, relationSettings, visitPlans, visits } from '../domains/relations/tables';
import type { projects, units } from '../domains/org/tables';
import type { customers, customerUnits, userRoles, users } from '../domains/people/tables';
import { monthsBack, nextQuarter, quarterOfMonth, localQuarter } from '../domains/relations/periods';
import { deadlineRow, insertDeadlines } from './deadlines';
import { supervisionChecks } from '../domains/followups/tables';
import { systematicPick } from '../domains/followups/sampler';
import { DEFAULT_DESK_RULES } from '../domains/deadlines/rules';
import { sequences } from '../platform/tables';
import { Rng } from './random';

const TZ = 'Asia/Shanghai';

interface Input {
  companyId: string;
  projects: (typeof projects.$inferInsert & { id: string })[];
  units: (typeof units.$inferInsert & { id: string })[];
  customers: (typeof customers.$inferInsert & { id: string })[];
  links: (typeof customerUnits.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  roles: (typeof userRoles.$inferInsert)[];
}

async function insertMany(tx: Tx, table: PgTable, rows: object[], chunk = 500) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as never);
}

const TOPICS = [
  '了解居住感受，对保洁表示满意',
  '询问电梯年检时间，已当场解答',
  '反映晚间地库照明偏暗，已记录转工程部',
  '提醒阳台花盆加固，业主已配合',
  '沟通装修噪音时段规定',
  '征询对秩序维护的意见，无意见',
  '节前安全提示，检查燃气阀门',
  '回访上月报修，业主确认已修好',
  '业主建议增加快递柜，已记录',
  '独居老人身体状况良好，留下紧急联系方式',
];
const MET = ['业主本人', '业主家属', '租户', '家中老人', '保姆'];

export async function seedRelations(tx: Tx, input: Input, now = new Date()): Promise<number> {
  const r = new Rng(20261204);
  const { companyId } = input;
  const today = toLocal(now, TZ).date;
  const thisMonth = today.slice(0, 7);
  const year = Number(thisMonth.slice(0, 4));
  const events: AuditInput[] = [];
  const rows = {
    settings: [] as (typeof relationSettings.$inferInsert)[],
    keys: [] as (typeof keyCustomers.$inferInsert)[],
    reviews: [] as (typeof keyCustomerReviews.$inferInsert)[],
    visits: [] as (typeof visits.$inferInsert)[],
    plans: [] as (typeof visitPlans.$inferInsert)[],
    activities: [] as (typeof communityActivities.$inferInsert)[],
    articles: [] as (typeof magazineArticles.$inferInsert)[],
    deadlines: [] as Parameters<typeof insertDeadlines>[1],
  };
  const at = (day: string, hour: number) => fromLocal(day, hour * 60 + r.int(0, 59), TZ);

  for (const p of input.projects) {
    const staff = (role: string) => input.roles.filter((g) => g.projectId === p.id && g.role === role).map((g) => g.userId);
    const keepers = staff('housekeeper');
    const [supervisor] = staff('cs_supervisor');
    const [manager] = staff('project_manager');
    const pUnits = input.units.filter((u) => u.projectId === p.id).sort((a, b) => a.sortKey.localeCompare(b.sortKey));
    const occupied = pUnits.filter((u) => input.links.some((l) => l.unitId === u.id));
    const ownerOf = (unitId: string) => input.links.find((l) => l.unitId === unitId && l.relation === 'owner')?.customerId ?? null;
    const buildingIds = [...new Set(pUnits.map((u) => u.buildingId))];

    // CR-05: the buildings are shared out among the housekeepers.
    const targets = defaultTargets(p.serviceLevel, p.type);
    targets.keeperBuildings = Object.fromEntries(buildingIds.map((b, i) => [b, keepers[i % keepers.length]!]));
    rows.settings.push({ projectId: p.id, companyId, targets });

    // CR-01: the key list — the committee, special needs, active residents, the neighbourhood committee.
    const keyFor = (unit: (typeof pUnits)[number] | null, name: string, reasons: TKeyReason[], note: string, phone: string | null) => {
      const id = randomUUID();
      const customerId = unit ? ownerOf(unit.id) : null;
      const c = customerId ? input.customers.find((x) => x.id === customerId) : null;
      rows.keys.push({ id, companyId, projectId: p.id, customerId, unitId: unit?.id ?? null, name: c?.name ?? name, phone: c?.phone ?? phone, reasons, note, createdBy: supervisor, createdAt: fromLocal(`${year}-01-08`, 600, TZ) });
      events.push({ entity: 'key_customer', entityId: id, projectId: p.id, action: 'seed', after: { reasons } });
      return { id, customerId, unitId: unit?.id ?? null };
    };
    const taken = new Set<string>();
    const pick = () => {
      // distinct owners: one listing per customer
      for (;;) {
        const u = occupied[r.int(0, occupied.length - 1)];
        const owner = ownerOf(u.id);
        if (!owner || taken.has(owner)) continue;
        taken.add(owner);
        return u;
      }
    };
    const keys = [
      keyFor(pick(), '', ['committee'], '业委会委员', null),
      keyFor(pick(), '', ['special_needs'], '独居老人，行动不便，每月电话问候', null),
      keyFor(pick(), '', ['active'], '业主论坛版主，常在群里反映问题', null),
      keyFor(pick(), '', p.type === 'residential' ? ['special_needs', 'other'] : ['company_owner'], p.type === 'residential' ? '长期卧床，家中使用制氧机' : '整层自用企业', null),
      keyFor(null, p.type === 'residential' ? '沙河街道居委会 周主任' : '园区管委会 刘科长', ['neighbourhood_committee'], '', '0755-2661 8899'),
    ];

    // Six months of visits. Gaps: the project's last building nobody climbs; the manager manages only one
    // customer two months ago; the special-needs key customer was missed last quarter.
    const skippedBuilding = buildingIds.length > 1 ? buildingIds[buildingIds.length - 1] : null;
    const lastQuarter = quarterOfMonth(monthsBack(thisMonth, 3));
    for (let back = 5; back >= 0; back--) {
      const month = monthsBack(thisMonth, back);
      const first = `${month}-01`;
      const lastDay = back === 0 ? addDays(today, -1) : addDays(`${monthsBack(thisMonth, back - 1)}-01`, -1);
      if (lastDay < first) continue;
      const span = Math.max(1, Number(lastDay.slice(8)) - 0);
      const day = () => `${month}-${String(r.int(1, span)).padStart(2, '0')}`;
      const visit = (unit: (typeof pUnits)[number], visitorId: string, role: string, keyId: string | null = null) => {
        const d = day();
        const mode = r.chance(0.8) ? 'face' : 'phone';
        rows.visits.push({
          id: randomUUID(),
          companyId,
          projectId: p.id,
          unitId: unit.id,
          customerId: ownerOf(unit.id),
          keyCustomerId: keyId,
          visitorId,
          visitorRole: role,
          mode,
          personMet: r.pick(MET),
          visitedAt: at(d, r.int(9, 19)),
          visitedOn: d,
          content: r.pick(TOPICS),
          createdAt: at(d, 20),
        });
      };
      const reachable = occupied.filter((u) => u.buildingId !== skippedBuilding);
      // Housekeepers: about a sixth of their buildings' households a month (this month only just begun).
      keepers.forEach((k, i) => {
        const mine = reachable.filter((u) => targets.keeperBuildings[u.buildingId] === k);
        const planned: string[] = [];
        for (const u of mine) if (r.chance(back === 0 ? 0.05 : 0.18)) { visit(u, k!, 'housekeeper'); planned.push(u.id); }
        // The second housekeeper forgot last month's plan.
        if (!(back === 1 && i === 1)) {
          const extra = mine.filter((u) => !planned.includes(u.id)).slice(0, 3).map((u) => u.id);
          rows.plans.push({ companyId, projectId: p.id, month, staffId: k!, unitIds: [...planned, ...extra], note: i === 0 ? '按楼层顺序走访' : '', createdAt: fromLocal(first, 540, TZ) });
        }
      });
      // The CS supervisor: ten or more a month, except last month (7).
      if (supervisor) for (let n = back === 1 ? 7 : back === 0 ? 1 : r.int(10, 13); n > 0; n--) visit(r.pick(reachable), supervisor, 'cs_supervisor');
      // The project manager: three or four, but only one two months ago.
      if (manager) for (let n = back === 2 ? 1 : back === 0 ? 0 : r.int(3, 4); n > 0; n--) visit(r.pick(reachable), manager, 'project_manager');
      // Key customers each quarter — the special-needs one missed last quarter.
      if (Number(month.slice(5)) % 3 === 2 && supervisor)
        for (const [i, k] of keys.entries()) {
          const missed = i === 1 && quarterOfMonth(month) === lastQuarter;
          const unit = k.unitId ? pUnits.find((u) => u.id === k.unitId)! : reachable[0];
          if (!missed && unit) visit(unit, supervisor, 'cs_supervisor', k.id);
        }
    }
    // CR-01: the quarterly reviews of this year, except last quarter's (not done: flagged).
    for (let q = 1; q <= 4; q++) {
      const quarter = `${year}-Q${q}`;
      const range = localQuarter(quarter, TZ);
      if (range.to > now || quarter === lastQuarter || !supervisor) continue;
      const reviewedAt = new Date(range.to.getTime() - 5 * 86400_000);
      rows.reviews.push({ companyId, projectId: p.id, quarter, dueAt: range.to, reviewedBy: supervisor, reviewedAt, listed: keys.length, note: '名单复核，无增减', createdAt: reviewedAt });
    }

    // CR-01, X-01: the list's review is due by the end of the first quarter not reviewed (last quarter's gap),
    // each key customer's visit by the end of the quarter after the last one visited.
    const current = quarterOfMonth(thisMonth);
    const reviewDue = rows.reviews.some((x) => x.projectId === p.id && x.quarter === lastQuarter) ? current : lastQuarter;
    rows.deadlines.push(deadlineRow(now, { companyId, projectId: p.id, entity: 'key_list', entityId: p.id, kind: 'cr_review', dueAt: localQuarter(reviewDue, TZ).to }));
    for (const k of keys) {
      const last = rows.visits.filter((v) => v.keyCustomerId === k.id).reduce<string | null>((m, v) => (!m || v.visitedOn > m ? v.visitedOn : m), null);
      const due = last ? nextQuarter(quarterOfMonth(last.slice(0, 7))) : quarterOfMonth(`${year}-01`);
      rows.deadlines.push(deadlineRow(now, { companyId, projectId: p.id, entity: 'key_customer', entityId: k.id, kind: 'cr_key_visit', dueAt: localQuarter(due, TZ).to }));
    }

    // CR-04: the year's plan — activities by level, the plant-room day; the last one still to come.
    const plan: [string, string, string][] = [
      ['activity', '元宵猜灯谜', `${year}-02-12`],
      ['activity', '六一亲子运动会', `${year}-06-01`],
      ['plant_room', '设备房开放日：走进水泵房与配电房', `${year}-09-16`],
      ['activity', '重阳敬老茶话会', `${year}-10-29`],
      ['activity', '迎新春写春联', `${year}-12-20`],
    ];
    for (const [kind, title, plannedOn] of plan.slice(0, p.serviceLevel >= 5 ? 5 : p.serviceLevel >= 3 ? 4 : 2)) {
      const held = plannedOn < today && !(p.serviceLevel === 3 && kind === 'plant_room'); // the villas have not opened their plant rooms yet
      rows.activities.push({
        companyId,
        projectId: p.id,
        year,
        kind,
        title,
        plannedOn,
        heldOn: held ? plannedOn : null,
        participants: held ? r.int(25, 120) : null,
        summary: held ? '活动顺利举办，业主参与积极' : '',
        createdBy: supervisor,
        createdAt: fromLocal(`${year}-01-10`, 600, TZ),
      });
    }
    // CR-04: two articles a month to the company magazine, only one two months ago.
    for (let back = 5; back >= 1; back--) {
      const month = monthsBack(thisMonth, back);
      for (let n = back === 2 ? 1 : 2; n > 0; n--)
        rows.articles.push({ companyId, projectId: p.id, month, title: r.pick(['管家走访见闻', '社区活动回顾', '设备房开放日侧记', '业主点赞服务', '安全知识小课堂']), author: '客服中心', sentOn: `${month}-${String(10 + n * 5).padStart(2, '0')}`, createdBy: supervisor, createdAt: fromLocal(`${month}-${String(10 + n * 5).padStart(2, '0')}`, 600, TZ) });
    }
  }
  // RV-02: home visits drawn into the CS supervisor's (30 %) and the manager's (10 %) samples as they were
  // written, month by month, as recordVisit draws them (the history generator calls most of them back).
  const checks: (typeof supervisionChecks.$inferInsert)[] = [];
  const seqs: (typeof sequences.$inferInsert)[] = [];
  const byMonth = new Map<string, (typeof visits.$inferInsert)[]>();
  for (const v of rows.visits) {
    const key = `${v.projectId}|${toLocal(v.createdAt, TZ).date.slice(0, 7)}`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), v]);
  }
  for (const [key, list] of byMonth) {
    const [projectId, month] = key.split('|');
    list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const [level, rate] of [['supervisor', DEFAULT_DESK_RULES.supervisorCheckRate], ['manager', DEFAULT_DESK_RULES.managerCheckRate]] as const) {
      list.forEach((v, i) => systematicPick(i + 1, rate) && checks.push({ companyId, projectId, visitId: v.id!, level, selectedAt: v.createdAt }));
      seqs.push({ companyId, projectId, kind: `supervise_visit_${level}`, year: Number(month.replace('-', '')), last: list.length });
    }
  }
  await insertMany(tx, relationSettings, rows.settings);
  await insertMany(tx, keyCustomers, rows.keys);
  await insertMany(tx, keyCustomerReviews, rows.reviews);
  await insertMany(tx, visits, rows.visits);
  await insertMany(tx, supervisionChecks, checks);
  await insertMany(tx, sequences, seqs);
  await insertMany(tx, visitPlans, rows.plans);
  await insertMany(tx, communityActivities, rows.activities);
  await insertMany(tx, magazineArticles, rows.articles);
  await insertDeadlines(tx, rows.deadlines);
  for (let i = 0; i < events.length; i += 1000) await recordAudit(tx, { userId: null, companyId }, events.slice(i, i + 1000));
  return rows.visits.length;
}
