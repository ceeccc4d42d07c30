// AR-01..AR-05 customer archives, X-05 import, WO-11 slip bundles: contracts shared by server and web.
import * as z from 'zod';
import { ZDeadline, ZSignature } from './desk';
import { ZId, ZName, ZPhone } from './shared';

export const ARCHIVE_KINDS = ['owner', 'tenant', 'decoration', 'record'] as const;
export const ZArchiveKind = z.enum(ARCHIVE_KINDS);
export type TArchiveKind = z.infer<typeof ZArchiveKind>;
/** AR-02: when an item is required — always, or only for offices/shops, companies, persons, keys held, an agent. */
export const APPLIES_TO = ['all', 'office_shop', 'company', 'person', 'keys_held', 'agent'] as const;
export const ZAppliesTo = z.enum(APPLIES_TO);
export type TAppliesTo = z.infer<typeof ZAppliesTo>;
/** Archive due dates (AR-01) and the WO-11 bundle are the desk's: overdue ones go to the housekeeper, then the CS supervisor. */
export const ARCHIVE_DEADLINE_KINDS = ['archive_owner', 'archive_tenant', 'slip_bundle'];
/** AR-02: each missing item is one non-conformity worth 0.5 points in an inspection. */
export const POINTS_PER_MISSING = 0.5;

export interface ChecklistDefault {
  code: string;
  label: string;
  appliesTo: TAppliesTo;
  required: boolean;
}
const item = (code: string, label: string, appliesTo: TAppliesTo = 'all', required = true): ChecklistDefault => ({ code, label, appliesTo, required });

/** AR-02: the shipped default lists, in the words of the company's quality inspection standard. */
export const DEFAULT_CHECKLISTS: Record<TArchiveKind, ChecklistDefault[]> = {
  owner: [
    item('cover', '档案封面'),
    item('index', '档案目录'),
    item('handover_notice', '交付使用通知书复印件'),
    item('handover_form', '收楼手续书'),
    item('first_year_invoice', '首年物业管理费发票复印件'),
    item('owner_registration', '业主基本情况登记表'),
    item('emergency_contacts', '紧急联系人登记表'),
    item('id_copies', '业主/法人/委托人身份证明复印件'),
    item('covenant_page', '临时管理规约签约页'),
    item('repair_slip', '房屋维修单'),
    item('key_custody', '钥匙委托管理协议书（业主自愿）', 'all', false),
    item('power_of_attorney', '授权委托书', 'agent'),
    item('key_collection_form', '写字楼/商铺业户钥匙领取登记表', 'office_shop'),
    item('business_licence', '法人业主营业执照副本、组织机构代码复印件', 'company'),
    item('emergency_key', '紧急备用钥匙委托管理协议书'),
  ],
  tenant: [
    item('cover', '档案封面'),
    item('index', '档案目录'),
    item('lease', '租赁合同主要内容复印件或业主授权书'),
    item('tenant_registration', '客户登记表（租户）'),
    item('emergency_contacts', '紧急联系人登记表'),
    item('id_copies', '自然人租户身份证明复印件', 'person'),
    item('business_licence', '法人租户营业执照副本、组织机构代码复印件', 'company'),
    item('emergency_key', '紧急备用钥匙委托管理协议书（委托钥匙时）', 'keys_held'),
    item('agent_id', '委托人身份证明复印件', 'agent'),
  ],
  decoration: [
    item('registration', '装修登记表（含业主/受托人身份证明、业主同意装修委托书）'),
    item('application', '装修申请表'),
    item('plan', '装修方案及图纸'),
    item('contractor_licence', '装修单位营业执照、资质证书副本复印件'),
    item('workers', '施工人员身份证明、暂住证复印件及近期一寸照片'),
    item('fee_notice', '装修费用收缴/结算通知书'),
    item('permit', '装修许可证复印件'),
    item('pledge', '业主自行装修承诺书'),
    item('inspections', '装修现场检查记录表'),
    item('completion', '装修竣工验收备案表'),
    item('hot_work', '动火证（有动火作业时）', 'all', false),
    item('rectification', '整改通知书（有整改时）', 'all', false),
    item('violations', '违约处理单（有违约时）', 'all', false),
    item('fire_approvals', '消防验收意见书、消防设计及施工现场消防安全审核意见书', 'office_shop'),
  ],
  // AR-01: group-owned property needs no owner archive, but a record of it.
  record: [item('cover', '档案封面'), item('index', '档案目录'), item('ownership_record', '集团自持物业登记表')],
};

/** What decides an item's applicability for one archive. */
export interface ArchiveFacts {
  use: string; // residence | office | shop
  customerKind: string | null; // person | company
  keysHeld: boolean;
  viaAgent: boolean;
}

export function itemApplies(appliesTo: string, f: ArchiveFacts): boolean {
  switch (appliesTo) {
    case 'office_shop':
      return f.use === 'office' || f.use === 'shop';
    case 'company':
      return f.customerKind === 'company';
    case 'person':
      return f.customerKind === 'person';
    case 'keys_held':
      return f.keysHeld;
    case 'agent':
      return f.viaAgent;
    default:
      return true;
  }
}

export const ZChecklistItem = z.object({ code: z.string(), label: z.string(), appliesTo: ZAppliesTo, required: z.boolean() });
// One property per kind spelled out (not z.record over the enum), so the OpenAPI document names them.
const ZKindItems = z.array(ZChecklistItem);
export const ZChecklists = z.object({ kinds: z.object({ owner: ZKindItems, tenant: ZKindItems, decoration: ZKindItems, record: ZKindItems }) });
export const ZChecklistPut = z.object({
  items: z
    .array(z.object({ code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/), label: z.string().trim().min(1).max(80), appliesTo: ZAppliesTo, required: z.boolean() }))
    .min(1)
    .max(40),
});
export const ZKindParams = z.object({ kind: ZArchiveKind });

export const DOCUMENT_FORMS = ['file', 'paper'] as const;
export const ZArchiveDocument = z.object({
  id: ZId,
  itemCode: z.string(),
  form: z.enum(DOCUMENT_FORMS),
  name: z.string(),
  mime: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  cabinet: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  url: z.string().nullable(),
});
export const ZChecklistEntry = ZChecklistItem.extend({ applies: z.boolean(), missing: z.boolean(), documents: z.array(ZArchiveDocument) });

export const ZArchiveSummary = z.object({
  id: ZId,
  projectId: ZId,
  unitId: ZId,
  path: z.string(),
  kind: ZArchiveKind,
  customerId: ZId.nullable(),
  customerName: z.string().nullable(),
  phone: z.string().nullable(), // masked in lists (AR-04)
  idNumber: z.string().nullable(), // masked in lists (AR-04)
  openedOn: z.string(),
  dueAt: z.string().nullable(),
  requiredCount: z.number().int(),
  missingCount: z.number().int(),
  completedAt: z.string().nullable(),
  overdue: z.boolean(),
  retiredAt: z.string().nullable(),
});
export type TArchiveSummary = z.infer<typeof ZArchiveSummary>;

export const ARCHIVE_ACTIONS = ['edit', 'file', 'retire', 'change', 'export'] as const;
export const ZArchiveDetail = ZArchiveSummary.extend({
  customerKind: z.string().nullable(),
  keysHeld: z.boolean(),
  viaAgent: z.boolean(),
  cabinet: z.string(),
  keeperId: ZId.nullable(),
  keeperName: z.string().nullable(),
  retiredReason: z.string().nullable(),
  checklist: z.array(ZChecklistEntry),
  deadlines: z.array(ZDeadline),
  changes: z.array(z.lazy(() => ZChangeRequest)),
  version: z.number().int(),
  actions: z.array(z.enum(ARCHIVE_ACTIONS)),
});
export type TArchiveDetail = z.infer<typeof ZArchiveDetail>;

export const ZArchiveListQuery = z.object({
  projectId: ZId,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  buildingId: ZId.optional(),
  floor: z.coerce.number().int().min(-10).max(200).optional(),
  kind: ZArchiveKind.optional(),
  missing: z.enum(['1']).optional(),
  overdue: z.enum(['1']).optional(),
  /** a unit path, a name or a phone fragment; an 18-character ID number is matched by its keyed hash */
  q: z.string().trim().max(50).optional(),
});
export const ZArchiveList = z.object({ items: z.array(ZArchiveSummary), nextCursor: z.string().nullable() });

export const ZArchiveOpen = z.object({
  unitId: ZId,
  kind: ZArchiveKind,
  customerId: ZId.optional(),
  openedOn: z.iso.date().optional(),
  keysHeld: z.boolean().default(false),
  viaAgent: z.boolean().default(false),
  cabinet: z.string().trim().max(60).default(''),
});
export type TArchiveOpen = z.infer<typeof ZArchiveOpen>;
export const ZArchiveUpdate = z.object({
  version: z.number().int(),
  keysHeld: z.boolean().optional(),
  viaAgent: z.boolean().optional(),
  cabinet: z.string().trim().max(60).optional(),
  keeperId: ZId.nullable().optional(),
});
export type TArchiveUpdate = z.infer<typeof ZArchiveUpdate>;
export const ZRetire = z.object({ version: z.number().int(), reason: z.string().trim().min(1).max(200) });
export const ZDocumentRetire = z.object({ reason: z.string().trim().min(1).max(200) });

export const ZDocumentFile = z.object({
  itemCode: z.string().trim().min(1).max(40),
  form: z.enum(DOCUMENT_FORMS),
  name: z.string().trim().max(100).default(''),
  /** base64 of a scan or phone photo (JPG, PNG, WEBP, PDF; at most 5 MB); only with form "file" */
  data: z.string().max(7_200_000).optional(),
  cabinet: z.string().trim().max(60).default(''),
});
export type TDocumentFile = z.infer<typeof ZDocumentFile>;

// AR-01: the floor grid of a building, each unit coloured by its missing items.
export const ZFloorGrid = z.object({
  buildingId: ZId,
  floors: z.array(
    z.object({
      floor: z.number().int(),
      units: z.array(z.object({ unitId: ZId, number: z.string(), path: z.string(), archives: z.number().int(), missing: z.number().int(), overdue: z.boolean(), needed: z.number().int() })),
    }),
  ),
});
export const ZFloorGridQuery = z.object({ projectId: ZId, buildingId: ZId });

// The inspection's monthly figures of a project's archives (read by the quality inspection).
export const ZMonthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
export const ZArchiveFigures = z.object({
  projectId: ZId,
  month: z.string(),
  archives: z.number().int(),
  complete: z.number().int(),
  missingItems: z.number().int(),
  points: z.number(),
  overdue: z.number().int(),
  openedInMonth: z.number().int(),
  completedInMonth: z.number().int(),
  unitsWithoutArchive: z.number().int(),
  byKind: z.array(z.object({ kind: ZArchiveKind, archives: z.number().int(), missingItems: z.number().int(), overdue: z.number().int() })),
});
export type TArchiveFigures = z.infer<typeof ZArchiveFigures>;
export const ZSyncResult = z.object({ opened: z.number().int() });

// AR-04: the view and export log.
export const ZAccessLogQuery = z.object({ projectId: ZId, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
export const ZAccessLogEntry = z.object({ id: ZId, action: z.string(), entity: z.string(), entityId: ZId.nullable(), label: z.string(), userName: z.string(), ip: z.string(), userAgent: z.string(), at: z.string() });
export const ZAccessLog = z.object({ items: z.array(ZAccessLogEntry) });

// AR-03: 资料修改申请.
export const PROTECTED_FIELDS = ['name', 'phone', 'idNumber', 'kind'] as const;
export const ZProtectedField = z.enum(PROTECTED_FIELDS);
export const ZChangeRequest = z.object({
  id: ZId,
  archiveId: ZId,
  customerId: ZId,
  customerName: z.string(),
  changes: z.array(z.object({ field: ZProtectedField, before: z.string().nullable(), after: z.string() })),
  reason: z.string(),
  status: z.enum(['open', 'applied', 'cancelled']),
  signed: z.boolean(),
  needsConsent: z.boolean(),
  consented: z.boolean(),
  consentOwnerName: z.string().nullable(),
  requestedByName: z.string(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.enum(['sign', 'consent', 'apply', 'cancel'])),
});
export type TChangeRequest = z.infer<typeof ZChangeRequest>;
export const ZChangeCreate = z
  .object({
    archiveId: ZId,
    reason: z.string().trim().min(1).max(300),
    name: ZName.optional(),
    phone: ZPhone.optional(),
    idNumber: z.string().trim().min(6).max(30).optional(),
    kind: z.enum(['person', 'company']).optional(),
  })
  .refine((c) => c.name !== undefined || c.phone !== undefined || c.idNumber !== undefined || c.kind !== undefined, { path: ['name'], error: 'nothing_changed' });
export type TChangeCreate = z.infer<typeof ZChangeCreate>;
export const ZChangeAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('sign'), version: z.number().int(), signature: ZSignature }),
  z.object({ action: z.literal('consent'), version: z.number().int(), ownerId: ZId, signature: ZSignature }),
  z.object({ action: z.literal('apply'), version: z.number().int() }),
  z.object({ action: z.literal('cancel'), version: z.number().int() }),
]);
export type TChangeAction = z.infer<typeof ZChangeAction>;

// import of units, owners and tenants.
export const IMPORT_COLUMNS = ['area', 'building', 'floor', 'number', 'use', 'areaM2', 'handoverDate', 'relation', 'customerKind', 'name', 'phone', 'idNumber', 'since'] as const;
export type TImportColumn = (typeof IMPORT_COLUMNS)[number];
export const ZImportUpload = z.object({ projectId: ZId, name: z.string().trim().min(1).max(100), data: z.string().min(1).max(14_000_000) });
export const ZImportProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const ZImportPreview = z.object({
  id: ZId,
  fileName: z.string(),
  rows: z.number().int(),
  problems: z.array(ZImportProblem),
  problemCount: z.number().int(),
  counts: z.object({ units: z.number().int(), owners: z.number().int(), tenants: z.number().int(), unchanged: z.number().int() }),
  status: z.enum(['previewed', 'committed']),
  version: z.number().int(),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;
export const ZImportCommit = z.object({ version: z.number().int() });
export const ZImportResult = z.object({ units: z.number().int(), owners: z.number().int(), tenants: z.number().int(), unchanged: z.number().int(), archives: z.number().int() });

// WO-11: the monthly repair-slip bundle.
export const ZSlipBundleQuery = z.object({ projectId: ZId, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
export const ZSlipBundleSlip = z.object({ orderId: ZId, number: z.string(), paid: z.boolean(), path: z.string().nullable(), trade: z.string(), description: z.string(), status: z.string(), createdAt: z.string(), closedAt: z.string().nullable(), assigneeName: z.string().nullable(), fee: z.number().nullable() });
export const ZSlipBundle = z.object({
  projectId: ZId,
  projectName: z.string(),
  month: z.string(),
  dueAt: z.string(),
  filedAt: z.string().nullable(),
  filedByName: z.string().nullable(),
  paid: z.array(ZSlipBundleSlip),
  free: z.array(ZSlipBundleSlip),
  version: z.number().int(),
  mayFile: z.boolean(),
});
export type TSlipBundle = z.infer<typeof ZSlipBundle>;
export const ZSlipBundleFile = z.object({ projectId: ZId, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), version: z.number().int() });
