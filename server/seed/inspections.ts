// QI-01, QI-02, QI-04 demo data: the company's default inspection standard and a year of submitted
// monthly inspections of every demo project, mostly passing with a few deductions — one project failing
// twice (archives behind, front desk left unattended, repairs not followed up); the published bulletin of
// every month but the last (whose bulletin is a draft awaiting publication), and the rectification of each
// finding: accepted for the older months, and open (overdue), returned and open again, closed awaiting
// acceptance, accepted and withdrawn by a correction in the last two.
import { asc, eq } from 'drizzle-orm';
import { scoreOf } from '../../common/inspections';
import { recordAudit, type AuditInput } from '../platform/audit';
import type { Tx } from '../platform/db';
import { ensureDefaultStandard } from '../domains/inspections/commands/revise-standard';
import { inspectionBulletins, inspectionFindings, inspections, rectifications } from '../domains/inspections/tables';
import { bulletinNumber } from '../domains/inspections/commands/bulletin';
import { mirrorDeadline, rectificationDue } from '../domains/inspections/commands/rectification';
import { monthResults } from '../domains/inspections/results';
import { holdersOf } from '../domains/deadlines/recipients';
import { formatNumber, nextInSequence } from '../platform/sequence';
import { projects } from '../domains/org/tables';
import { users } from '../domains/people/tables';
import { Rng } from './random';

type Seeded = { itemCode: string; count: number; note: string; evidence?: string };

const USUAL: Seeded[] = [
  { itemCode: 'CS-13', count: 1, note: '暗访来电，接听未报工号' },
  { itemCode: 'CS-39', count: 1, note: '前台一名员工未佩戴工牌' },
  { itemCode: 'CS-34', count: 2, note: '3栋电梯厅温馨提示翘角，地库指示牌被遮挡' },
  { itemCode: 'CS-35', count: 1, note: '公告栏内容已超过两个月未更换' },
  { itemCode: 'CS-05', count: 3, note: '抽查业主档案缺临时管理规约签约页、紧急联系人表' },
  { itemCode: 'CS-57', count: 1, note: '答客问上次更新已超过半年' },
  { itemCode: 'EN-01', count: 2, note: '2栋楼道有杂物，电梯轿厢地面有污渍' },
  { itemCode: 'ZX-03', count: 1, note: '夜班巡逻记录缺两次签到' },
];
const FAILING: Seeded[] = [
  { itemCode: 'CS-04', count: 4, note: '近期收楼的4户未在一个月内建档' },
  { itemCode: 'CS-05', count: 6, note: '业主档案缺收楼手续书、首年物业费发票等6项' },
  { itemCode: 'CS-06', count: 3, note: '租户档案缺租赁合同要点和身份证明' },
  { itemCode: 'CS-27', count: 2, note: '两次到访管理处前台无人，且未摆放提示牌' },
  { itemCode: 'CS-14', count: 3, note: '3张报修单次日才派单', evidence: '工单系统报修记录' },
  { itemCode: 'CS-19', count: 2, note: '有偿维修2单未回访' },
  { itemCode: 'CS-47', count: 2, note: '2件业户诉求超过24小时未答复' },
  { itemCode: 'CS-48', count: 2, note: '同一漏水问题业主第二次投诉' },
  { itemCode: 'CS-30', count: 1, note: '本月未见电话录音抽听记录' },
  { itemCode: 'CS-32', count: 2, note: '大堂仍张贴已过期的停水通知' },
  { itemCode: 'CS-41', count: 1, note: '关键业户名单本季度未更新' },
  { itemCode: 'CS-43', count: 1, note: '未制作走访爬楼图' },
  { itemCode: 'CS-56', count: 2, note: '巡视发现的问题3日内未复查' },
  { itemCode: 'EN-02', count: 2, note: '垃圾桶满溢，有异味' },
  { itemCode: 'GC-01', count: 2, note: '水泵房巡检记录缺一周' },
  { itemCode: 'ZX-02', count: 2, note: '消防通道堆放装修垃圾' },
  { itemCode: 'CS-13', count: 2, note: '暗访两次来电均未按规范问候' },
];

function pastMonths(n: number, now: Date): string[] {
  const out: string[] = [];
  for (let k = n; k >= 1; k--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

const DAY = 86_400_000;
const yearOf = (d: Date) => Number(new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 4));

export async function seedInspections(tx: Tx, companyId: string, now = new Date()) {
  const std = await ensureDefaultStandard(tx, companyId, now);
  const [inspector] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'quality'));
  if (!inspector) return;
  const list = await tx.select({ id: projects.id }).from(projects).where(eq(projects.companyId, companyId)).orderBy(asc(projects.code));
  const r = new Rng(16);
  const months = pastMonths(12, now);
  const events: AuditInput[] = [];
  const lastTwo = months.slice(-2);
  for (const [pi, p] of list.entries()) {
    const [manager] = await holdersOf(tx, p.id, ['project_manager']);
    for (const [mi, month] of months.entries()) {
      // QI-04: one project fails twice in the year, the second time last month.
      const failing = pi === 1 % list.length && (mi === months.length - 1 || mi === months.length - 5);
      const picked = failing ? FAILING : USUAL.filter(() => r.chance(0.45));
      // A correction withdrew one finding of the first project two months ago (its rectification with it).
      const withdrawnAt = pi === 0 && month === lastTwo[0] && picked.length > 1 ? 0 : -1;
      const findings = picked.map((f, k) => ({ ...f, status: k === withdrawnAt ? 'rejected' : 'recorded' }));
      const { score } = scoreOf(std.items, findings);
      const at = new Date(`${month}-25T02:00:00Z`);
      const [i] = await tx
        .insert(inspections)
        .values({ companyId, projectId: p.id, month, standardId: std.id, status: 'submitted', scoreTenths: Math.round(score * 10), inspectorId: inspector.id, createdAt: at, submittedAt: at, version: 2 })
        .returning({ id: inspections.id });
      events.push({ entity: 'inspection', entityId: i.id, projectId: p.id, action: 'seed', after: { month, score } });
      if (!findings.length) continue;
      const rows = await tx
        .insert(inspectionFindings)
        .values(
          findings.map((f) => ({ companyId, projectId: p.id, inspectionId: i.id, itemCode: f.itemCode, source: 'manual', status: f.status, count: f.count, note: f.note, evidence: f.evidence ?? '', reason: f.status === 'rejected' ? '更正：复核后确认已整改在先，不计扣分' : '', createdBy: inspector.id, createdAt: at })),
        )
        .returning();
      const { due, ruleVersion } = await rectificationDue(tx, companyId, p.id, at);
      for (const [k, f] of rows.entries()) {
        const number = formatNumber('ZG', yearOf(at), await nextInSequence(tx, companyId, p.id, 'ZG', yearOf(at)));
        const closed = new Date(Math.min(due.getTime() - 2 * DAY, now.getTime() - 3 * DAY));
        const accepted = { state: 'accepted', closeNote: '已按要求整改，附整改后照片', closedAt: closed, closedBy: manager ?? null, reviewNote: '现场复查合格', reviewedAt: new Date(closed.getTime() + DAY), reviewedBy: inspector.id };
        // The last two months show every state; older ones are all accepted.
        const kind = f.status === 'rejected' ? 'withdrawn' : !lastTwo.includes(month) ? 'accepted' : (['open', 'closed', 'returned', 'accepted'] as const)[(k + pi + mi) % 4];
        const state =
          kind === 'withdrawn'
            ? { state: 'withdrawn' }
            : kind === 'accepted'
              ? accepted
              : kind === 'closed'
                ? { state: 'closed', closeNote: '已整改完毕，请复查', closedAt: new Date(now.getTime() - DAY), closedBy: manager ?? null }
                : kind === 'returned'
                  ? { state: 'open', round: 2, dueAt: new Date(now.getTime() + 5 * DAY), closeNote: '', reviewNote: '照片未体现整改结果，请补充', reviewedAt: new Date(now.getTime() - 2 * DAY), reviewedBy: inspector.id }
                  : { state: 'open' }; // open since submission: past its deadline, flagged by the sweeper
        const [row] = await tx
          .insert(rectifications)
          .values({ companyId, projectId: p.id, inspectionId: i.id, findingId: f.id, number, dueAt: due, responsibleId: manager ?? null, createdAt: at, version: 2, ...state })
          .returning();
        await mirrorDeadline(tx, row, ruleVersion, row.reviewedAt ?? row.closedAt ?? at);
        events.push({ entity: 'rectification', entityId: row.id, projectId: p.id, action: 'seed', after: { number, state: row.state, round: row.round } });
      }
    }
  }
  // QI-04: the bulletin of every month, published a few days after the inspections, but for the last month's (a draft).
  for (const [mi, month] of months.entries()) {
    const at = new Date(`${month}-28T02:00:00Z`);
    const snap = await monthResults(tx, companyId, month);
    const last = mi === months.length - 1;
    const number = last ? null : bulletinNumber(yearOf(at), await nextInSequence(tx, companyId, companyId, 'inspection_bulletin', yearOf(at)));
    const [b] = await tx
      .insert(inspectionBulletins)
      .values({
        companyId,
        month,
        status: last ? 'draft' : 'published',
        number,
        remarks: snap.items.some((x) => x.passed === false) ? '本月有项目未达标，请相关项目经理于整改期限内完成整改并提交整改照片。' : '本月各项目均达标，请继续保持，按期完成整改项。',
        passRate: Math.round(snap.passRate * 10_000),
        items: snap.items,
        draftedBy: inspector.id,
        draftedAt: at,
        publishedBy: last ? null : inspector.id,
        publishedAt: last ? null : at,
        version: last ? 1 : 2,
      })
      .returning({ id: inspectionBulletins.id });
    events.push({ entity: 'inspection_bulletin', entityId: b.id, projectId: null, action: 'seed', after: { month, number } });
  }
  await recordAudit(tx, { userId: null, companyId }, events);
}
