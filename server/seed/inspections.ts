// QI-01, QI-02 demo data: the company's default inspection standard and the last three months of
// submitted inspections of every demo project, mostly passing with a few deductions — one project
// failing the latest month (archives behind, front desk left unattended, repairs not followed up).
import { asc, eq } from 'drizzle-orm';
import { scoreOf } from '../../common/inspections';
import { recordAudit, type AuditInput } from '../platform/audit';
import type { Tx } from '../platform/db';
import { ensureDefaultStandard } from '../domains/inspections/commands/revise-standard';
import { inspectionFindings, inspections } from '../domains/inspections/tables';
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

export async function seedInspections(tx: Tx, companyId: string, now = new Date()) {
  const std = await ensureDefaultStandard(tx, companyId, now);
  const [inspector] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'quality'));
  if (!inspector) return;
  const list = await tx.select({ id: projects.id }).from(projects).where(eq(projects.companyId, companyId)).orderBy(asc(projects.code));
  const r = new Rng(16);
  const months = pastMonths(3, now);
  const events: AuditInput[] = [];
  for (const [pi, p] of list.entries()) {
    for (const [mi, month] of months.entries()) {
      const failing = pi === 1 % list.length && mi === months.length - 1;
      const picked = failing ? FAILING : USUAL.filter(() => r.chance(0.45));
      const findings = picked.map((f) => ({ ...f, status: 'recorded' }));
      const { score } = scoreOf(std.items, findings);
      const at = new Date(`${month}-25T02:00:00Z`);
      const [i] = await tx
        .insert(inspections)
        .values({ companyId, projectId: p.id, month, standardId: std.id, status: 'submitted', scoreTenths: Math.round(score * 10), inspectorId: inspector.id, createdAt: at, submittedAt: at, version: 2 })
        .returning({ id: inspections.id });
      if (findings.length)
        await tx.insert(inspectionFindings).values(
          findings.map((f) => ({ companyId, projectId: p.id, inspectionId: i.id, itemCode: f.itemCode, source: 'manual', status: 'recorded', count: f.count, note: f.note, evidence: f.evidence ?? '', createdBy: inspector.id, createdAt: at })),
        );
      events.push({ entity: 'inspection', entityId: i.id, projectId: p.id, action: 'seed', after: { month, score } });
    }
  }
  await recordAudit(tx, { userId: null, companyId }, events);
}
