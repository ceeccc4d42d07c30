// A valid request for every registered route, built on fresh fixtures of a project — shared by the access
// matrix and the fuzz tests, so a new route gets a row here or both suites fail.
import { COMPANY_WIDE_ROLES, ROLE_ACTIONS, type TRole } from '../../common/roles';
import type { TestApp } from './harness';
import type { fixtures } from './fixtures';
import { SIGNATURE, userId } from './desk';
import { emptyImportFile, nextPastMonth } from './archive-fixtures';
import { noticeInput } from './notice-fixtures';
import { nextPastQuarter, nextPlanMonth } from './relation-fixtures';
import { nextInspectionMonth } from './inspection-fixtures';
import { signInThrottles } from '../domains/auth/tables';
import { users } from '../domains/people/tables';
import { eq } from 'drizzle-orm';
import { unclaimedDaysOf } from '../domains/frontdesk/lost';

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
  security_guard: 'ch-guard',
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
  // a unit's history is read by whoever reads the units (not the gate guard, who holds project.read only)
  'GET /api/history/:entity/:id': { req: async (f) => get(`/api/history/unit/${(await f.unit()).id}`), rule: (role, scope) => ROLE_ACTIONS[role].includes('space.read') && (scope === 'own' || COMPANY_WIDE_ROLES.includes(role)) },
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
  'GET /api/kpis/dashboard': { req: async () => get('/api/kpis/dashboard?month=2026-11') },
  'GET /api/me/todos': { req: async () => get('/api/me/todos') },
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
  // NT-01..NT-05: notices (notice.* actions in common/roles.ts).
  'GET /api/notices': { req: async (_f, pid) => get(`/api/notices?projectId=${pid}`) },
  'POST /api/notices': { req: async (_f, pid) => ({ method: 'POST', url: '/api/notices', body: noticeInput(pid) }) },
  'GET /api/notices/:id': { req: async (f) => get(`/api/notices/${(await f.notice()).id}`) },
  'PUT /api/notices/:id': { req: async (f) => { const n = await f.notice(); return { method: 'PUT', url: `/api/notices/${n.id}`, body: { version: n.version, body: '改为周六停水。' } }; } },
  // The route is open to readers; each action needs its own grant (submitting: the desk and the manager).
  'POST /api/notices/:id/transitions': {
    req: async (f) => { const n = await f.notice(); return { method: 'POST', url: `/api/notices/${n.id}/transitions`, body: { action: 'submit', version: n.version } }; },
    rule: only('clerk', 'housekeeper', 'cs_supervisor', 'project_manager', 'company_admin'),
  },
  'POST /api/notices/:id/photos': { req: async (f) => ({ method: 'POST', url: `/api/notices/${(await f.publishedNotice()).id}/photos`, body: { kind: 'posting', name: '公告栏.png', data: SIGNATURE } }) },
  'GET /api/notice-photos/:id': { req: async (f) => get(`/api/notice-photos/${(await f.noticePhoto()).id}`) },
  'GET /api/notices/:id/deliveries': { req: async (f) => get(`/api/notices/${(await f.notice()).id}/deliveries`) },
  'POST /api/notices/:id/deliveries': { req: async (f) => ({ method: 'POST', url: `/api/notices/${(await f.publishedNotice()).id}/deliveries`, body: { unitIds: [(await f.unit()).id], method: 'sms' } }) },
  'GET /api/projects/:id/notice-figures': { req: async (_f, pid) => get(`/api/projects/${pid}/notice-figures?month=2026-11`) },
  // CR-01..CR-05: customer relations (relations.* actions in common/roles.ts).
  'GET /api/projects/:id/relation-settings': { req: async (_f, pid) => get(`/api/projects/${pid}/relation-settings`) },
  'PUT /api/projects/:id/relation-settings': {
    req: async (_f, pid) => {
      const s = (await (await t.as('admin')).get(`/api/projects/${pid}/relation-settings`)).body;
      return { method: 'PUT', url: `/api/projects/${pid}/relation-settings`, body: { targets: s.targets, version: s.version } };
    },
  },
  'GET /api/projects/:id/key-customers': { req: async (_f, pid) => get(`/api/projects/${pid}/key-customers`) },
  'GET /api/projects/:id/key-customers/suggestions': { req: async (_f, pid) => get(`/api/projects/${pid}/key-customers/suggestions`) },
  'POST /api/projects/:id/key-customers': { req: async (_f, pid) => ({ method: 'POST', url: `/api/projects/${pid}/key-customers`, body: { name: '王阿姨', phone: '13800001111', reasons: ['special_needs'], note: '独居老人' } }) },
  'PUT /api/key-customers/:id': { req: async (f) => { const k = await f.keyCustomer(); return { method: 'PUT', url: `/api/key-customers/${k.id}`, body: { version: k.version, note: '每季度走访' } }; } },
  'POST /api/key-customers/:id/retire': { req: async (f) => { const k = await f.keyCustomer(); return { method: 'POST', url: `/api/key-customers/${k.id}/retire`, body: { version: k.version, reason: '已搬离' } }; } },
  'POST /api/projects/:id/key-customer-reviews': { req: async (_f, pid) => ({ method: 'POST', url: `/api/projects/${pid}/key-customer-reviews`, body: { quarter: nextPastQuarter(), note: '名单无变化' } }) },
  'GET /api/visits': { req: async (_f, pid) => get(`/api/visits?projectId=${pid}`) },
  'POST /api/visits': { req: async (f, pid) => ({ method: 'POST', url: '/api/visits', body: { projectId: pid, unitId: (await f.unit()).id, mode: 'face', personMet: '业主本人', content: '了解入住情况，无意见' } }) },
  'GET /api/projects/:id/floor-climb': { req: async (f, pid) => get(`/api/projects/${pid}/floor-climb?buildingId=${(await f.unit()).buildingId}`) },
  'GET /api/visit-plans': { req: async (_f, pid) => get(`/api/visit-plans?projectId=${pid}&month=2026-11`) },
  // A housekeeper keeps their own plan; the CS supervisor and the manager anyone's.
  'PUT /api/visit-plans': { req: async (f, pid) => ({ method: 'PUT', url: '/api/visit-plans', body: { projectId: pid, month: nextPlanMonth(), staffId: await f.keeperId(), unitIds: [(await f.unit()).id], note: '', version: 0 } }) },
  'GET /api/community-activities': { req: async (_f, pid) => get(`/api/community-activities?projectId=${pid}&year=2026`) },
  'POST /api/community-activities': { req: async (_f, pid) => ({ method: 'POST', url: '/api/community-activities', body: { projectId: pid, year: 2026, kind: 'plant_room', title: '水泵房开放日', plannedOn: '2026-06-15', note: '' } }) },
  'POST /api/community-activities/:id/held': { req: async (f) => { const a = await f.activity(); return { method: 'POST', url: `/api/community-activities/${a.id}/held`, body: { version: a.version, heldOn: '2026-09-20', participants: 80, summary: '业主参与踊跃', photos: [{ name: '现场.png', data: SIGNATURE }] } }; } },
  'GET /api/magazine-articles': { req: async (_f, pid) => get(`/api/magazine-articles?projectId=${pid}&month=2026-11`) },
  'POST /api/magazine-articles': { req: async (_f, pid) => ({ method: 'POST', url: '/api/magazine-articles', body: { projectId: pid, title: '重阳节慰问独居老人', author: '客服中心', sentOn: '2026-10-20' } }) },
  'GET /api/projects/:id/lobby-cards': { req: async (_f, pid) => get(`/api/projects/${pid}/lobby-cards`) },
  'POST /api/staff-photos': { req: async (f, pid) => ({ method: 'POST', url: '/api/staff-photos', body: { projectId: pid, userId: await f.keeperId(), name: '工作照.png', data: SIGNATURE } }) },
  'GET /api/relations-files/:id': {
    req: async (f, pid) => {
      const a = await f.activity();
      const admin = await t.as('admin');
      await admin.post(`/api/community-activities/${a.id}/held`, { version: a.version, heldOn: '2026-09-20', participants: 10, summary: '已举办', photos: [{ name: 'a.png', data: SIGNATURE }] });
      const list = (await admin.get(`/api/community-activities?projectId=${pid}&year=2026`)).body;
      return get(list.items.find((x: { id: string }) => x.id === a.id).photos[0].url);
    },
  },
  'GET /api/projects/:id/relations-figures': { req: async (_f, pid) => get(`/api/projects/${pid}/relations-figures?month=2026-11`) },
  // PT-01..PT-03: patrols, vacant units, facility plans (patrol.* and facility.* actions in common/roles.ts).
  'GET /api/patrols': { req: async (_f, pid) => get(`/api/patrols?projectId=${pid}&month=2026-11`) },
  'POST /api/patrols': { req: async (_f, pid) => ({ method: 'POST', url: '/api/patrols', body: { projectId: pid, route: '1栋大堂—中心花园' } }) },
  'GET /api/patrols/:id': { req: async (f) => get(`/api/patrols/${(await f.patrol()).id}`) },
  'POST /api/patrols/:id/findings': { req: async (f) => ({ method: 'POST', url: `/api/patrols/${(await f.patrol()).id}/findings`, body: { location: '3栋电梯厅', problem: '灯管不亮', handling: 'fixed_on_spot' } }) },
  'POST /api/patrol-findings/:id/recheck': { req: async (f) => { const x = await f.finding(); return { method: 'POST', url: `/api/patrol-findings/${x.id}/recheck`, body: { version: x.version, result: 'resolved' } }; } },
  'GET /api/patrol-checks': { req: async (_f, pid) => get(`/api/patrol-checks?projectId=${pid}&month=2026-11`) },
  // RV-02's levels: a supervisor-level sample is checked by the CS supervisor (or the company admin) only.
  'POST /api/patrol-checks/:id': { req: async (f) => { const c = await f.patrolCheck(); return { method: 'POST', url: `/api/patrol-checks/${c.id}`, body: { version: c.version, outcome: 'confirmed' } }; }, rule: only('cs_supervisor', 'company_admin') },
  'GET /api/vacant-units': { req: async (_f, pid) => get(`/api/vacant-units?projectId=${pid}`) },
  'GET /api/vacant-units/:id/patrols': { req: async (f) => get(`/api/vacant-units/${(await f.vacantUnit()).id}/patrols`) },
  'POST /api/vacant-patrols': { req: async (f) => ({ method: 'POST', url: '/api/vacant-patrols', body: { unitId: (await f.vacantUnit()).id, failed: [] } }) },
  'GET /api/equipment': { req: async (_f, pid) => get(`/api/equipment?projectId=${pid}`) },
  'POST /api/equipment': { req: async (_f, pid) => ({ method: 'POST', url: '/api/equipment', body: { projectId: pid, kind: 'elevator', code: `DT-${Math.random().toString(36).slice(2, 8)}`, name: '客梯', location: '5栋' } }) },
  'PUT /api/equipment/:id': { req: async (f) => { const e = await f.equipment(); return { method: 'PUT', url: `/api/equipment/${e.id}`, body: { version: e.version, location: '地下二层泵房' } }; } },
  'POST /api/maintenance-plans': { req: async (f) => ({ method: 'POST', url: '/api/maintenance-plans', body: { equipmentId: (await f.equipment()).id, title: '季度保养', periodDays: 90 } }) },
  'POST /api/facility-checks': { req: async (f) => ({ method: 'POST', url: '/api/facility-checks', body: { planId: (await f.plan()).id, result: 'pass' } }) },
  'GET /api/projects/:id/patrol-settings': { req: async (_f, pid) => get(`/api/projects/${pid}/patrol-settings`) },
  'PUT /api/projects/:id/patrol-settings': {
    req: async (_f, pid) => {
      const cur = (await (await t.as('admin')).get(`/api/projects/${pid}/patrol-settings`)).body;
      return { method: 'PUT', url: `/api/projects/${pid}/patrol-settings`, body: { settings: cur.settings, version: cur.version } };
    },
  },
  'GET /api/projects/:id/patrol-figures': { req: async (_f, pid) => get(`/api/projects/${pid}/patrol-figures?month=2026-11`) },
  'GET /api/patrol-photos/:id': { req: async (f) => get(`/api/patrol-photos/${(await f.patrolPhoto()).id}`) },
  // FD-06: meeting rooms and the gym (room.* actions in common/roles.ts).
  'GET /api/rooms': { req: async (_f, pid) => get(`/api/rooms?projectId=${pid}`) },
  'POST /api/rooms': { req: async (_f, pid) => ({ method: 'POST', url: '/api/rooms', body: { projectId: pid, kind: 'gym', name: '健身房', capacity: 30, feePerHour: 0 } }) },
  'GET /api/room-bookings': { req: async (_f, pid) => get(`/api/room-bookings?projectId=${pid}&from=2030-05-01&to=2030-05-31`) },
  'POST /api/room-bookings': {
    req: async (f) => ({ method: 'POST', url: '/api/room-bookings', body: { roomId: (await f.room()).id, startsAt: '2030-05-07T01:00:00Z', endsAt: '2030-05-07T03:00:00Z', bookerName: '李女士', bookerPhone: '13900002222', purpose: '培训', attendees: 10 } }),
  },
  'GET /api/room-bookings/:id': { req: async (f) => get(`/api/room-bookings/${(await f.booking()).id}`) },
  'POST /api/room-bookings/:id/cancel': { req: async (f) => { const b = await f.booking(); return { method: 'POST', url: `/api/room-bookings/${b.id}/cancel`, body: { version: b.version, reason: '客户改期' } }; } },
  'POST /api/room-bookings/:id/finish': { req: async (f) => { const b = await f.booking(); return { method: 'POST', url: `/api/room-bookings/${b.id}/finish`, body: { version: b.version, usageNote: '正常使用', setupDone: true, cleaningDone: true } }; } },
  // FD-05: villa express mail, a desk register (read with case.read, written with case.create).
  'GET /api/express-mail': { req: async (_f, pid) => get(`/api/express-mail?projectId=${pid}`) },
  'POST /api/express-mail': {
    req: async (f) => { const s = await f.sender(); return { method: 'POST', url: '/api/express-mail', body: { unitId: s.unitId, customerId: s.customerId, identityCheck: 'id_card', itemType: 'document', destination: '北京市朝阳区', courier: '顺丰', fee: 2300 } }; },
  },
  'POST /api/express-mail/:id/progress': { req: async (f) => { const e = await f.express(); return { method: 'POST', url: `/api/express-mail/${e.id}/progress`, body: { version: e.version, status: 'picked_up', trackingNo: 'SF1234567890' } }; } },
  // FD-01..FD-04: the front desk's registers (frontdesk.* actions in common/roles.ts).
  'GET /api/release-passes': { req: async (_f, pid) => get(`/api/release-passes?projectId=${pid}&month=2026-11`) },
  'GET /api/release-passes/check': { req: async (_f, pid) => get(`/api/release-passes/check?projectId=${pid}&q=1`) },
  'GET /api/release-passes/:id': { req: async (f) => get(`/api/release-passes/${(await f.pass()).id}`) },
  'POST /api/release-passes': {
    req: async (f, pid) => {
      const o = await f.ownerOfUnit();
      return { method: 'POST', url: '/api/release-passes', body: { projectId: pid, unitId: o.unitId, customerId: o.customerId, bearerName: '李师傅', bearerPhone: '13700001111', items: '旧冰箱一台', pieces: 1, idChecked: true } };
    },
  },
  'POST /api/release-passes/:id/use': { req: async (f) => ({ method: 'POST', url: `/api/release-passes/${(await f.pass()).id}/use`, body: { gate: '东门' } }) },
  'POST /api/release-passes/:id/void': { req: async (f) => { const x = await f.pass(); return { method: 'POST', url: `/api/release-passes/${x.id}/void`, body: { version: x.version, reason: '业主取消搬出' } }; } },
  // FD-01, X-03: the portal's pass requests as the desk sees them; a tenant's issued after a phone call to the owner.
  'GET /api/pass-requests': { req: async (_f, pid) => get(`/api/pass-requests?projectId=${pid}`) },
  'POST /api/pass-requests/:id/issue': { req: async (f) => { const r = await f.passRequest(); return { method: 'POST', url: `/api/pass-requests/${r.id}/issue`, body: { version: r.version, ownerId: r.ownerId, note: '电话确认' } }; } },
  'GET /api/shift-logs': { req: async (_f, pid) => get(`/api/shift-logs?projectId=${pid}&month=2026-11`) },
  'GET /api/shift-logs/:id': { req: async (f) => get(`/api/shift-logs/${(await f.shiftLog()).id}`) },
  // FD-02: whoever may write starts a log; the matrix's callers have not signed the previous one, so 409 (not a refusal).
  'POST /api/shift-logs': { req: async (_f, pid) => ({ method: 'POST', url: '/api/shift-logs', body: { projectId: pid, shiftDate: '2026-11-20', shift: 'day', notes: '' } }) },
  // FD-02: only its writer edits a log (the fixture's log is the clerk's).
  'PUT /api/shift-logs/:id': {
    req: async (f) => { const l = await f.shiftLog(f.username('clerk')); return { method: 'PUT', url: `/api/shift-logs/${l.id}`, body: { version: l.version, notes: '补记：22:10 3号楼电梯困人，已处理。' } }; },
    rule: only('clerk'),
  },
  'POST /api/shift-logs/:id/sign': { req: async (f) => { const l = await f.shiftLog(); return { method: 'POST', url: `/api/shift-logs/${l.id}/sign`, body: { version: l.version, readConfirmed: true } }; } },
  'GET /api/call-reviews': { req: async (_f, pid) => get(`/api/call-reviews?projectId=${pid}&month=2026-11`) },
  'POST /api/call-reviews': {
    req: async (_f, pid) => ({ method: 'POST', url: '/api/call-reviews', body: { projectId: pid, reviewedOn: '2026-11-20', recording: '11-20 09:12 来电', minutes: 15, findings: '应答规范，未复述客户诉求' } }),
  },
  'GET /api/lost-items': { req: async (_f, pid) => get(`/api/lost-items?projectId=${pid}`) },
  'GET /api/lost-items/:id': { req: async (f) => get(`/api/lost-items/${(await f.lost()).id}`) },
  'GET /api/lost-items/:id/candidates': { req: async (f) => get(`/api/lost-items/${(await f.lost('lost')).id}/candidates`) },
  'POST /api/lost-items': {
    req: async (_f, pid) => ({ method: 'POST', url: '/api/lost-items', body: { projectId: pid, kind: 'found', description: '蓝色雨伞一把', place: '会所门口', happenedOn: '2026-11-20', personName: '保安张师傅', personPhone: '13900003333', storedAt: '前台失物柜' } }),
  },
  'POST /api/lost-items/:id/match': {
    req: async (f) => { const [a, b] = [await f.lost('lost'), await f.lost('found')]; return { method: 'POST', url: `/api/lost-items/${a.id}/match`, body: { version: a.version, otherId: b.id, otherVersion: b.version } }; },
  },
  'POST /api/lost-items/:id/return': {
    req: async (f) => { const x = await f.lost('found'); return { method: 'POST', url: `/api/lost-items/${x.id}/return`, body: { version: x.version, receiverName: '陈女士', receiverPhone: '13600004444', receiverIdNumber: '310101199001011234', signature: SIGNATURE } }; },
  },
  'POST /api/lost-items/:id/dispose': { req: async (f) => { const x = await f.lost('found', 200); return { method: 'POST', url: `/api/lost-items/${x.id}/dispose`, body: { version: x.version, note: '交派出所' } }; } },
  'GET /api/lost-files/:id': { req: async (f) => get((await f.lost('found', 0, true)).photos[0].url) },
  'GET /api/projects/:id/frontdesk-settings': { req: async (_f, pid) => get(`/api/projects/${pid}/frontdesk-settings`) },
  'PUT /api/projects/:id/frontdesk-settings': {
    req: async (_f, pid) => ({ method: 'PUT', url: `/api/projects/${pid}/frontdesk-settings`, body: { unclaimedDays: 90, version: (await unclaimedDaysOf(t.database.db, pid)).version } }),
  },
  'GET /api/projects/:id/frontdesk-figures': { req: async (_f, pid) => get(`/api/projects/${pid}/frontdesk-figures?month=2026-11`) },
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
  // QI-04: results, bulletins and rectifications. The results list only the projects the reader holds; the
  // bulletin is the company's (drafted and published with a company-wide grant, published ones read by all
  // readers); a rectification is closed by its project's manager and accepted or returned by the inspector.
  'GET /api/inspections/results': { req: async () => get('/api/inspections/results?month=2026-10'), rule: () => true },
  'GET /api/inspection-bulletins': { req: async () => get('/api/inspection-bulletins'), rule: () => true },
  'POST /api/inspection-bulletins': { req: async () => ({ method: 'POST', url: '/api/inspection-bulletins', body: { month: nextInspectionMonth() } }), rule: only('company_admin', 'quality_inspector') },
  'GET /api/inspection-bulletins/:id': { req: async (f) => get(`/api/inspection-bulletins/${(await f.publishableBulletin()).id}`), rule: only('company_admin', 'quality_inspector') },
  'PUT /api/inspection-bulletins/:id': {
    req: async (f) => { const b = await f.publishableBulletin(); return { method: 'PUT', url: `/api/inspection-bulletins/${b.id}`, body: { version: b.version, remarks: '本月整体良好' } }; },
    rule: only('company_admin', 'quality_inspector'),
  },
  'POST /api/inspection-bulletins/:id/publish': {
    req: async (f) => { const b = await f.publishableBulletin(); return { method: 'POST', url: `/api/inspection-bulletins/${b.id}/publish`, body: { version: b.version } }; },
    rule: only('company_admin', 'quality_inspector'),
  },
  'GET /api/rectifications': { req: async (_f, pid) => get(`/api/rectifications?projectId=${pid}`) },
  'GET /api/rectifications/:id': { req: async (f) => get(`/api/rectifications/${(await f.openRectification()).id}`) },
  'POST /api/rectifications/:id/close': {
    req: async (f) => { const r = await f.openRectification(); return { method: 'POST', url: `/api/rectifications/${r.id}/close`, body: { version: r.version, note: '已整改', photos: [] } }; },
  },
  'POST /api/rectifications/:id/review': {
    req: async (f) => { const r = await f.closedRectification(); return { method: 'POST', url: `/api/rectifications/${r.id}/review`, body: { version: r.version, decision: 'accept' } }; },
  },
  'GET /api/rectification-photos/:id': { req: async (f) => get((await f.closedRectification()).photoUrl) },
  // SV-01..SV-04: satisfaction surveys (survey.* actions in common/roles.ts). The questionnaire is company-level
  // (read by any survey reader, revised only with a company-wide grant); the one-time links are public.
  'GET /api/survey-questionnaires': { req: async () => get('/api/survey-questionnaires'), rule: () => true },
  'GET /api/survey-questionnaires/:id': { req: async (f) => get(`/api/survey-questionnaires/${(await f.openSurvey()).questionnaire.id}`), rule: () => true },
  'POST /api/survey-questionnaires/:id/versions': {
    req: async (f) => {
      await f.openSurvey(); // the default questionnaire exists
      const admin = await t.as('admin');
      const cur = (await admin.get('/api/survey-questionnaires')).body.items.find((q: { current: boolean }) => q.current);
      const q = (await admin.get(`/api/survey-questionnaires/${cur.id}`)).body;
      return { method: 'POST', url: `/api/survey-questionnaires/${q.id}/versions`, body: { version: q.version, name: q.name, items: q.items } };
    },
    rule: (role) => role === 'company_admin' || role === 'quality_inspector',
  },
  'GET /api/surveys': { req: async (_f, pid) => get(`/api/surveys?projectId=${pid}`) },
  'POST /api/surveys': { req: async (f) => ({ method: 'POST', url: '/api/surveys', body: f.surveyInput() }) },
  'GET /api/surveys/:id': { req: async (f) => get(`/api/surveys/${(await f.openSurvey()).id}`) },
  'POST /api/surveys/:id/answers': {
    req: async (f) => {
      const s = await f.openSurvey();
      return { method: 'POST', url: `/api/surveys/${s.id}/answers`, body: { unitId: s.sample[0].unitId, channel: 'phone', respondent: '王先生', ratings: [{ code: 'Q01', rating: 'satisfied' }], comment: '' } };
    },
  },
  'POST /api/surveys/:id/verification-draw': { req: async (f) => ({ method: 'POST', url: `/api/surveys/${(await f.answeredSurvey()).id}/verification-draw` }) },
  'POST /api/surveys/:id/answers/:answerId/verify': {
    req: async (f) => {
      const s = await f.closedSurvey();
      const a = s.answerList[0];
      return { method: 'POST', url: `/api/surveys/${s.id}/answers/${a.id}/verify`, body: { version: a.version, outcome: 'confirmed', note: '' } };
    },
  },
  'POST /api/surveys/:id/close': { req: async (f) => { const s = await f.openSurvey(); return { method: 'POST', url: `/api/surveys/${s.id}/close`, body: { version: s.version } }; } },
  'POST /api/surveys/:id/measures': {
    req: async (f, _pid, scope) => {
      const s = await f.closedSurvey();
      const ownerId = await userId(t.database.db, scope === 'own' ? 'ch-eng' : 'gm-eng');
      return { method: 'POST', url: `/api/surveys/${s.id}/measures`, body: { version: s.version, itemCode: 'Q02', action: '加强设施保养', ownerId, dueOn: s.closesOn } };
    },
  },
  'POST /api/surveys/:id/measures/:measureId/close': {
    req: async (f) => {
      const { survey, measure } = await f.openMeasure();
      return { method: 'POST', url: `/api/surveys/${survey.id}/measures/${measure.id}/close`, body: { version: measure.version, evidence: '已整改完毕', photos: [{ name: 'a.png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' }] } };
    },
  },
  'POST /api/surveys/:id/publish': {
    req: async (f) => {
      const s = await f.openSurvey();
      const closed = (await (await t.as('admin')).post(`/api/surveys/${s.id}/close`, { version: s.version })).body;
      return { method: 'POST', url: `/api/surveys/${s.id}/publish`, body: { version: closed.version, channel: 'notice_board', publishedOn: closed.closesOn > new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) ? new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) : closed.closesOn, note: '公告栏张贴' } };
    },
  },
  'GET /api/survey-photos/:id': { req: async (f) => get((await f.doneMeasure()).measure.photos[0].url) },
  'GET /api/projects/:id/survey-figures': { req: async (_f, pid) => get(`/api/projects/${pid}/survey-figures?month=2026-11`) },
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
  // resident routes; staff are refused them whatever the record (their own rows: RESIDENT_REQUESTS).
  ...Object.fromEntries(
    Object.entries(RESIDENT_REQUESTS).map(([key, build]) => [key, { req: async () => build(STAFF_PROBE, 'own') }]),
  ),
});

/** what a resident route is tried with: the resident's own records and records of another unit and another project. */
export type ResidentScope = 'own' | 'other_unit' | 'other_project';
export interface ResidentRecords {
  unitId: string;
  caseId: string;
  orderId: string;
  orderVersion: number;
  photoId: string;
  /** CP-01, PS-03, NT-04: a complaint's case, a paid order and a published notice in that scope. */
  complaintCaseId: string;
  paidOrderId: string;
  paidVersion: number;
  noticeId: string;
  itemId: string;
  /** FD-01, FD-06: a tenant's pass request awaiting the owner, a room residents may book, a booking made in the portal. */
  passRequestId: string;
  passRequestVersion: number;
  roomId: string;
  bookingId: string;
  bookingVersion: number;
}
const NONE = '00000000-0000-4000-8000-000000000000';
const STAFF_PROBE: Record<ResidentScope, ResidentRecords> = Object.fromEntries(
  (['own', 'other_unit', 'other_project'] as const).map((k) => [k, { unitId: NONE, caseId: NONE, orderId: NONE, orderVersion: 1, photoId: NONE, complaintCaseId: NONE, paidOrderId: NONE, paidVersion: 1, noticeId: NONE, itemId: NONE, passRequestId: NONE, passRequestVersion: 1, roomId: NONE, bookingId: NONE, bookingVersion: 1 }]),
) as Record<ResidentScope, ResidentRecords>;

/**
 * One request per resident route; `listing` routes have no record of another unit: there, refusal means
 * the other records are not shown.
 */
export const RESIDENT_REQUESTS: Record<string, (r: Record<ResidentScope, ResidentRecords>, scope: ResidentScope) => Req> = {
  'GET /api/resident/me': () => get('/api/resident/me'),
  'PUT /api/resident/locale': () => ({ method: 'PUT', url: '/api/resident/locale', body: { locale: 'zh-CN' } }),
  'GET /api/resident/cases': () => get('/api/resident/cases'),
  'GET /api/resident/notices': () => get('/api/resident/notices'),
  'POST /api/resident/notices/read': () => ({ method: 'POST', url: '/api/resident/notices/read', body: {} }),
  'GET /api/resident/cases/:id': (r, s) => get(`/api/resident/cases/${r[s].caseId}`),
  'GET /api/resident/files/:id': (r, s) => get(`/api/resident/files/${r[s].photoId}`),
  'POST /api/resident/repairs': (r, s) => ({
    method: 'POST',
    url: '/api/resident/repairs',
    body: { unitId: r[s].unitId, locationKind: 'unit', trade: 'door_window', description: '阳台推拉门关不严' },
  }),
  'POST /api/resident/orders/:id/acceptance': (r, s) => ({ method: 'POST', url: `/api/resident/orders/${r[s].orderId}/acceptance`, body: { version: r[s].orderVersion, signature: SIGNATURE } }),
  'POST /api/resident/orders/:id/rating': (r, s) => ({ method: 'POST', url: `/api/resident/orders/${r[s].orderId}/rating`, body: { verdict: 'satisfied', solved: true } }),
  // CP-01, PS-01..PS-04, NT-04, SV-04 (service-routes.ts)
  'POST /api/resident/complaints': (r, s) => ({ method: 'POST', url: '/api/resident/complaints', body: { unitId: r[s].unitId, type: 'noise', locationKind: 'unit', content: '楼上夜间装修噪音' } }),
  'GET /api/resident/complaints/:id': (r, s) => get(`/api/resident/complaints/${r[s].complaintCaseId}`),
  'POST /api/resident/complaints/:id/verdict': (r, s) => ({ method: 'POST', url: `/api/resident/complaints/${r[s].complaintCaseId}/verdict`, body: { version: 1, verdict: 'satisfied' } }),
  'GET /api/resident/units/:id/price-list': (r, s) => get(`/api/resident/units/${r[s].unitId}/price-list`),
  'POST /api/resident/paid-orders': (r, s) => ({ method: 'POST', url: '/api/resident/paid-orders', body: { unitId: r[s].unitId, itemId: r.own.itemId, quantity: 1, description: '厨房水龙头滴水', preferredTime: '周六上午' } }),
  'GET /api/resident/paid-orders': () => get('/api/resident/paid-orders'),
  'GET /api/resident/paid-orders/:id': (r, s) => get(`/api/resident/paid-orders/${r[s].paidOrderId}`),
  'POST /api/resident/paid-orders/:id/agree': (r, s) => ({ method: 'POST', url: `/api/resident/paid-orders/${r[s].paidOrderId}/agree`, body: { version: r[s].paidVersion } }),
  'POST /api/resident/paid-orders/:id/decline': (r, s) => ({ method: 'POST', url: `/api/resident/paid-orders/${r[s].paidOrderId}/decline`, body: { version: r[s].paidVersion } }),
  'GET /api/resident/bulletins': () => get('/api/resident/bulletins'),
  'GET /api/resident/bulletins/:id': (r, s) => get(`/api/resident/bulletins/${r[s].noticeId}`),
  'GET /api/resident/surveys': () => get('/api/resident/surveys'),
  // FD-01, FD-06 (errand-routes.ts)
  'GET /api/resident/pass-requests': () => get('/api/resident/pass-requests'),
  'POST /api/resident/pass-requests': (r, s) => ({ method: 'POST', url: '/api/resident/pass-requests', body: { unitId: r[s].unitId, items: '旧沙发一张', pieces: 1, validOn: '2031-01-15' } }),
  'GET /api/resident/pass-requests/:id': (r, s) => get(`/api/resident/pass-requests/${r[s].passRequestId}`),
  'POST /api/resident/pass-requests/:id/confirm': (r, s) => ({ method: 'POST', url: `/api/resident/pass-requests/${r[s].passRequestId}/confirm`, body: { version: r[s].passRequestVersion } }),
  'POST /api/resident/pass-requests/:id/decline': (r, s) => ({ method: 'POST', url: `/api/resident/pass-requests/${r[s].passRequestId}/decline`, body: { version: r[s].passRequestVersion, reason: '不同意' } }),
  'GET /api/resident/rooms': () => get('/api/resident/rooms'),
  'GET /api/resident/rooms/:id/slots': (r, s) => get(`/api/resident/rooms/${r[s].roomId}/slots?date=2031-01-15`),
  'GET /api/resident/room-bookings': () => get('/api/resident/room-bookings'),
  'POST /api/resident/room-bookings': (r, s) => ({ method: 'POST', url: '/api/resident/room-bookings', body: { roomId: r[s].roomId, unitId: r.own.unitId, startsAt: '2031-01-15T06:00:00Z', endsAt: '2031-01-15T07:00:00Z', purpose: '家庭聚会', attendees: 4 } }),
  'POST /api/resident/room-bookings/:id/cancel': (r, s) => ({ method: 'POST', url: `/api/resident/room-bookings/${r[s].bookingId}/cancel`, body: { version: r[s].bookingVersion } }),
};
export const RESIDENT_LISTINGS = [
  'GET /api/resident/me',
  'PUT /api/resident/locale',
  'GET /api/resident/cases',
  'GET /api/resident/notices',
  'POST /api/resident/notices/read',
  'GET /api/resident/paid-orders',
  'GET /api/resident/bulletins',
  'GET /api/resident/surveys',
  'GET /api/resident/pass-requests',
  'GET /api/resident/rooms',
  'GET /api/resident/room-bookings',
];

