// NT-01..NT-05 demo data: for every project notices in every state — drafts, one awaiting the manager,
// one approved, published ones, expired and taken-down ones — the monthly briefings and this year's
// annual publication, and the delivery records of the office and villa projects. With the gaps a
// supervisor would notice: one notice expired and still up past its 24 h (翠湖苑), and the villas'
// board unchanged for over two months with their briefings missing.
import { randomUUID } from 'node:crypto';
import { DELIVERY_PROJECT_TYPES, noticeNumber, noticeTitle, projectShortName, TAKE_DOWN_HOURS, type TNoticeKind, type TNoticeStatus } from '../../common/notices';
import { insertAudit } from '../platform/audit';
import { addDays, fromLocal, toLocal } from '../platform/clock';
import type { Tx } from '../platform/db';
import { sequences } from '../platform/tables';
import { noticeDeliveries, notices } from '../domains/notices/tables';
import type { projects, units } from '../domains/org/tables';
import type { userRoles, users } from '../domains/people/tables';
import { deadlineRow, insertDeadlines } from './deadlines';
import { BRIEFING_ENTITY, BRIEFING_KIND, briefingDeadlineId, briefingDueAt } from '../domains/notices/briefing-deadline';
import { Rng } from './random';

const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;

interface Input {
  companyId: string;
  projects: (typeof projects.$inferSelect)[];
  units: (typeof units.$inferInsert & { id: string })[];
  users: (typeof users.$inferInsert)[];
  roles: (typeof userRoles.$inferInsert)[];
}

interface Plan {
  kind: TNoticeKind;
  subject: string;
  body: string;
  template: string;
  from: string; // valid from (local date)
  to: string; // valid to
  status: TNoticeStatus;
  period?: string;
  publishDay?: string; // local date published (09:30)
  takenDownDay?: string; // local date taken down (10:00)
  /** NT-04: the share of units with a delivery record */
  delivered?: number;
}

const at = (day: string, hhmm: string) => fromLocal(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const monthOf = (day: string, back: number) => {
  const [y, m] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) - back;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
};
const cnMonth = (month: string) => `${Number(month.slice(5))}月`;

function plans(type: string, today: string): Plan[] {
  const d = (n: number) => addDays(today, n);
  const villa = type === 'villa';
  const out: Plan[] = [];
  // NT-05: the monthly briefings of the last months, published on the 5th and up to the 25th — except at the villas.
  for (let back = 4; back >= 0; back--) {
    const m = monthOf(today, back);
    const prev = cnMonth(monthOf(today, back + 1));
    const subject = `${prev}工作总结及${cnMonth(m)}工作计划`;
    const body = `一、${prev}工作总结\n1. 完成公共区域消防设施月度巡检，整改隐患3处；\n2. 受理报修及咨询，按时回访；\n3. 开展社区文化活动1场。\n二、${cnMonth(m)}工作计划\n1. 二次供水水箱清洗；\n2. 园林绿化修剪及病虫害防治；\n3. 走访重点客户。`;
    const base = { kind: 'briefing' as const, subject, body, template: 'briefing', period: m };
    if (villa && back <= 2) continue; // the gap: no briefing for three months
    if (villa && back === 3) {
      out.push({ ...base, from: `${m}-12`, to: `${m}-28`, status: 'taken_down', publishDay: `${m}-12`, takenDownDay: `${m}-29`, delivered: 1 }); // late: after the 10th
      continue;
    }
    if (back === 0) {
      if (today > `${m}-26`) out.push({ ...base, from: `${m}-05`, to: `${m}-25`, status: 'taken_down', publishDay: `${m}-05`, takenDownDay: `${m}-26`, delivered: 0.9 });
      else if (today >= `${m}-05`) out.push({ ...base, from: `${m}-05`, to: `${m}-25`, status: 'published', publishDay: `${m}-05` });
      else out.push({ ...base, from: `${m}-05`, to: `${m}-25`, status: 'submitted' });
      continue;
    }
    out.push({ ...base, from: `${m}-05`, to: `${m}-25`, status: 'taken_down', publishDay: `${m}-05`, takenDownDay: `${m}-26`, delivered: 0.95 });
  }
  // NT-05: this year's annual publication in the first quarter
  const year = today.slice(0, 4);
  if (today > `${year}-04-02`)
    out.push({
      kind: 'annual', template: 'annual', period: year, status: 'taken_down',
      subject: `${Number(year) - 1}年度合同履行情况、收支情况及${year}年度预算公示`,
      body: `一、${Number(year) - 1}年度物业服务合同履行情况：各项服务按合同约定执行，完成年度维修养护计划。\n二、${Number(year) - 1}年度物业服务费收支情况：详见附表。\n三、${year}年度物业服务费预算：详见附表。\n如有疑问，请于公示期内向客服中心反映。`,
      from: `${year}-02-20`, to: `${year}-03-31`, publishDay: `${year}-02-20`, takenDownDay: `${year}-04-01`, delivered: 1,
    });
  const water = '尊敬的业主/住户：\n因二次供水水箱清洗消毒，定于本周六 9:00 至 17:00 暂停供水，请提前做好储水准备。给您带来的不便，敬请谅解！';
  if (villa) {
    // the villas' last posting, 75 days ago: the board has not changed for over two months (NT-03)
    out.push({ kind: 'general', template: 'pest_control', subject: '开展夏季灭蚊消杀工作', body: '尊敬的业主：\n管理处将于每周三上午对园区公共绿地进行灭蚊消杀，请看管好儿童和宠物。', from: d(-75), to: d(10), status: 'published', publishDay: d(-75), delivered: 0.6 });
  } else {
    out.push({ kind: 'general', template: 'fire_drill', subject: '开展年度消防演练', body: '尊敬的业主/住户：\n管理处定于下月在中心广场开展消防演练，届时消防警铃将鸣响，请勿惊慌，欢迎参加。', from: d(-40), to: d(-25), status: 'taken_down', publishDay: d(-40), takenDownDay: d(-24), delivered: 1 });
    out.push({ kind: 'general', template: 'power_cut', subject: '计划停电', body: '尊敬的业主/住户：\n因供电局线路检修，定于本月对部分楼栋暂停供电，届时电梯暂停使用，请提前做好安排。', from: d(-12), to: d(30), status: 'published', publishDay: d(-12), delivered: 0.85 });
  }
  // valid until yesterday: expired, and due to come down today
  if (villa) out.push({ kind: 'general', template: 'holiday', subject: '园区道路维修期间车辆绕行', body: '尊敬的业主：\n园区东侧道路维修期间，车辆请经西门绕行，注意慢行。', from: d(-85), to: d(-1), status: 'expired', publishDay: d(-85), delivered: 1 });
  else if (type !== 'residential') out.push({ kind: 'general', template: 'holiday', subject: '地下车库地坪翻新期间车位调整', body: '尊敬的业户：\n地下车库B2层地坪翻新期间，月卡车辆请停放至B1层，感谢配合。', from: d(-14), to: d(-1), status: 'expired', publishDay: d(-14), delivered: 0.9 });
  if (type === 'residential')
    // the gap: valid until 3 days ago and still on the board, past its 24 h
    out.push({ kind: 'general', template: 'water_cut', subject: '计划停水', body: water, from: d(-20), to: d(-3), status: 'expired', publishDay: d(-20) });
  out.push({ kind: 'general', template: 'holiday', subject: '元旦期间服务安排', body: '尊敬的业主/住户：\n元旦期间客服中心照常值班，24小时服务电话见公告栏。祝您节日快乐！', from: d(5), to: d(35), status: 'approved' });
  out.push({ kind: 'general', template: 'water_cut', subject: '二次供水水箱清洗停水', body: water, from: d(3), to: d(10), status: 'submitted' });
  out.push({ kind: 'general', template: 'pest_control', subject: '开展冬季灭鼠工作', body: '尊敬的业主/住户：\n管理处将于下周对地下车库及垃圾站开展灭鼠工作，请勿触碰投放的药饵。', from: d(7), to: d(21), status: 'draft' });
  return out;
}

const RANK: Record<TNoticeStatus, number> = { draft: 0, submitted: 1, approved: 2, published: 3, expired: 4, taken_down: 5 };

export async function seedNotices(tx: Tx, input: Input, now = new Date()): Promise<number> {
  const r = new Rng(20261205);
  const today = toLocal(now, TZ).date;
  const holder = (projectId: string, role: string) => {
    const g = input.roles.find((x) => x.projectId === projectId && x.role === role);
    return g ? (g.userId as string) : null;
  };
  const noticeRows: (typeof notices.$inferInsert)[] = [];
  const deliveryRows: (typeof noticeDeliveries.$inferInsert)[] = [];
  const dueRows: Parameters<typeof insertDeadlines>[1] = [];
  const events: Parameters<typeof insertAudit>[1] = [];
  const seqs = new Map<string, { companyId: string; projectId: string; year: number; last: number }>();

  for (const p of input.projects) {
    const clerk = holder(p.id, 'clerk')!;
    const manager = holder(p.id, 'project_manager')!;
    const projectUnits = input.units.filter((u) => u.projectId === p.id);
    const deliver = DELIVERY_PROJECT_TYPES.includes(p.type);
    const list = plans(p.type, today)
      .filter((x) => !x.publishDay || at(x.publishDay, '09:30') < now)
      .sort((a, b) => (a.publishDay ?? a.from).localeCompare(b.publishDay ?? b.from));
    // NT-05, X-01: each month's briefing deadline (before the 10th), met by its publication — the villas' gap stays open
    for (let back = 4; back >= 0; back--) {
      const m = monthOf(today, back);
      const b = list.find((x) => x.kind === 'briefing' && x.period === m && x.publishDay);
      dueRows.push(deadlineRow(now, { companyId: input.companyId, projectId: p.id, entity: BRIEFING_ENTITY, entityId: briefingDeadlineId(p.id, m), kind: BRIEFING_KIND, dueAt: briefingDueAt(m, TZ), metAt: b ? at(b.publishDay!, '09:30') : null }));
    }
    for (const x of list) {
      const id = randomUUID();
      // not yet published: drafted two days ago, so submission and approval (+17 h, +19 h) lie in the past
      const draftedAt = at(addDays(x.publishDay ?? today, -2), '15:00');
      const year = Number(toLocal(draftedAt, TZ).date.slice(0, 4));
      const key = `${p.id}:${year}`;
      const seq = seqs.get(key) ?? { companyId: input.companyId, projectId: p.id, year, last: 0 };
      seq.last += 1;
      seqs.set(key, seq);
      const validUntil = fromLocal(addDays(x.to, 1), 0, TZ);
      const rank = RANK[x.status];
      const submittedAt = rank >= 1 ? new Date(draftedAt.getTime() + 17 * HOUR) : null;
      const approvedAt = rank >= 2 ? new Date(draftedAt.getTime() + 19 * HOUR) : null;
      const publishedAt = x.publishDay && rank >= 3 ? at(x.publishDay, '09:30') : null;
      const takeDownDueAt = publishedAt ? new Date(validUntil.getTime() + TAKE_DOWN_HOURS * HOUR) : null;
      const expiredAt = rank >= 4 && validUntil < now ? validUntil : null;
      const takenDownAt = x.takenDownDay && rank >= 5 ? at(x.takenDownDay, '10:00') : null;
      noticeRows.push({
        id, companyId: input.companyId, projectId: p.id,
        number: noticeNumber(projectShortName(p.name), year, seq.last),
        kind: x.kind, template: x.template, subject: x.subject, title: noticeTitle(x.subject), body: x.body, period: x.period ?? null,
        boardLocation: p.type === 'villa' ? '会所公告栏' : p.type === 'office' ? '首层大堂公告栏' : '各栋大堂公告栏',
        validFrom: x.from, validTo: x.to, validUntil,
        status: x.status, submittedAt, approvedAt, approvedBy: approvedAt ? manager : null, publishedAt, expiredAt, takeDownDueAt, takenDownAt,
        createdBy: clerk, createdAt: draftedAt, version: 1 + rank,
      });
      // NT-02, X-01: a published notice's take-down deadline, met when it came down
      if (takeDownDueAt) dueRows.push(deadlineRow(now, { companyId: input.companyId, projectId: p.id, entity: 'notice', entityId: id, kind: 'nt_take_down', dueAt: takeDownDueAt, metAt: takenDownAt, responsibleId: clerk }));
      const ev = (action: string, when: Date | null, actor: string | null, after: object = {}) =>
        when && events.push({ company_id: input.companyId, project_id: p.id, actor_id: actor, entity: 'notice', entity_id: id, action, before: null, after, at: when.toISOString() });
      ev('draft', draftedAt, clerk, { title: noticeTitle(x.subject), kind: x.kind });
      ev('submit', submittedAt, clerk, { status: 'submitted' });
      ev('approve', approvedAt, manager, { status: 'approved' });
      ev('publish', publishedAt, clerk, { status: 'published', takeDownDueAt });
      ev('expire', rank >= 4 ? validUntil : null, null, { status: 'expired' });
      ev('take_down', takenDownAt, clerk, { status: 'taken_down' });
      // NT-04: the office and villa projects deliver each notice unit by unit
      if (deliver && publishedAt && x.delivered) {
        const methods = p.type === 'villa' ? ['receipt', 'call', 'sms'] : ['sms', 'receipt', 'sms'];
        for (const u of projectUnits) {
          if (!r.chance(x.delivered)) continue;
          const method = r.pick(methods);
          const deliveredAt = new Date(publishedAt.getTime() + (1 + r.int(0, 30)) * HOUR);
          deliveryRows.push({ companyId: input.companyId, projectId: p.id, noticeId: id, unitId: u.id, method, recipient: method === 'sms' ? '' : r.pick(['业主本人', '家属', '前台', '行政']), note: '', deliveredAt, recordedBy: clerk, createdAt: deliveredAt });
        }
        events.push({ company_id: input.companyId, project_id: p.id, actor_id: clerk, entity: 'notice', entity_id: id, action: 'deliver', before: null, after: { units: deliveryRows.filter((d) => d.noticeId === id).length }, at: new Date(publishedAt.getTime() + 30 * HOUR).toISOString() });
      }
    }
  }
  for (let i = 0; i < noticeRows.length; i += 200) await tx.insert(notices).values(noticeRows.slice(i, i + 200));
  for (let i = 0; i < deliveryRows.length; i += 500) await tx.insert(noticeDeliveries).values(deliveryRows.slice(i, i + 500));
  if (seqs.size) await tx.insert(sequences).values([...seqs.values()].map((s) => ({ ...s, kind: 'notice' })));
  await insertDeadlines(tx, dueRows);
  for (let i = 0; i < events.length; i += 1000) await insertAudit(tx, events.slice(i, i + 1000));
  return noticeRows.length;
}
