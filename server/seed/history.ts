// Three months of desk history for the demo company, replayed through the same commands staff use
// (so every record has its events and deadlines): calls answered on the spot, repairs in every state,
// follow-ups with verdicts and some rework, and a few matters left overdue.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { TCaseCreate, TTransition } from '../../common/desk';
import type { Db } from '../platform/db';
import type { Principal } from '../platform/policy';
import type { Storage } from '../platform/storage';
import { principalForUser } from '../domains/auth/session';
import { createCase } from '../domains/cases/commands/create-case';
import { closeCase, replyCase } from '../domains/cases/commands/manage-case';
import { createFaq } from '../domains/faq/commands/write-faq';
import { recordAttempt } from '../domains/followups/commands/record-attempt';
import { followups } from '../domains/followups/tables';
import { units } from '../domains/org/tables';
import { users } from '../domains/people/tables';
import { transitionSeen } from '../domains/workorders/commands/transition-order';
import { workOrders } from '../domains/workorders/tables';
import { notifications } from '../domains/notifications/tables';
import { DEMO_FAQ, DEMO_MATTERS, DEMO_REPAIRS } from './desk-texts';
import type { DemoSummary } from './demo';
import { personName } from './names';
import { Rng } from './random';
import { deskMoment, inDeskHours } from './business-hours';
import { SIGNATURE } from './signature';
import { seedPortalHistory } from './portal-history';
import { checkSupervision, complaintMatter, handOverCash, paidMatter, type DeskStaff } from './paid-history';

const H = 3_600_000;

type Staff = DeskStaff;

async function staffOf(db: Db, companyId: string, key: string): Promise<Staff> {
  const as = async (username: string) => {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    return principalForUser(db, u.id, companyId, 'zh-CN');
  };
  const clerks = [await as(`${key}-clerk`), await as(`${key}-clerk2`)];
  return {
    supervisor: await as(`${key}-super`),
    manager: await as(`${key}-manager`),
    finance: await as(`${key}-finance`),
    clerks,
    desk: [...clerks, await as(`${key}-keeper`)],
    dispatcher: { engineering: await as(`${key}-eng`), environment: await as(`${key}-clean`) },
    techs: { engineering: [await as(`${key}-tech`), await as(`${key}-tech2`)], environment: [await as(`${key}-cleaner`)] },
  };
}

export async function seedHistory(db: Db, storage: Storage, demo: DemoSummary, opts: { days?: number; perDay?: number; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const days = opts.days ?? 90;
  const r = new Rng(7_370_002);
  let made = 0;
  const staffByProject = new Map<string, Staff>();
  for (const project of demo.projects) {
    const staff = await staffOf(db, demo.companyId, project.key);
    staffByProject.set(project.id, staff);
    for (const [question, answer] of DEMO_FAQ) await createFaq(db, staff.supervisor, { projectId: project.id, question, answer });
    const unitRows = await db.select({ id: units.id }).from(units).where(eq(units.projectId, project.id));
    const perDay = opts.perDay ?? (project.key === 'ch' ? 4 : project.key === 'gm' ? 2 : 1);
    for (let d = days; days > 0 && d >= 0; d--) {
      const count = r.int(Math.max(0, perDay - 1), perDay + 1);
      for (let i = 0; i < count; i++) {
        const at = deskMoment(r, now, d);
        if (at > now) continue;
        const unitId = unitRows[r.int(0, unitRows.length - 1)].id;
        const roll = r.int(0, 99);
        if (roll < 8) await paidMatter(db, storage, r, staff, { projectId: project.id, unitId, callerName: caller(r), callerPhone: phone(r) }, at, now);
        else if (roll < 12) await complaintMatter(db, r, staff, { projectId: project.id, unitId, callerName: caller(r), callerPhone: phone(r) }, at, now);
        else await oneMatter(db, storage, r, staff, project.id, unitId, at, now);
        made++;
      }
    }
    await handOverCash(db, r, staff, project.id, now);
    await checkSupervision(db, r, staff, project.id, now);
  }
  // X-03: the demo owners' own portal matters (a complaint to rate, a quote to agree).
  if (days > 0) await seedPortalHistory(db, demo.companyId, (projectId) => staffByProject.get(projectId)!, now);
  // Notices about long-past replayed events are shown as read, as they would be by now.
  await db.update(notifications).set({ readAt: sql`${notifications.createdAt} + interval '1 hour'` }).where(lt(notifications.createdAt, new Date(now.getTime() - 2 * 24 * H)));
  return made;
}

const caller = (r: Rng) => personName(r).slice(0, 1) + r.pick(['先生', '女士']);
const phone = (r: Rng) => `13${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;

async function oneMatter(db: Db, storage: Storage, r: Rng, staff: Staff, projectId: string, unitId: string, at: Date, now: Date) {
  const desk = r.pick(staff.desk);
  const base: Omit<TCaseCreate, 'category' | 'content'> = {
    projectId,
    channel: r.pick(['phone', 'phone', 'walk_in', 'portal', 'phone_night']),
    unitId,
    callerName: caller(r),
    callerPhone: phone(r),
    confirmedWithCaller: r.chance(0.95),
  };
  if (r.chance(0.4)) {
    const [category, content, answer] = r.pick(DEMO_MATTERS);
    const kase = await createCase(db, desk, { ...base, category, content, answerNow: answer && r.chance(0.7) ? answer : undefined }, at);
    if (kase.status === 'open') {
      const replyAt = new Date(inDeskHours(at.getTime() + r.int(1, 30) * H));
      // Most are answered within the day; a few late ones carry the reason; the newest stay open, and
      // now and then one of the last days is forgotten — the realistic lapse the sweeper flags.
      const forgotten = now.getTime() - at.getTime() < 3 * 24 * H && r.chance(0.3);
      if (replyAt < now && !forgotten)
        await replyCase(db, desk, kase.id, { version: kase.version, reply: '已向客户说明处理情况', lateReason: replyAt.getTime() - at.getTime() > 24 * H ? '当日多次致电未接通，次日联系上' : undefined }, replyAt);
    }
    return;
  }
  const [trade, content] = r.pick(DEMO_REPAIRS);
  const kase = await createCase(
    db,
    desk,
    {
      ...base,
      category: 'repair',
      content,
      order: { trade, priority: r.chance(0.1) ? 'emergency' : 'normal', locationKind: 'unit', description: content, department: trade === 'cleaning' ? 'environment' : 'engineering' },
    },
    at,
  );
  let o = kase.orders[0];
  let t = at.getTime();
  let version = kase.version;
  const department = o.department as 'engineering' | 'environment';
  const tech = r.pick(staff.techs[department]);
  const step = async (who: Principal, body: TTransition, gapHours: [number, number]) => {
    t = inDeskHours(t + r.int(gapHours[0] * 60, gapHours[1] * 60) * 60_000);
    if (t > now.getTime()) return false;
    o = await transitionSeen(db, storage, who, o.id, { ...body, version: o.version } as TTransition, new Date(t));
    return true;
  };
  // Now and then a call of the last day or two waits for dispatch: the board's real overdue work.
  if (now.getTime() - at.getTime() < 2.5 * 24 * H && r.chance(0.3)) return;
  // A repair is reworked until the customer is satisfied (WO-09); the demo allows one rework.
  for (let round = 0; round < 2; round++) {
    if (!(await step(staff.dispatcher[department], { action: 'dispatch', version: 0, assigneeId: tech.userId }, [0.2, 3]))) return;
    if (round === 0) {
      // The owner tells the customer who is coming: the case's reply (IN-05).
      version = (await replyCase(db, desk, kase.id, { version, reply: `已安排${o.assigneeName}师傅上门处理` }, new Date(t))).version;
    }
    if (!(await step(tech, { action: 'accept', version: 0 }, [0.1, 0.5]))) return;
    if (r.chance(0.02)) {
      await step(tech, { action: 'cannot_repair', version: 0, explanation: '属开发商保修范围，已告知业主联系开发商' }, [1, 4]);
      return;
    }
    if (!(await step(tech, { action: 'start', version: 0 }, [0.3, 6]))) return;
    if (r.chance(0.08)) {
      if (!(await step(tech, { action: 'hold', version: 0, reason: r.pick(['waiting_parts', 'waiting_customer', 'waiting_access'] as const), note: '' }, [0.5, 2]))) return;
      if (!(await step(tech, { action: 'resume', version: 0 }, [6, 40]))) return;
    }
    const signed = r.chance(0.85);
    const result = round ? '返修：更换配件，试用正常' : '已处理完毕，经客户确认正常';
    if (!(await step(tech, { action: 'complete', version: 0, result, materials: [], signature: signed ? SIGNATURE : undefined, customerOpinion: signed ? '满意' : undefined }, [0.5, 4]))) return;
    if (!signed && !(await step(r.pick(staff.desk), { action: 'record_acceptance', version: 0, consent: true, customerOpinion: '电话确认已修好', contactedBy: 'phone' }, [1, 20]))) return;
    if (!(await step(r.pick(staff.desk), { action: 'close', version: 0 }, [0.5, 20]))) return;
    if (o.followupSelected) {
      t = inDeskHours(t + r.int(4, 60) * H);
      if (t > now.getTime()) return;
      const [f] = await db.select().from(followups).where(and(eq(followups.orderId, o.id), eq(followups.round, round)));
      const solved = round > 0 || r.chance(0.95);
      const verdict = solved ? r.pick(['satisfied', 'satisfied', 'fairly_satisfied'] as const) : 'unsatisfied';
      await recordAttempt(db, r.pick(staff.desk), f.id, { version: f.version, outcome: 'reached', channel: 'phone', verdict, solved, note: '' }, new Date(t));
      if (!solved) {
        o = { ...o, ...(await db.select({ version: workOrders.version }).from(workOrders).where(eq(workOrders.id, o.id)))[0] };
        continue;
      }
    }
    break;
  }
  t = inDeskHours(t + r.int(1, 4) * H);
  if (t < now.getTime()) await closeCase(db, desk, kase.id, version, new Date(t));
}
