// NT-01..NT-05 notices, their approval, posting and delivery, the monthly briefing and the annual
// publication: contracts shared by server and web.
import * as z from 'zod';
import { ZId } from './shared';

/** NT-05: the monthly briefing and the Q1 annual publication are notices of their own kind. */
export const NOTICE_KINDS = ['general', 'briefing', 'annual'] as const;
export const ZNoticeKind = z.enum(NOTICE_KINDS);
export type TNoticeKind = z.infer<typeof ZNoticeKind>;

/** NT-01, NT-02: draft → submitted → approved (project manager) → published → expired → taken down. */
export const NOTICE_STATUSES = ['draft', 'submitted', 'approved', 'published', 'expired', 'taken_down'] as const;
export const ZNoticeStatus = z.enum(NOTICE_STATUSES);
export type TNoticeStatus = z.infer<typeof ZNoticeStatus>;

export const NOTICE_ACTIONS = ['submit', 'approve', 'reject', 'publish', 'expire', 'take_down'] as const;
export const ZNoticeAction = z.enum(NOTICE_ACTIONS);
export type TNoticeAction = z.infer<typeof ZNoticeAction>;

/** NT-04: how a unit was told — a signed receipt, an SMS, a call log; later also a read in the resident portal. */
export const DELIVERY_METHODS = ['receipt', 'sms', 'call', 'portal'] as const;
export const ZDeliveryMethod = z.enum(DELIVERY_METHODS);
export type TDeliveryMethod = z.infer<typeof ZDeliveryMethod>;
/** The methods staff record by hand (portal reads are recorded by the portal). */
export const STAFF_DELIVERY_METHODS = ['receipt', 'sms', 'call'] as const;

/** NT-04: the project types whose every notice is delivered to every unit. */
export const DELIVERY_PROJECT_TYPES: readonly string[] = ['office', 'villa'];

/** NT-02: a notice is valid for at most 3 months; longer-lived information belongs on signs. */
export const MAX_VALIDITY_MONTHS = 3;
/** NT-02: an expired notice is taken down within 24 hours. */
export const TAKE_DOWN_HOURS = 24;
/** NT-03: the board's content changes at least every 2 months. */
export const BOARD_CHANGE_MONTHS = 2;
/** NT-05: the briefing and the annual publication stay up at least 15 days. */
export const MIN_UP_DAYS = 15;
/** NT-05: the monthly briefing is published before this day of the month. */
export const BRIEFING_BEFORE_DAY = 10;

/** "2026-01-31" + 1 month → "2026-02-28": the same day N months on, clamped to the month's end. */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** NT-02: the last day a notice starting on `validFrom` may still be valid. */
export const maxValidTo = (validFrom: string) => addMonthsToDate(validFrom, MAX_VALIDITY_MONTHS);

/** Days from one date to another, both "YYYY-MM-DD", counted inclusively. */
export const daysInclusive = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** NT-01: the company numbering scheme — project short name, 通, year, 3-digit sequence: 翠湖-通-2026-018. */
export const noticeNumber = (projectShortName: string, year: number, n: number) => `${projectShortName}-通-${year}-${String(n).padStart(3, '0')}`;
/** The project's short name on notice numbers: the first two characters of its name (翠湖苑 → 翠湖). */
export const projectShortName = (name: string) => [...name].slice(0, 2).join('');

/** NT-01: every title comes from the template 关于…的通知. */
export const noticeTitle = (subject: string) => `关于${subject}的通知`;

/** NT-01: the company's notice templates — a subject and a body to adapt. */
export const NOTICE_TEMPLATES = [
  { code: 'water_cut', kind: 'general', subject: '计划停水', body: '尊敬的业主/住户：\n因{{原因}}，定于{{日期}} {{时间}}至{{时间}}对{{范围}}暂停供水，请提前做好储水准备。恢复供水时间如有变化将另行通知。\n给您带来的不便，敬请谅解！' },
  { code: 'power_cut', kind: 'general', subject: '计划停电', body: '尊敬的业主/住户：\n因供电局线路检修，定于{{日期}} {{时间}}至{{时间}}对{{范围}}暂停供电，届时电梯、门禁将暂停使用，请提前做好安排。\n给您带来的不便，敬请谅解！' },
  { code: 'pest_control', kind: 'general', subject: '开展消杀工作', body: '尊敬的业主/住户：\n为营造良好的居住环境，管理处定于{{日期}}对公共区域进行灭蚊、灭鼠消杀，请看管好儿童和宠物，勿触碰投放的药饵。' },
  { code: 'fire_drill', kind: 'general', subject: '开展消防演练', body: '尊敬的业主/住户：\n为提高消防安全意识，管理处定于{{日期}} {{时间}}在{{地点}}开展消防演练，届时消防警铃将鸣响，请勿惊慌，欢迎参加。' },
  { code: 'holiday', kind: 'general', subject: '节假日期间服务安排', body: '尊敬的业主/住户：\n{{节日}}期间（{{日期}}至{{日期}}），客服中心照常值班，24小时服务电话：{{电话}}。祝您节日快乐！' },
  { code: 'briefing', kind: 'briefing', subject: '{{上月}}工作总结及{{本月}}工作计划', body: '一、上月工作总结\n1. \n2. \n二、本月工作计划\n1. \n2. \n（附现场照片）' },
  { code: 'annual', kind: 'annual', subject: '{{上年}}年度合同履行情况、收支情况及{{本年}}年度预算公示', body: '一、上年度物业服务合同履行情况\n二、上年度物业服务费收支情况\n三、本年度物业服务费预算\n如有疑问，请于公示期内向客服中心反映。' },
] as const satisfies readonly { code: string; kind: TNoticeKind; subject: string; body: string }[];

const ZDate = z.iso.date();
export const ZNoticeDraft = z.object({
  projectId: ZId,
  kind: ZNoticeKind.default('general'),
  template: z.string().trim().max(40).default(''),
  /** the … of 关于…的通知 */
  subject: z.string().trim().min(1).max(60),
  body: z.string().trim().min(1).max(5000),
  validFrom: ZDate,
  validTo: ZDate,
  /** NT-05: the month a briefing is published in ("2026-12": November's summary, December's plan) or the year of an annual publication. */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/).optional(),
  boardLocation: z.string().trim().max(60).default(''),
});
export type TNoticeDraft = z.infer<typeof ZNoticeDraft>;
// Spelled out without the draft's defaults: a field left out of an edit keeps its value.
export const ZNoticeUpdate = z.object({
  template: z.string().trim().max(40).optional(),
  subject: z.string().trim().min(1).max(60).optional(),
  body: z.string().trim().min(1).max(5000).optional(),
  validFrom: ZDate.optional(),
  validTo: ZDate.optional(),
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/).optional(),
  boardLocation: z.string().trim().max(60).optional(),
  version: z.number().int(),
});
export type TNoticeUpdate = z.infer<typeof ZNoticeUpdate>;

export const ZNoticeTransition = z.object({
  action: ZNoticeAction,
  version: z.number().int(),
  reason: z.string().trim().max(200).optional(),
});
export type TNoticeTransition = z.infer<typeof ZNoticeTransition>;

export const ZNoticeListQuery = z.object({
  projectId: ZId,
  status: ZNoticeStatus.optional(),
  kind: ZNoticeKind.optional(),
  overdue: z.enum(['1']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZNoticeSummary = z.object({
  id: ZId,
  projectId: ZId,
  number: z.string(),
  kind: ZNoticeKind,
  title: z.string(),
  status: ZNoticeStatus,
  validFrom: z.string(),
  validTo: z.string(),
  period: z.string().nullable(),
  publishedAt: z.string().nullable(),
  takeDownDueAt: z.string().nullable(),
  takenDownAt: z.string().nullable(),
  /** NT-02: expired and still up past the 24 h */
  takeDownOverdue: z.boolean(),
  /** NT-02: taken down, but after the 24 h */
  takenDownLate: z.boolean(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type TNoticeSummary = z.infer<typeof ZNoticeSummary>;
export const ZNoticeList = z.object({ items: z.array(ZNoticeSummary), nextCursor: z.string().nullable() });

export const ZNoticePhoto = z.object({ id: ZId, kind: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string(), createdAt: z.string() });
export const ZNoticeEvent = z.object({ action: z.string(), actorName: z.string().nullable(), at: z.string(), reason: z.string().nullable() });
export const ZCoverage = z.object({ required: z.boolean(), units: z.number().int(), delivered: z.number().int(), ratio: z.number() });
export type TCoverage = z.infer<typeof ZCoverage>;

export const ZNoticeDetail = ZNoticeSummary.extend({
  subject: z.string(),
  body: z.string(),
  template: z.string(),
  boardLocation: z.string(),
  projectName: z.string(),
  projectType: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  expiredAt: z.string().nullable(),
  photos: z.array(ZNoticePhoto),
  events: z.array(ZNoticeEvent),
  coverage: ZCoverage,
  /** NT-05: how long a briefing or annual publication has been (or was) up, in days */
  upDays: z.number().nullable(),
  version: z.number().int(),
  actions: z.array(z.enum([...NOTICE_ACTIONS, 'edit', 'photo', 'deliver'])),
});
export type TNoticeDetail = z.infer<typeof ZNoticeDetail>;

export const ZNoticePhotoUpload = z.object({
  kind: z.enum(['posting', 'takedown']),
  name: z.string().trim().min(1).max(100),
  data: z.string().max(7_200_000), // base64 of at most 5 MB
});

export const ZDeliveryRecord = z.object({
  unitIds: z.array(ZId).min(1).max(500),
  method: z.enum(STAFF_DELIVERY_METHODS),
  recipient: z.string().trim().max(60).default(''),
  note: z.string().trim().max(200).default(''),
  deliveredAt: z.iso.datetime({ offset: true }).optional(),
});
export type TDeliveryRecord = z.infer<typeof ZDeliveryRecord>;

export const ZDeliveryRow = z.object({
  unitId: ZId,
  path: z.string(),
  method: ZDeliveryMethod.nullable(),
  recipient: z.string().nullable(),
  note: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export const ZDeliveries = z.object({ coverage: ZCoverage, units: z.array(ZDeliveryRow) });
export const ZDeliveryResult = z.object({ recorded: z.number().int(), coverage: ZCoverage });

export const ZNoticeMonthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
/** NT-05: a briefing or annual publication as the inspection checks it. */
export const ZPublicationCheck = z.object({
  period: z.string(),
  noticeId: ZId.nullable(),
  number: z.string().nullable(),
  dueAt: z.string(),
  publishedAt: z.string().nullable(),
  onTime: z.boolean(),
  /** null while it is still up and short of 15 days */
  upDays: z.number().nullable(),
  keptUp: z.boolean().nullable(),
  overdue: z.boolean(),
});
export type TPublicationCheck = z.infer<typeof ZPublicationCheck>;
export const ZNoticeFigures = z.object({
  projectId: ZId,
  month: z.string(),
  published: z.number().int(),
  publishedByKind: z.object({ general: z.number().int(), briefing: z.number().int(), annual: z.number().int() }),
  withoutPostingPhoto: z.number().int(),
  expired: z.number().int(),
  takenDown: z.number().int(),
  /** NT-02: notices still up past their 24 h take-down time in the month */
  overdueTakeDowns: z.number().int(),
  /** NT-01: notices waiting for the project manager at the month's end */
  awaitingApproval: z.number().int(),
  /** NT-03 */
  boardLastChangedAt: z.string().nullable(),
  boardStale: z.boolean(),
  /** NT-05 */
  briefing: ZPublicationCheck,
  annual: ZPublicationCheck.nullable(),
  /** NT-04 */
  delivery: z.object({ required: z.boolean(), notices: z.number().int(), units: z.number().int(), delivered: z.number().int(), ratio: z.number(), fullyDelivered: z.number().int() }),
});
export type TNoticeFigures = z.infer<typeof ZNoticeFigures>;
