// A valid request for every registered route, built on fresh fixtures of a project — shared by the access
// matrix and the fuzz tests, so a new route gets a row here or both suites fail.
import { COMPANY_WIDE_ROLES, type TRole } from '../../common/roles';
import type { TestApp } from './harness';
import type { fixtures } from './fixtures';
import { SIGNATURE, userId } from './desk';
import { emptyImportFile, nextPastMonth } from './archive-fixtures';
import { nextInspectionMonth } from './inspection-fixtures';
import { signInThrottles } from '../domains/auth/tables';
import { users } from '../domains/people/tables';
import { eq } from 'drizzle-orm';

export type Scope = 'own' | 'other';
export interface Req {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: unknown;
}
type Builder = (f: ReturnType<typeof fixtures>, projectId: string, scope: Scope) => Promise<Req>;
interface Ctx {
  t: TestApp;
  ids: Record<Scope, string>;
}
/** Who may, beyond "holds the route's action in the project": a rule about the record itself. */
export type Rule = (role: TRole, scope: Scope) => boolean;

export const USERS: Record<TRole, string> = {
  clerk: 'ch-clerk',
  housekeeper: 'ch-keeper',
  cs_supervisor: 'ch-super',
  dept_supervisor: 'ch-eng',
  technician: 'ch-tech',
  finance: 'ch-finance',
  project_manager: 'ch-manager',
  quality_inspector: 'quality',
  company_admin: 'admin',
};

const only = (...roles: TRole[]): Rule => (role, scope) => roles.includes(role) && (scope === 'own' || COMPANY_WIDE_ROLES.includes(role));
const get = (url: string): Req => ({ method: 'GET', url });


export const routeRequests = ({ t, ids }: Ctx): Record<string, { req: Builder; rule?: Rule }> => ({
  'GET /api/me': { req: async () => get('/api/me') },
  'PUT /api/me/locale': { req: async () => ({ method: 'PUT', url: '/api/me/locale', body: { locale: 'zh-CN' } }) },
  'GET /api/projects': { req: async () => get('/api/projects') },
  'POST /api/projects': {
    req: async () => ({ method: 'POST', url: '/api/projects', body: { code: `T${Math.floor(Math.random() * 1e8)}`, name: '测试项目', type: 'apartment', serviceLevel: 2 } }),
    rule: only('company_admin'),
  },
  'PUT /api/projects/:id': { req: async (_f, pid) => ({ method: 'PUT', url: `/api/projects/${pid}`, body: { version: 1 } }) },
  'GET /api/projects/:id/space': { req: async (_f, pid) => get(`/api/projects/${pid}/space`) },
  'GET /api/projects/:id/staff': { req: async (_f, pid) => get(`/api/projects/${pid}/staff`) },
  'GET /api/projects/:id/calendar': { req: async (_f, pid) => get(`/api/projects/${pid}/calendar`) },
  'PUT /api/projects/:id/calendar': {
    req: async (_f, pid) => {
      const cal = (await (await t.as('admin')).get(`/api/projects/${pid}/calendar`)).body;
      return { method: 'PUT', url: `/api/projects/${pid}/calendar`, body: { settings: cal.settings, days: cal.days, version: cal.version } };
    },
  },
  'GET /api/projects/:id/desk-rules': { req: async (_f, pid) => get(`/api/projects/${pid}/desk-rules`) },
  'PUT /api/projects/:id/desk-rules': {
    req: async (_f, pid) => {
      const r = (await (await t.as('admin')).get(`/api/projects/${pid}/desk-rules`)).body;
      return { method: 'PUT', url: `/api/projects/${pid}/desk-rules`, body: r };
    },
  },
  'GET /api/units': { req: async (_f, pid) => get(`/api/units?projectId=${pid}`) },
  'GET /api/units/:id': { req: async (f) => get(`/api/units/${(await f.unit()).id}`) },
  'PUT /api/units/:id': { req: async (f) => { const u = await f.unit(); return { method: 'PUT', url: `/api/units/${u.id}`, body: { version: u.version } }; } },
  'GET /api/customers': { req: async (_f, pid) => get(`/api/customers?projectId=${pid}`) },
  'GET /api/customers/:id': { req: async (f) => get(`/api/customers/${(await f.owner()).c.id}`) },
  'POST /api/customers': {
    req: async (f, pid) => ({ method: 'POST', url: '/api/customers', body: { projectId: pid, kind: 'person', name: '新业主', phone: '13500000000', unitId: (await f.owner()).unitId, relation: 'owner' } }),
  },
  'PUT /api/customers/:id': { req: async (f) => { const o = await f.owner(); return { method: 'PUT', url: `/api/customers/${o.c.id}`, body: { version: o.c.version } }; } },
  'GET /api/lookup': { req: async (_f, pid) => get(`/api/lookup?q=13&projectId=${pid}`) },
  'GET /api/history/:entity/:id': { req: async (f) => get(`/api/history/unit/${(await f.unit()).id}`) },
  'GET /api/cases': { req: async (_f, pid) => get(`/api/cases?projectId=${pid}`) },
  'GET /api/cases/export': { req: async (_f, pid) => get(`/api/cases/export?projectId=${pid}`) },
  'GET /api/cases/:id': { req: async (f) => get(`/api/cases/${(await f.repair()).id}`) },
  'POST /api/cases': {
    req: async (_f, pid) => ({ method: 'POST', url: '/api/cases', body: { projectId: pid, channel: 'phone', category: 'consultation', callerName: '王', callerPhone: '13800000000', content: '咨询', confirmedWithCaller: true } }),
  },
  // IN-01: the owner (the project's first clerk made these cases) or a supervisor with case.manage.
  'POST /api/cases/:id/transfer': {
    req: async (f, pid) => { const c = await f.repair(); return { method: 'POST', url: `/api/cases/${c.id}/transfer`, body: { version: c.version, toUserId: await userId(t.database.db, pid === ids.own ? 'ch-keeper' : 'gm-keeper'), reason: '转交' } }; },
    rule: only('clerk', 'cs_supervisor', 'project_manager', 'company_admin'),
  },
  'POST /api/cases/:id/reply': {
    req: async (f) => { const c = await f.repair(); return { method: 'POST', url: `/api/cases/${c.id}/reply`, body: { version: c.version, reply: '已答复' } }; },
    rule: only('clerk', 'cs_supervisor', 'project_manager', 'company_admin'),
  },
  'POST /api/cases/:id/close': {
    req: async (f) => { const c = await f.repair(); return { method: 'POST', url: `/api/cases/${c.id}/close`, body: { version: c.version } }; },
    rule: only('clerk', 'cs_supervisor', 'project_manager', 'company_admin'),
  },
  'POST /api/cases/:id/orders': {
    req: async (f) => { const c = await f.repair(); return { method: 'POST', url: `/api/cases/${c.id}/orders`, body: { version: c.version, order: { trade: 'cleaning', locationKind: 'unit', description: '清理' } } }; },
    rule: only('clerk', 'cs_supervisor', 'project_manager', 'company_admin'),
  },
  'GET /api/work-orders': { req: async (_f, pid) => get(`/api/work-orders?projectId=${pid}`) },
  'GET /api/work-orders/export': { req: async (_f, pid) => get(`/api/work-orders/export?projectId=${pid}`) },
  // Technicians reach only the orders assigned to them; these are not.
  'GET /api/work-orders/:id': { req: async (f) => get(`/api/work-orders/${(await f.repair()).orders[0].id}`), rule: (role, scope) => role !== 'technician' && only(...(Object.keys(USERS) as TRole[]))(role, scope) },
  'POST /api/work-orders/:id/transitions': {
    req: async (f) => { const o = (await f.repair()).orders[0]; return { method: 'POST', url: `/api/work-orders/${o.id}/transitions`, body: { action: 'progress_note', version: o.version, note: '进度' } }; },
    rule: only('clerk', 'housekeeper', 'cs_supervisor', 'dept_supervisor', 'project_manager', 'company_admin'),
  },
  'GET /api/followups': { req: async (_f, pid) => get(`/api/followups?projectId=${pid}`) },
  'POST /api/followups/:id/attempts': {
    req: async (f) => { const fu = await f.followup(); return { method: 'POST', url: `/api/followups/${fu.id}/attempts`, body: { version: fu.version, outcome: 'retry_later', channel: 'phone' } }; },
  },
  'GET /api/faq': { req: async (_f, pid) => get(`/api/faq?projectId=${pid}`) },
  'POST /api/faq': { req: async (_f, pid) => ({ method: 'POST', url: '/api/faq', body: { projectId: pid, question: '问', answer: '答' } }) },
  'PUT /api/faq/:id': { req: async (f) => { const q = await f.faq(); return { method: 'PUT', url: `/api/faq/${q.id}`, body: { question: q.question, answer: q.answer, version: q.version } }; } },
  'POST /api/files': {
    req: async (f) => ({ method: 'POST', url: '/api/files', body: { entity: 'case', entityId: (await f.repair()).id, kind: 'photo', name: 'a.png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' } }),
    rule: (role, scope) => role !== 'technician' && only(...(Object.keys(USERS) as TRole[]))(role, scope),
  },
  'GET /api/files/:id': { req: async (f) => get(`/api/files/${(await f.file()).id}`), rule: (role, scope) => role !== 'technician' && only(...(Object.keys(USERS) as TRole[]))(role, scope) },
  'GET /api/projects/:id/kpis': { req: async (_f, pid) => get(`/api/projects/${pid}/kpis?month=2026-11`) },
  'GET /api/kpis/ranking': { req: async () => get('/api/kpis/ranking?month=2026-11') },
  'POST /api/service-items': {
    req: async (_f, pid) => ({ method: 'POST', url: '/api/service-items', body: { projectId: pid, category: 'cleaning', name: '洗地毯', unit: '平方米', price: 12 } }),
  },
  'PUT /api/service-items/:id': {
    req: async (_f, pid) => {
      const item = (await (await t.as('admin')).get(`/api/projects/${pid}/price-list`)).body.items[0];
      return { method: 'PUT', url: `/api/service-items/${item.id}`, body: { version: item.version } };
    },
  },
  'POST /api/paid-orders': {
    req: async (f, pid) => {
      const unit = await f.unit();
      const item = (await t.anonymous.get(`/api/projects/${pid}/price-list`)).body.items[0];
      return { method: 'POST', url: '/api/paid-orders', body: { projectId: pid, channel: 'walk_in', unitId: unit.id, callerName: '孙', callerPhone: '13700000000', confirmedWithCaller: true, itemId: item.id, description: '换灯泡', preferredTime: '下午', fee: item.price, expectedResult: '灯亮', agreed: true } };
    },
  },
  'GET /api/paid-orders': { req: async (_f, pid) => get(`/api/paid-orders?projectId=${pid}`) },
  'GET /api/paid-orders/:id': { req: async (f) => get(`/api/paid-orders/${(await f.paid()).orderId}`), rule: (role, scope) => role !== 'technician' && only(...(Object.keys(USERS) as TRole[]))(role, scope) },
  'POST /api/paid-orders/:id/actions': {
    req: async (f) => { const o = await f.paid(); return { method: 'POST', url: `/api/paid-orders/${o.orderId}/actions`, body: { action: 'appoint', version: o.version, appointmentAt: new Date(Date.now() + 3_600_000).toISOString() } }; },
  },
  'POST /api/receipts/:id/void': { req: async (f) => ({ method: 'POST', url: `/api/receipts/${(await f.receipt()).id}/void`, body: { reason: '开错' } }) },
  // The day sheet is for the desk, finance and those who read the paid-service reports.
  'GET /api/cash': { req: async (_f, pid) => get(`/api/cash?projectId=${pid}&date=2026-11-23`), rule: only('clerk', 'cs_supervisor', 'finance', 'project_manager', 'quality_inspector', 'company_admin') },
  'POST /api/cash-handovers': { req: async (_f, pid) => ({ method: 'POST', url: '/api/cash-handovers', body: { projectId: pid, date: '2026-11-23', declared: 0 } }) },
  'POST /api/cash-handovers/:id/confirm': { req: async (f) => { const h = await f.handover(); return { method: 'POST', url: `/api/cash-handovers/${h.id}/confirm`, body: { version: h.version, received: h.expected } }; } },
  'GET /api/paid-summary': { req: async (_f, pid) => get(`/api/paid-summary?projectId=${pid}&month=2026-11`) },
  'GET /api/paid-summary/export': { req: async (_f, pid) => get(`/api/paid-summary/export?projectId=${pid}&month=2026-11`) },
  'POST /api/complaints': {
    req: async (f, pid) => ({ method: 'POST', url: '/api/complaints', body: { projectId: pid, channel: 'walk_in', unitId: (await f.unit()).id, callerName: '周', callerPhone: '13611112222', content: '噪音', confirmedWithCaller: true, type: 'noise' } }),
  },
  'GET /api/complaints': { req: async (_f, pid) => get(`/api/complaints?projectId=${pid}`) },
  'GET /api/complaints/:id': { req: async (f) => get(`/api/complaints/${(await f.complaint()).id}`) },
  // CP-01: supervisors and the project manager assign complaints.
  'POST /api/complaints/:id/actions': {
    req: async (f, pid) => { const k = await f.complaint(); return { method: 'POST', url: `/api/complaints/${k.id}/actions`, body: { action: 'assign', version: k.version, handlerId: await userId(t.database.db, pid === ids.own ? 'ch-eng' : 'gm-eng') } }; },
    rule: only('cs_supervisor', 'project_manager', 'company_admin'),
  },
  'GET /api/flags': { req: async (_f, pid) => get(`/api/flags?projectId=${pid}&month=2026-11`) },
  // RV-02: the samples are for the supervisor, the manager and the quality department.
  'GET /api/supervision': { req: async (_f, pid) => get(`/api/supervision?projectId=${pid}&month=2026-11`), rule: only('cs_supervisor', 'project_manager', 'quality_inspector', 'company_admin') },
  'POST /api/supervision/:id': {
    req: async (f) => { const c = await f.supervisionCheck(); return { method: 'POST', url: `/api/supervision/${c.id}`, body: { version: c.version, outcome: 'genuine' } }; },
    rule: only('cs_supervisor', 'company_admin'),
  },
  // AR-01..AR-05, X-05, WO-11: customer archives (archive.* actions in common/roles.ts).
  'GET /api/archives': { req: async (_f, pid) => get(`/api/archives?projectId=${pid}`) },
  'GET /api/archives/export': { req: async (_f, pid) => get(`/api/archives/export?projectId=${pid}`) },
  'GET /api/archives/floor-grid': { req: async (f, pid) => get(`/api/archives/floor-grid?projectId=${pid}&buildingId=${(await f.unit()).buildingId}`) },
  'GET /api/archives/:id': { req: async (f) => get(`/api/archives/${(await f.archive()).id}`) },
  'POST /api/archives': { req: async (f) => ({ method: 'POST', url: '/api/archives', body: { unitId: (await f.unitWithoutDecoration()).id, kind: 'decoration', cabinet: 'A柜-01' } }) },
  'PUT /api/archives/:id': { req: async (f) => { const a = await f.archive(); return { method: 'PUT', url: `/api/archives/${a.id}`, body: { version: a.version, cabinet: 'B柜-02' } }; } },
  'POST /api/archives/:id/retire': { req: async (f) => { const a = await f.freshArchive(); return { method: 'POST', url: `/api/archives/${a.id}/retire`, body: { version: a.version, reason: '重复建档' } }; } },
  'POST /api/archives/:id/documents': { req: async (f) => ({ method: 'POST', url: `/api/archives/${(await f.archive()).id}/documents`, body: { itemCode: 'cover', form: 'paper', cabinet: 'A柜-01' } }) },
  'POST /api/archive-documents/:id/retire': { req: async (f) => ({ method: 'POST', url: `/api/archive-documents/${(await f.archiveDocument()).id}/retire`, body: { reason: '扫描不清' } }) },
  'GET /api/archive-documents/:id': { req: async (f) => get(`/api/archive-documents/${(await f.archiveDocument()).id}`) },
  'POST /api/projects/:id/archives/sync': { req: async (_f, pid) => ({ method: 'POST', url: `/api/projects/${pid}/archives/sync` }) },
  'GET /api/projects/:id/archive-figures': { req: async (_f, pid) => get(`/api/projects/${pid}/archive-figures?month=2026-11`) },
  'GET /api/archive-log': { req: async (_f, pid) => get(`/api/archive-log?projectId=${pid}&month=2026-11`) },
  // The checklists are the company's: every archive reader sees them, only the company admin edits them.
  'GET /api/archive-checklists': { req: async () => get('/api/archive-checklists'), rule: () => true },
  'PUT /api/archive-checklists/:kind': {
    req: async () => ({ method: 'PUT', url: '/api/archive-checklists/record', body: { items: [{ code: 'cover', label: '档案封面', appliesTo: 'all', required: true }, { code: 'index', label: '档案目录', appliesTo: 'all', required: true }, { code: 'ownership_record', label: '集团自持物业登记表', appliesTo: 'all', required: true }] } }),
  },
  'POST /api/archive-changes': { req: async (f) => ({ method: 'POST', url: '/api/archive-changes', body: { archiveId: (await f.archive()).id, reason: '客户更换手机号码', phone: '13912345678' } }) },
  'POST /api/archive-changes/:id/actions': {
    req: async (f) => { const c = await f.changeRequest(); return { method: 'POST', url: `/api/archive-changes/${c.id}/actions`, body: { action: 'sign', version: c.version, signature: SIGNATURE } }; },
  },
  'GET /api/imports/template': { req: async (_f, pid) => get(`/api/imports/template?projectId=${pid}`) },
  'POST /api/imports': { req: async (_f, pid) => ({ method: 'POST', url: '/api/imports', body: { projectId: pid, name: '业户资料.xlsx', data: await emptyImportFile() } }) },
  'POST /api/imports/:id/commit': { req: async (f) => { const b = await f.importBatch(); return { method: 'POST', url: `/api/imports/${b.id}/commit`, body: { version: b.version } }; } },
  'GET /api/slip-bundles': { req: async (_f, pid) => get(`/api/slip-bundles?projectId=${pid}&month=2026-10`) },
  'GET /api/slip-bundles/export': { req: async (_f, pid) => get(`/api/slip-bundles/export?projectId=${pid}&month=2026-10`) },
  // WO-11: the CS supervisor (or the manager) files last month's bundle; each month once, so a fresh past month per call.
  'POST /api/slip-bundles/file': { req: async (_f, pid) => ({ method: 'POST', url: '/api/slip-bundles/file', body: { projectId: pid, month: nextPastMonth(), version: 0 } }) },
  // QI-01..QI-03: quality inspections (inspection.* actions in common/roles.ts). Standards and the ranking are
  // company-level reads (the ranking lists only the projects the reader holds); only a company-wide grant revises a standard.
  'GET /api/inspection-standards': { req: async () => get('/api/inspection-standards'), rule: () => true },
  'GET /api/inspection-standards/:id': { req: async () => get(`/api/inspection-standards/${(await (await t.as('admin')).get('/api/inspection-standards')).body.items[0].id}`), rule: () => true },
  'POST /api/inspection-standards/:id/versions': {
    req: async () => {
      const admin = await t.as('admin');
      const cur = (await admin.get('/api/inspection-standards')).body.items.find((s: { current: boolean }) => s.current);
      const std = (await admin.get(`/api/inspection-standards/${cur.id}`)).body;
      return { method: 'POST', url: `/api/inspection-standards/${std.id}/versions`, body: { version: std.version, name: std.name, items: std.items } };
    },
    rule: (role) => role === 'company_admin' || role === 'quality_inspector',
  },
  'GET /api/inspections': { req: async (_f, pid) => get(`/api/inspections?projectId=${pid}`) },
  'GET /api/inspections/ranking': { req: async () => get('/api/inspections/ranking?month=2026-10'), rule: () => true },
  'POST /api/inspections': { req: async (_f, pid) => ({ method: 'POST', url: '/api/inspections', body: { projectId: pid, month: nextInspectionMonth() } }) },
  'GET /api/inspections/:id': { req: async (f) => get(`/api/inspections/${(await f.draftInspection()).id}`) },
  'POST /api/inspections/:id/findings': { req: async (f) => { const i = await f.draftInspection(); return { method: 'POST', url: `/api/inspections/${i.id}/findings`, body: { version: i.version, itemCode: 'CS-39', count: 1, note: '未佩戴工牌' } }; } },
  'PUT /api/inspections/:id/findings/:findingId': {
    req: async (f) => { const i = await f.draftInspection(); return { method: 'PUT', url: `/api/inspections/${i.id}/findings/${i.manualFindingId}`, body: { version: i.version, count: 2, note: '两次未报工号' } }; },
  },
  'POST /api/inspections/:id/findings/:findingId/review': {
    req: async (f) => { const i = await f.proposedFinding(); return { method: 'POST', url: `/api/inspections/${i.id}/findings/${i.findingId}/review`, body: { version: i.version, decision: 'confirm' } }; },
  },
  'POST /api/inspections/:id/submit': {
    req: async (f) => { const i = await f.readyInspection(); return { method: 'POST', url: `/api/inspections/${i.id}/submit`, body: { version: i.version } }; },
  },
  'POST /api/inspections/:id/corrections': {
    req: async (f) => { const i = await f.submittedInspection(); return { method: 'POST', url: `/api/inspections/${i.id}/corrections`, body: { version: i.version, reason: '复核录音后确认已报工号', findingId: i.manualFindingId, count: 0 } }; },
  },
  'GET /api/notifications': { req: async () => get('/api/notifications') },
  'POST /api/notifications/read': { req: async () => ({ method: 'POST', url: '/api/notifications/read', body: {} }) },
  // Issue 12: sign-in throttles are company-level records, for the company admin only.
  'GET /api/auth/throttles': { req: async () => get('/api/auth/throttles'), rule: (role) => role === 'company_admin' },
  'POST /api/auth/throttles/:id/clear': {
    req: async () => {
      const [admin] = await t.database.db.select({ companyId: users.companyId }).from(users).where(eq(users.username, 'admin'));
      const [row] = await t.database.db.insert(signInThrottles).values({ key: `name:matrix-${Math.random()}`, companyId: admin.companyId, failures: 3 }).returning();
      return { method: 'POST', url: `/api/auth/throttles/${row.id}/clear`, body: {} };
    },
    rule: (role) => role === 'company_admin',
  },
});

