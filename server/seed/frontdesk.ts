// FD-01..FD-04 demo data for every project: a month of item release passes (most used at the gate, a
// tenant's confirmed by the owner, one voided, one expired unused), two weeks of shift handover logs
// signed by the next shift — with realistic gaps a supervisor would notice: last night's log in 翠湖苑 is
// still unsigned, one log signed hours late, a week with one call review only and one short of 30
// minutes — and a lost-and-found register with an item unclaimed past its period. FD-05: in the villa
// project, a month of express mail sent for the owners — most delivered after a few daily follow-ups, one
// returned to the sender, one still on its way and one whose follow-up today is overdue.
import { randomUUID } from 'node:crypto';
import { SHIFT_HOURS, SIGN_GRACE_MINUTES, DEFAULT_UNCLAIMED_DAYS, type TCarried } from '../../common/frontdesk';
import { recordAudit, type AuditInput } from '../platform/audit';
import { addDays, fromLocal, toLocal } from '../platform/clock';
import type { Tx } from '../platform/db';
import { formatNumber } from '../platform/sequence';
import { sequences } from '../platform/tables';
import { callReviews, lostItems, releasePasses, shiftLogs } from '../domains/frontdesk/tables';
import { expressMail } from '../domains/rooms/tables';
import { weekStartOf } from '../domains/frontdesk/time';
import type { customerUnits, userRoles, users } from '../domains/people/tables';
import { mobile, personName } from './names';
import { endOfLocalDay } from '../domains/deadlines/sync';
import { deadlineRow, insertDeadlines } from './deadlines';
import { Rng } from './random';

const TZ = 'Asia/Shanghai';

interface Input {
  companyId: string;
  links: (typeof customerUnits.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  roles: (typeof userRoles.$inferInsert)[];
  /** FD-05: the villa projects, where the desk sends express mail for the owners */
  villaProjectIds?: string[];
}

const ITEMS = ['旧沙发一套', '纸箱 6 个（衣物、书籍）', '电脑主机一台、显示器一台', '自行车一辆', '旧冰箱一台', '行李箱两个', '办公椅 4 把', '装修剩余瓷砖 3 箱', '钢琴一台（搬家公司）', '文件柜一个'];
const NOTES = [
  '大堂、电梯厅巡查正常；快递柜满，已通知快递员取件。',
  '09:40 3栋业主来电反映楼道灯不亮，已开维修单；访客登记 12 人次。',
  '14:20 装修单元噪音投诉一起，已上门劝导；钥匙借用 2 把均已归还。',
  '夜间巡查地下车库一次，B2 积水已通知工程部；对讲机 4 台交接完好。',
  '消防控制室交接正常；1 栋电梯年检通知已张贴。',
  '收到业主送还的门禁卡一张，放前台抽屉；今日停水通知已群发。',
  '22:10 2栋电梯困人，工程部 8 分钟到场解困，无人受伤。',
  '会所预约 3 场；保洁反映 5 栋垃圾房异味，已派单。',
];
const FINDINGS = [
  '开场白、报工号规范；未复述客户诉求，已当面指出。',
  '应答及时，记录完整；答复时限说明不清楚。',
  '语气生硬，未致歉；已安排重听培训。',
  '报修信息记录完整，派单及时，符合要求。',
  '夜班接听延迟 40 秒，提醒值班人员注意。',
  '投诉电话处理得当，安抚到位，登记完整。',
];
const LOST = [
  { kind: 'found', category: 'wallet', description: '黑色男士钱包一个，内有身份证及银行卡', place: '1号楼大堂' },
  { kind: 'found', category: 'keys', description: '汽车钥匙一把（大众）', place: '地下车库 B1 电梯口' },
  { kind: 'found', category: 'children', description: '儿童滑板车一辆（粉色）', place: '中心花园' },
  { kind: 'lost', category: 'electronics', description: '无线耳机一副（白色）', place: '健身步道' },
  { kind: 'found', category: 'umbrella', description: '蓝色折叠雨伞一把', place: '会所门口' },
  { kind: 'lost', category: 'keys', description: '门禁卡及钥匙串（挂小熊挂件）', place: '3号楼附近' },
  { kind: 'found', category: 'glasses', description: '老花镜一副（棕色镜框）', place: '中心花园长椅' },
  // Reported this morning: the glasses found yesterday are the system's first suggestion, not yet matched.
  { kind: 'lost', category: 'glasses', description: '棕色镜框老花镜，装在黑色眼镜盒里', place: '中心花园' },
] as const;
// FD-05: what villa owners send, where, and with which courier (fee in fen, paid by the owner to the courier).
const EXPRESS = [
  { itemType: 'document', destination: '上海市浦东新区世纪大道100号 上海环球金融中心 律师事务所', courier: '顺丰速运', fee: 2300, note: '合同原件，要求次日达' },
  { itemType: 'parcel', destination: '北京市朝阳区建国路88号 SOHO现代城', courier: '京东物流', fee: 1800, note: '' },
  { itemType: 'fragile', destination: '杭州市西湖区文三路 业主女儿收', courier: '顺丰速运', fee: 4500, note: '瓷器茶具一套，已加装防震包装' },
  { itemType: 'valuables', destination: '深圳市福田区 中国银行深圳分行', courier: '顺丰速运', fee: 6800, note: '保价 20000 元，业主本人封箱' },
  { itemType: 'document', destination: '广州市天河区 税务师事务所', courier: 'EMS', fee: 2200, note: '' },
  { itemType: 'parcel', destination: '成都市高新区 天府软件园', courier: '中通快递', fee: 1200, note: '' },
  { itemType: 'other', destination: '南京市鼓楼区 业主父母收', courier: '德邦快递', fee: 9500, note: '高尔夫球包一个' },
  { itemType: 'document', destination: '苏州市工业园区 星海街 某公司人事部', courier: '顺丰速运', fee: 1500, note: '' },
] as const;

export async function seedFrontdesk(tx: Tx, input: Input, now = new Date()): Promise<void> {
  const r = new Rng(20261215);
  const { companyId } = input;
  const events: AuditInput[] = [];
  const staff = new Map<string, Map<string, string>>(); // project → demo suffix ("clerk2") → user id
  for (const g of input.roles) {
    if (!g.projectId) continue;
    const u = input.users.find((x) => x.id === g.userId)!;
    const m = staff.get(g.projectId) ?? new Map<string, string>();
    m.set(u.username.split('-').slice(1).join('-'), u.id!);
    staff.set(g.projectId, m);
  }
  const today = toLocal(now, TZ).date;
  const seq: (typeof sequences.$inferInsert)[] = [];
  const numbered = (projectId: string, kind: string, date: string) => {
    const year = Number(date.slice(0, 4));
    let s = seq.find((x) => x.projectId === projectId && x.kind === kind && x.year === year);
    if (!s) seq.push((s = { companyId, projectId, kind, year, last: 0 }));
    s.last += 1;
    return formatNumber(kind, year, s.last);
  };
  const at = (date: string, hh: number, mm = 0) => fromLocal(date, hh * 60 + mm, TZ);
  const codes = new Set<string>();
  const checkCode = (): string => {
    const c = String(r.int(10_000_000, 99_999_999));
    return codes.has(c) ? checkCode() : (codes.add(c), c);
  };

  for (const [pi, [projectId, who]] of [...staff].entries()) {
    const id = (suffix: string) => who.get(suffix) ?? who.get('clerk')!;
    const owners = input.links.filter((l) => l.projectId === projectId && l.relation === 'owner' && !l.endedAt);
    const tenants = input.links.filter((l) => l.projectId === projectId && l.relation === 'tenant' && !l.endedAt && l.consentingOwnerId);

    // FD-04 first: the open items are what the handover logs carry over.
    const lost: (typeof lostItems.$inferInsert)[] = [];
    const lostDays = [200, 120, 45, 20, 9, 4, 1, 0];
    for (const [i, l] of LOST.entries()) {
      const happenedOn = addDays(today, -lostDays[i]);
      const row: typeof lostItems.$inferInsert = {
        id: randomUUID(),
        companyId,
        projectId,
        number: numbered(projectId, 'SW', happenedOn),
        kind: l.kind,
        category: l.category,
        description: l.description,
        place: l.place,
        happenedOn,
        personName: l.kind === 'found' ? r.pick(['保洁员', '保安', '业主']) + personName(r).slice(0, 1) + r.pick(['师傅', '阿姨', '女士']) : personName(r),
        personPhone: mobile(r, 700_000 + pi * 100 + i),
        storedAt: l.kind === 'found' ? '前台失物柜' : '',
        disposeDueOn: l.kind === 'found' ? addDays(happenedOn, DEFAULT_UNCLAIMED_DAYS) : null,
        createdBy: id('clerk'),
        createdAt: new Date(Math.min(at(happenedOn, 10, 15).getTime(), now.getTime() - 30 * 60_000)),
      };
      lost.push(row);
    }
    // The wallet (200 days ago) went to the police after its period; the scooter went back to its family.
    Object.assign(lost[0], { state: 'disposed', disposedAt: at(addDays(today, -105), 11), disposeNote: '超期无人认领，经主管同意移交辖区派出所' });
    Object.assign(lost[2], { state: 'returned', receiverName: personName(r), receiverPhone: mobile(r, 700_090 + pi), receiverIdNumber: '4403**********2316', returnedAt: at(addDays(today, -44), 18, 30), returnedBy: id('clerk2') });
    // The earphones and the key ring reported lost match nothing yet; the car key found 120 days ago is past its period (flagged).
    await tx.insert(lostItems).values(lost);
    // FD-04, X-01: found items are due to be handed back or disposed of after their claim period
    const dues: Parameters<typeof insertDeadlines>[1] = lost
      .filter((l) => l.disposeDueOn)
      .map((l) => deadlineRow(now, { companyId, projectId, entity: 'lost_item', entityId: l.id!, kind: 'fd_lost_dispose', dueAt: endOfLocalDay(l.disposeDueOn!, TZ), metAt: l.returnedAt ?? l.disposedAt ?? null, responsibleId: l.createdBy }));
    const openLost = lost.filter((l) => !l.state);
    for (const l of lost) events.push({ entity: 'lost_item', entityId: l.id!, projectId, action: 'register', after: { number: l.number, kind: l.kind } });

    // FD-01: a month of passes, about one every other day.
    const passes: (typeof releasePasses.$inferInsert)[] = [];
    for (let d = 30; d >= 0; d -= r.int(1, 3)) {
      const date = addDays(today, -d);
      const tenant = r.chance(0.25) && tenants.length > 0;
      const link = tenant ? r.pick(tenants) : r.pick(owners);
      const createdAt = at(date, r.int(9, 16), r.int(0, 59));
      const pass: typeof releasePasses.$inferInsert = {
        id: randomUUID(),
        companyId,
        projectId,
        number: numbered(projectId, 'FX', date),
        checkCode: checkCode(),
        unitId: link.unitId,
        customerId: link.customerId,
        relation: tenant ? 'tenant' : 'owner',
        bearerName: r.chance(0.5) ? '搬家公司' + personName(r).slice(0, 1) + '师傅' : personName(r),
        bearerPhone: mobile(r, 710_000 + pi * 100 + passes.length),
        items: r.pick(ITEMS),
        pieces: r.int(1, 8),
        validOn: date,
        ...(tenant ? { ownerId: link.consentingOwnerId!, confirmMethod: r.chance(0.7) ? 'phone' : 'portal', confirmNote: '业主同意搬出', confirmedAt: createdAt } : {}),
        issuedBy: id(r.pick(['clerk', 'clerk2'])),
        createdAt,
      };
      if (d > 0 || r.chance(0.3)) Object.assign(pass, { usedAt: new Date(createdAt.getTime() + r.int(20, 180) * 60_000), usedBy: id(r.pick(['keeper', 'keeper2', 'clerk'])), gate: r.pick(['东门', '南门', '地库出口']) });
      passes.push(pass);
    }
    // One voided (the owner changed the day) and one never used, now expired.
    const voided = passes[Math.min(3, passes.length - 1)];
    Object.assign(voided, { usedAt: null, usedBy: null, gate: null, voidedAt: new Date(voided.createdAt!.getTime() + 3_600_000), voidReason: '业主改期搬出，重新开单' });
    const unused = passes[Math.min(6, passes.length - 1)];
    Object.assign(unused, { usedAt: null, usedBy: null, gate: null });
    await tx.insert(releasePasses).values(passes);
    for (const p of passes) events.push({ entity: 'release_pass', entityId: p.id!, projectId, action: 'issue', after: { number: p.number } });

    // FD-02: two weeks of shifts, each log signed by the next shift's writer as they start.
    const local = toLocal(now, TZ);
    let cur = local.minutes >= SHIFT_HOURS.day.start && local.minutes < SHIFT_HOURS.day.end ? { date: today, shift: 'day' as const } : { date: local.minutes < SHIFT_HOURS.day.start ? addDays(today, -1) : today, shift: 'night' as const };
    const shifts: { date: string; shift: 'day' | 'night' }[] = [];
    for (let i = 0; i < 28; i++) {
      shifts.unshift(cur);
      cur = cur.shift === 'night' ? { date: cur.date, shift: 'day' } : { date: addDays(cur.date, -1), shift: 'night' };
    }
    // 翠湖苑: this shift's clerk has not signed last night's log yet (flagged), so writes nothing.
    if (pi === 0) shifts.pop();
    const writers = ['clerk', 'keeper', 'clerk2', 'keeper2'];
    const carried: TCarried = { cases: [], orders: [], passes: [], lostItems: openLost.map((l) => ({ id: l.id!, number: l.number, label: l.description.slice(0, 40) })) };
    const logs: (typeof shiftLogs.$inferInsert)[] = [];
    for (const [i, s] of shifts.entries()) {
      const startedAt = at(s.date, SHIFT_HOURS[s.shift].start / 60, r.int(0, 10));
      const dueAt = fromLocal(s.date, SHIFT_HOURS[s.shift].end + SIGN_GRACE_MINUTES, TZ);
      logs.push({ id: randomUUID(), companyId, projectId, shiftDate: s.date, shift: s.shift, previousId: logs[i - 1]?.id ?? null, writerId: id(writers[i % writers.length]), notes: r.pick(NOTES), startedAt, dueAt, createdAt: startedAt });
    }
    for (let i = 0; i < logs.length - 1; i++) {
      const next = logs[i + 1];
      // One log signed three hours late: the night shift came in without reading it.
      const late = pi === 1 && i === logs.length - 8;
      Object.assign(logs[i], { signedBy: next.writerId, signedAt: late ? new Date(logs[i].dueAt!.getTime() + 3 * 3_600_000) : next.startedAt, carried });
    }
    // The head in the other projects is this shift's open log; in 翠湖苑 it is last night's, unsigned.
    await tx.insert(shiftLogs).values(logs);
    // FD-02, X-01: each log's signature by the next shift
    for (const l of logs) dues.push(deadlineRow(now, { companyId, projectId, entity: 'shift_log', entityId: l.id!, kind: 'fd_sign', dueAt: l.dueAt!, metAt: l.signedAt ?? null }));
    await insertDeadlines(tx, dues);
    for (const l of logs) events.push({ entity: 'shift_log', entityId: l.id!, projectId, action: 'start' });

    // FD-03: six weeks of reviews — usually two or three a week; one week with a single review, one short of 30 minutes.
    const reviews: (typeof callReviews.$inferInsert)[] = [];
    const thisWeek = weekStartOf(today);
    for (let w = 6; w >= 0; w--) {
      const monday = addDays(thisWeek, -7 * w);
      const plan = w === 2 ? [15] : w === 4 && pi !== 2 ? [12, 10] : w === 0 ? [] : r.chance(0.5) ? [15, 20] : [10, 15, 12];
      for (const [k, minutes] of plan.entries()) {
        const day = addDays(monday, k * 2 + r.int(0, 1));
        if (day > today) continue;
        const log = logs.find((l) => l.shiftDate === day && l.shift === 'day');
        reviews.push({ companyId, projectId, reviewerId: id(k % 2 ? 'super' : 'manager'), reviewedOn: day, weekStart: monday, recording: `${day.slice(5)} ${String(r.int(8, 19)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')} 来电录音`, minutes, findings: r.pick(FINDINGS), shiftLogId: log?.id ?? null, createdAt: at(day, 17, 30) });
      }
    }
    if (reviews.length) await tx.insert(callReviews).values(reviews);

    // FD-05: express mail for the villa owners, with its daily follow-ups.
    if (input.villaProjectIds?.includes(projectId) && owners.length) {
      const mail: (typeof expressMail.$inferInsert)[] = [];
      const ago = [27, 22, 16, 11, 8, 5, 2, 0];
      for (const [i, x] of EXPRESS.entries()) {
        const day = addDays(today, -ago[i]);
        const link = owners[(i * 7) % owners.length];
        const createdAt = new Date(Math.min(at(day, r.int(9, 16), r.int(0, 59)).getTime(), now.getTime() - 40 * 60_000));
        const by = id(r.pick(['clerk', 'clerk2']));
        const prefix = { 顺丰速运: 'SF', EMS: 'EA', 京东物流: 'JD', 中通快递: 'ZT', 德邦快递: 'DPK' }[x.courier];
        const tracking = `${prefix}${r.int(100_000_000, 999_999_999)}${r.int(100, 999)}`;
        // The follow-ups, one a day at 10:00 after the pick-up: four delivered, one returned to the sender,
        // one long-distance parcel still in transit (followed daily), one not followed up yesterday (overdue),
        // and today's booking waiting for the courier.
        const steps: { status: string; note: string; day: number }[] = [];
        if (i !== 7) steps.push({ status: 'picked_up', note: '快递员已上门取件，运单号已告知业主', day: 0 });
        if (i <= 4) steps.push({ status: 'in_transit', note: '已查询物流，运输中', day: 1 });
        if (i === 2) steps.push({ status: 'returned', note: '收件地址无人签收，快递退回，已通知业主到前台领取', day: 4 });
        else if (i <= 4) steps.push({ status: 'delivered', note: r.pick(['已签收，已电话告知业主', '收件人本人签收，业主知悉', '已签收，物流截图发业主微信']), day: r.int(2, 3) });
        if (i === 5) for (let d = 1; d <= ago[i]; d++) steps.push({ status: 'in_transit', note: d === 1 ? '已查询物流，运输中' : '物流显示在中转站，已催快递公司加急', day: d });
        const followUps = steps
          .map((st) => ({ at: (st.day === 0 ? new Date(createdAt.getTime() + 60 * 60_000) : at(addDays(day, st.day), 10, r.int(0, 30))).toISOString(), status: st.status, note: st.note, by }))
          .filter((f) => new Date(f.at) < now);
        const end = ['delivered', 'returned'].includes(followUps.at(-1)?.status ?? '');
        const last = followUps.at(-1);
        const status = last?.status ?? 'booked';
        const nextFrom = last ? new Date(last.at) : createdAt;
        mail.push({
          id: randomUUID(),
          companyId,
          projectId,
          unitId: link.unitId,
          customerId: link.customerId,
          identityCheck: i % 3 === 0 ? 'known_in_person' : i % 3 === 1 ? 'id_card' : 'phone_callback',
          itemType: x.itemType,
          destination: x.destination,
          courier: x.courier,
          trackingNo: followUps.length ? tracking : '',
          fee: x.fee,
          note: x.note,
          status,
          followUps,
          nextFollowUpAt: end ? null : i === 6 ? at(addDays(day, 1), 10) : new Date(nextFrom.getTime() + 86_400_000),
          createdBy: by,
          createdAt,
          version: 1 + followUps.length,
        });
      }
      await tx.insert(expressMail).values(mail);
      // the next follow-up in the shared deadlines, met once delivered or returned (as the commands leave it)
      await insertDeadlines(
        tx,
        mail.map((m) => {
          const last = m.followUps?.at(-1);
          const done = last ? new Date(last.at) : now;
          return deadlineRow(now, { companyId, projectId, entity: 'express_mail', entityId: m.id!, kind: 'fd_express', dueAt: m.nextFollowUpAt ?? done, metAt: m.nextFollowUpAt ? null : done, responsibleId: m.createdBy });
        }),
      );
      for (const m of mail) events.push({ entity: 'express_mail', entityId: m.id!, projectId, action: 'create', after: { courier: m.courier, status: m.status } });
    }
  }
  if (seq.length) await tx.insert(sequences).values(seq);
  await recordAudit(tx, { userId: null, companyId }, events);
}
