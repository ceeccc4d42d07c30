// The notification centre: the reader's latest notices, rendered in their language, and the unread count.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { translate } from '../../../common/i18n';
import type { Db, DbOrTx } from '../../platform/db';
import type { Principal } from '../../platform/policy';
import { notifications } from './tables';

const LINKS: Record<string, (id: string) => string> = {
  case: (id) => `/cases/${id}`,
  complaint: (id) => `/complaints/${id}`,
  cash_handover: () => '/cash',
  inspection_bulletin: (id) => `/inspection-bulletins/${id}`,
  rectification: (id) => `/rectifications/${id}`,
  // X-01: the registers' deadlines open their page (NT-02, CR-01, PT-01..PT-03, FD-02, FD-04, FD-05)
  notice: (id) => `/notices/${id}`,
  key_list: () => '/key-customers',
  key_customer: () => '/key-customers',
  patrol_finding: () => '/patrols',
  vacant_unit: () => '/vacant-units',
  maintenance_plan: () => '/equipment',
  shift_log: () => '/frontdesk/shift-logs',
  pass_request: () => '/frontdesk/passes', // FD-01, X-03: a tenant's request from the portal
  lost_item: () => '/frontdesk/lost-found',
  express_mail: () => '/express',
  visit: () => '/supervision', // RV-02: a home visit found not genuine
  survey: (id) => `/surveys/${id}`, // SV-04: a forged answer
  briefing: () => '/notices', // NT-05: the month's briefing not published by the 10th
};
const linkOf = (entity: string, id: string) => (LINKS[entity] ?? ((x: string) => `/orders/${x}`))(id);

function render(locale: 'zh-CN' | 'en', kind: string, params: Record<string, string>): string {
  // A parameter may itself be a catalog key (a complaint type), rendered in the reader's language.
  const value = (v: string | undefined) => (v?.startsWith('ui.') ? translate(locale, v) : (v ?? ''));
  return translate(locale, `notifications.${kind}`).replace(/\{\{(\w+)\}\}/g, (_, k: string) => value(params[k]));
}

export async function myNotifications(db: DbOrTx, p: Principal) {
  const rows = await db.select().from(notifications).where(eq(notifications.userId, p.userId)).orderBy(desc(notifications.createdAt)).limit(50);
  const [{ unread }] = await db
    .select({ unread: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, p.userId), isNull(notifications.readAt)));
  return {
    unread,
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      entity: n.entity,
      entityId: n.entityId,
      title: render(p.locale, n.kind, n.params),
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
      link: linkOf(n.entity, n.entityId),
    })),
  };
}

/** Marks one notice, or all, of the reader as read; other users' notices are untouched. */
export async function markRead(db: Db, p: Principal, id?: string) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, p.userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined));
}
