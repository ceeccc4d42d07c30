// The demo's paid services, complaints, cash hand-overs and supervision checks, replayed through the same
// commands staff use, so every page of issue 5 opens on a living project.
import { cents, sumYuan } from '../../common/money';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { TComplaintDetail } from '../../common/complaints';
import type { TTransition } from '../../common/desk';
import type { TPaidOrder } from '../../common/paid';
import { addDays, fromLocal, toLocal } from '../platform/clock';
import type { Db } from '../platform/db';
import type { Principal } from '../platform/policy';
import type { Storage } from '../platform/storage';
import { replyCase } from '../domains/cases/commands/manage-case';
import { complaintAction } from '../domains/complaints/commands/complaint-action';
import { registerComplaint } from '../domains/complaints/commands/register-complaint';
import { recordAttempt } from '../domains/followups/commands/record-attempt';
import { recordCheck } from '../domains/followups/supervision';
import { followups, supervisionChecks } from '../domains/followups/tables';
import { projectTimezone } from '../domains/org/queries';
import { confirmHandover, submitHandover } from '../domains/paid/commands/handover';
import { paidAction } from '../domains/paid/commands/paid-action';
import { registerPaidOrder } from '../domains/paid/commands/register-paid';
import { voidReceipt } from '../domains/paid/commands/void-receipt';
import { receipts, serviceItems } from '../domains/paid/tables';
import { transitionOrder } from '../domains/workorders/commands/transition-order';
import { orderVersion } from '../domains/workorders/queries';
import { cases } from '../domains/cases/tables';
import { DEMO_COMPLAINTS, DEMO_PAID_WORK } from './desk-texts';
import type { Rng } from './random';
import { inDeskHours } from './business-hours';
import { SIGNATURE } from './signature';

const MIN = 60_000;
const H = 60 * MIN;

export interface DeskStaff {
  supervisor: Principal;
  manager: Principal;
  finance: Principal;
  clerks: Principal[];
  desk: Principal[];
  dispatcher: Record<'engineering' | 'environment', Principal>;
  techs: Record<'engineering' | 'environment', Principal[]>;
}

interface Caller {
  projectId: string;
  unitId: string;
  callerName: string;
  callerPhone: string;
}

/** PS-02..PS-08: a paid service from the desk's registration to the follow-up, as far as `now` allows. */
export async function paidMatter(db: Db, storage: Storage, r: Rng, staff: DeskStaff, caller: Caller, at: Date, now: Date) {
  const items = await db.select().from(serviceItems).where(and(eq(serviceItems.projectId, caller.projectId), eq(serviceItems.active, true)));
  const item = r.pick(items);
  const work = DEMO_PAID_WORK[item.category as keyof typeof DEMO_PAID_WORK];
  const description = `${item.name.replace(/（.*）/, '')}：${r.pick(work.reasons)}`;
  const expectedResult = work.result;
  const quantity = item.unit === '平方米' ? r.int(4, 12) * 10 : item.unit === '小时' ? r.int(2, 4) : r.int(1, 2);
  const clerk = r.pick(staff.clerks);
  const channel = r.pick(['phone', 'phone', 'walk_in'] as const);
  const agreed = r.chance(0.8);
  let po: TPaidOrder = await registerPaidOrder(
    db,
    clerk,
    { ...caller, channel, confirmedWithCaller: true, itemId: item.id, quantity, description, preferredTime: r.pick(['今天下午', '明天上午', '周末全天', '工作日晚上6点后']), fee: cents(item.price * quantity) / 100, expectedResult, agreed },
    at,
  );
  let t = at.getTime();
  const later = (min: number, max: number) => {
    t = inDeskHours(t + r.int(min, max) * MIN);
    return t <= now.getTime() ? new Date(t) : null;
  };
  const act = async (body: Parameters<typeof paidAction>[3], when: Date | null) => (when ? (po = await paidAction(db, clerk, po.orderId, body, when)) : null);
  // PS-04: most phone calls hear their time within 10 minutes; a few are late.
  const tz = await projectTimezone(db, caller.projectId);
  const visit = fromLocal(addDays(toLocal(at, tz).date, 1), r.int(9, 17) * 60, tz); // the next working hours
  if (channel !== 'walk_in' && !(await act({ action: 'appoint', version: po.version, appointmentAt: visit.toISOString() }, later(r.chance(0.9) ? 2 : 12, r.chance(0.9) ? 9 : 30)))) return;
  if (!agreed && !(await act({ action: 'agree', version: po.version, how: 'phone' }, later(10, 90)))) return;
  const department = po.department as 'engineering' | 'environment';
  const tech = r.pick(staff.techs[department]);
  const dispatchAt = later(10, 120);
  if (!dispatchAt) return;
  const dispatched = await transitionOrder(db, storage, staff.dispatcher[department], po.orderId, { action: 'dispatch', version: await orderVersion(db, po.orderId), assigneeId: tech.userId }, dispatchAt);
  let version = dispatched.version;
  // IN-05: the desk tells the customer who is coming, which answers the request within the day.
  await replyCase(db, clerk, po.caseId, { version: await caseVersion(db, po.caseId), reply: `已安排${'assigneeName' in dispatched ? dispatched.assigneeName : ''}师傅按约定时间上门` }, dispatchAt);
  const step = async (who: Principal, body: TTransition, gap: [number, number]) => {
    const when = later(...gap);
    if (!when) return false;
    version = (await transitionOrder(db, storage, who, po.orderId, { ...body, version }, when)).version;
    return true;
  };
  if (!(await step(tech, { action: 'accept', version }, [5, 60]))) return;
  if (!(await step(tech, { action: 'start', version }, [60, 20 * 60]))) return;
  if (!(await step(tech, { action: 'complete', version, result: `已按约定完成：${expectedResult}`, materials: [], signature: SIGNATURE, customerOpinion: '满意' }, [40, 240]))) return;
  // PS-06: the desk collects the agreed fee; now and then a receipt is written wrongly, voided and written again.
  const method = r.pick(['cash', 'cash', 'cash', 'scan', 'scan', 'card'] as const);
  if (!(await act({ action: 'collect', version: po.version, amount: po.fee, method }, later(5, 120)))) return;
  if (r.chance(0.04)) {
    po = await voidReceipt(db, clerk, po.receipts[0].id, '收据金额填写错误', new Date(t + MIN));
    t += 2 * MIN;
    po = await paidAction(db, clerk, po.orderId, { action: 'collect', version: po.version, amount: po.fee, method }, new Date(t));
  }
  if (!(await step(clerk, { action: 'close', version }, [1, 30]))) return;
  // PS-08: every paid service is followed up.
  const when = later(6 * 60, 48 * 60);
  if (!when) return;
  const [f] = await db.select().from(followups).where(eq(followups.orderId, po.orderId));
  await recordAttempt(db, r.pick(staff.desk), f.id, { version: f.version, outcome: 'reached', channel: 'phone', verdict: r.pick(['satisfied', 'satisfied', 'fairly_satisfied'] as const), solved: true, note: '客户对服务效果满意' }, when);
}

/** CP-01..CP-04: a complaint handled as far as `now` allows. */
export async function complaintMatter(db: Db, r: Rng, staff: DeskStaff, caller: Caller, at: Date, now: Date) {
  const [type, content] = r.pick(DEMO_COMPLAINTS);
  const clerk = r.pick(staff.desk);
  let k: TComplaintDetail = await registerComplaint(
    db,
    clerk,
    {
      ...caller,
      channel: r.chance(0.12) ? r.pick(['group_hotline', 'quality_dept', 'owners_forum'] as const) : r.pick(['phone', 'walk_in'] as const),
      content,
      confirmedWithCaller: true,
      type,
      majorReasons: r.chance(0.04) ? [r.pick(['media', 'collective', 'group_escalation'] as const)] : [],
    },
    at,
  );
  let t = at.getTime();
  const later = (minH: number, maxH: number) => {
    t = inDeskHours(t + r.int(minH * 60, maxH * 60) * MIN);
    return t <= now.getTime() ? new Date(t) : null;
  };
  const act = async (who: Principal, body: Parameters<typeof complaintAction>[3], when: Date | null) => (when ? (k = await complaintAction(db, who, k.id, body, when)) : null);
  const handler = type === 'quality' || type === 'facility' ? staff.dispatcher.engineering : type === 'environment' ? staff.dispatcher.environment : staff.supervisor;
  if (!(await act(staff.supervisor, { action: 'assign', version: k.version, handlerId: handler.userId }, later(0.2, 2)))) return;
  if (k.companyLevel) {
    if (!(await act(staff.manager, { action: 'contact', version: k.version, note: '项目经理已电话联系业主，了解情况并约定处理时间' }, later(1, r.chance(0.9) ? 20 : 30)))) return;
    if (!(await act(staff.manager, { action: 'progress', version: k.version, note: '已安排专人处理，预计三日内完成' }, later(12, 40)))) return;
  }
  if (!(await act(handler, { action: 'resolve', version: k.version, resolution: '已核实情况并整改，向业主说明处理结果', valid: r.chance(0.7) }, later(2, 30)))) return;
  const replyAt = later(0.5, 6);
  if (!replyAt) return;
  await replyCase(db, clerk, k.caseId, { version: await caseVersion(db, k.caseId), reply: '已按投诉内容整改完毕，并向您致歉', lateReason: replyAt.getTime() - at.getTime() > 24 * H ? '处理需要时间，当日已电话告知业主进展' : undefined }, replyAt);
  const verdict = r.pick(['satisfied', 'fairly_satisfied', 'fairly_satisfied', 'unsatisfied'] as const);
  if (!(await act(clerk, { action: 'followup', version: k.version, verdict, note: '电话回访' }, later(24, 6 * 24))) || verdict !== 'unsatisfied') return;
  // Not satisfied: handled again until the customer is.
  if (!(await act(handler, { action: 'resolve', version: k.version, resolution: '再次上门处理，落实整改措施', valid: k.valid ?? true }, later(24, 72)))) return;
  await act(clerk, { action: 'followup', version: k.version, verdict: 'fairly_satisfied', note: '再次回访，客户认可' }, later(24, 96));
}

export async function caseVersion(db: Db, caseId: string) {
  const [c] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
  return c.version;
}

/** PS-07: each clerk hands the day's takings over at the end of the day; finance confirms the next morning. */
export async function handOverCash(db: Db, r: Rng, staff: DeskStaff, projectId: string, now: Date) {
  const tz = await projectTimezone(db, projectId);
  const today = toLocal(now, tz).date;
  const open = await db
    .selectDistinct({ date: receipts.businessDate, clerkId: receipts.issuedBy })
    .from(receipts)
    .where(and(eq(receipts.projectId, projectId), isNull(receipts.handoverId), isNull(receipts.voidedAt), lt(receipts.businessDate, today)))
    .orderBy(receipts.businessDate);
  for (const { date, clerkId } of open) {
    const clerk = staff.clerks.find((c) => c.userId === clerkId);
    if (!clerk || r.chance(0.03)) continue; // now and then a day's cash stays with the desk: flagged as late
    const taken = await db.select({ amount: receipts.amount, method: receipts.method }).from(receipts).where(and(eq(receipts.projectId, projectId), eq(receipts.issuedBy, clerkId), eq(receipts.businessDate, date), isNull(receipts.handoverId), isNull(receipts.voidedAt)));
    const expected = sumYuan(taken.filter((c) => c.method === 'cash').map((c) => c.amount));
    const h = await submitHandover(db, clerk, { projectId, date, declared: expected, note: '' }, fromLocal(date, 18 * 60 + r.int(0, 50), tz));
    const confirmAt = fromLocal(date, 24 * 60 + 9 * 60 + r.int(0, 90), tz);
    if (confirmAt > now) continue;
    const short = r.chance(0.05) ? 10 : 0;
    await confirmHandover(db, staff.finance, h.id, { version: h.version, received: Math.max(0, expected - short), note: short ? '清点少10元，已告知客服主管' : '' }, confirmAt);
  }
}

/** RV-02: the supervisor and the manager call back most of what was drawn for them. */
export async function checkSupervision(db: Db, r: Rng, staff: DeskStaff, projectId: string, now: Date) {
  const drawn = await db.select().from(supervisionChecks).where(and(eq(supervisionChecks.projectId, projectId), isNull(supervisionChecks.checkedAt), lt(supervisionChecks.selectedAt, new Date(now.getTime() - 24 * H))));
  for (const c of drawn) {
    if (r.chance(0.15)) continue;
    const who = c.level === 'supervisor' ? staff.supervisor : staff.manager;
    const outcome = r.chance(0.9) ? 'genuine' : r.chance(0.7) ? 'unreachable' : 'not_genuine';
    await recordCheck(db, who, c.id, { version: c.version, outcome, note: outcome === 'not_genuine' ? '客户表示未接到回访电话' : '' }, new Date(inDeskHours(c.selectedAt.getTime() + r.int(2, 20) * H)));
  }
}
