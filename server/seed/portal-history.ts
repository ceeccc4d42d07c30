// what each demo owner finds in the portal on first sign-in, made through the portal's own commands:
// a complaint filed from the phone a week ago that the desk has resolved and answered (the resident is asked
// for the verdict), and a paid service ordered yesterday that the desk has quoted (waiting for agreement).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { replyCase } from '../domains/cases/commands/manage-case';
import { complaintAction } from '../domains/complaints/commands/complaint-action';
import { complaints } from '../domains/complaints/tables';
import { paidAction } from '../domains/paid/commands/paid-action';
import { paidOrders } from '../domains/paid/tables';
import { residentAccounts } from '../domains/residents/tables';
import { fileComplaint } from '../domains/residents/complaints';
import { orderPaidService, residentPriceList } from '../domains/residents/paid';
import { residentUnits } from '../domains/residents/scope';
import { inDeskHours } from './business-hours';
import { DEMO_RESIDENT_PHONES } from './residents';
import { caseVersion, type DeskStaff } from './paid-history';

const H = 3_600_000;

export async function seedPortalHistory(db: Db, companyId: string, staffOf: (projectId: string) => DeskStaff, now: Date) {
  for (const phone of DEMO_RESIDENT_PHONES) {
    const [account] = await db.select().from(residentAccounts).where(and(eq(residentAccounts.companyId, companyId), eq(residentAccounts.phone, phone)));
    if (!account) continue;
    const r = { residentId: account.id, companyId, phone, locale: 'zh-CN' as const };
    const home = (await residentUnits(db, r)).find((u) => u.allowed && u.relation === 'owner');
    if (!home) continue;
    const { clerks: [clerk], supervisor } = staffOf(home.projectId);

    // CP-01: filed on the phone six days ago, handled by the CS supervisor, answered by the desk.
    let at = new Date(inDeskHours(now.getTime() - 6 * 24 * H));
    const filed = await fileComplaint(db, r, { unitId: home.unitId, type: 'noise', locationKind: 'public', publicLocation: '小区中心花园', content: '晚上十点后花园里还有人跳广场舞，音响声音很大，影响休息' }, at);
    const [made] = await db.select({ id: complaints.id, version: complaints.version }).from(complaints).where(eq(complaints.caseId, filed.caseId));
    const filedAt = at;
    const k = await complaintAction(db, supervisor, made.id, { action: 'assign', version: made.version, handlerId: supervisor.userId }, (at = new Date(inDeskHours(at.getTime() + H))));
    // The desk answers within the day that it is being handled (IN-05), the supervisor resolves it the next day.
    at = new Date(inDeskHours(at.getTime() + H));
    const late = at.getTime() - filedAt.getTime() > 24 * H ? { lateReason: '夜间来件，次日上班即联系业主说明' } : {};
    await replyCase(db, clerk, filed.caseId, { version: await caseVersion(db, filed.caseId), reply: '您好，已收到您的投诉，正在与广场舞队伍协调，今晚起安排秩序维护员巡查', ...late }, at);
    await complaintAction(db, supervisor, k.id, { action: 'resolve', version: k.version, resolution: '已与广场舞队伍协商，活动于晚上九点前结束并调低音量；秩序维护员每晚巡查', valid: true }, new Date(inDeskHours(at.getTime() + 20 * H)));

    // PS-01..PS-03: ordered yesterday at the listed price; the desk quoted after confirming the job.
    const list = await residentPriceList(db, r, home.unitId);
    const item = list.items.find((i) => /疏通|下水/.test(i.name)) ?? list.items[0];
    if (!item) continue;
    at = new Date(inDeskHours(now.getTime() - 24 * H));
    const o = await orderPaidService(db, r, { unitId: home.unitId, itemId: item.id, quantity: 1, description: '厨房下水很慢，疑似堵塞', preferredTime: '周末上午' }, at);
    const [po] = await db.select({ version: paidOrders.version }).from(paidOrders).where(eq(paidOrders.orderId, o.orderId));
    await paidAction(db, clerk, o.orderId, { action: 'quote', version: po.version, fee: item.price, expectedResult: '疏通后排水顺畅，现场试水确认' }, new Date(inDeskHours(at.getTime() + H)));
  }
}
