// what the portal shows a resident — always filtered by scope.ts on the server.
import type { TPortalCase, TPortalCaseDetail, TPortalEvent, TPortalNotice, TPortalNotices, TPortalOrder } from '../../../common/residents';
import type { Db, DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { query } from '../../platform/sql';
import { residentUnits, unitsParam, visibleCasesWhere } from './scope';
import type { Resident } from './session';
import { residentSurveys } from './surveys';
import { passRequestNotices } from './passes';
import { bookingNotices } from './bookings';

/** The events a resident is told about: the state changes of their cases and orders. */
export const NOTICE_ACTIONS = ['reply', 'close', 'dispatch', 'reassign', 'start', 'hold', 'resume', 'complete', 'record_acceptance', 'confirm_onsite', 'cannot_repair', 'cancel', 'followed_up', 'rework'] as const;

interface CaseRow {
  id: string;
  number: string;
  category: string;
  status: string;
  path: string | null;
  content: string;
  reply: string | null;
  createdAt: Date;
  replyDueAt: Date | null;
}

const CASES_SQL = (where: string) => `
select c.id, c.number, c.category, c.status, u.path, c.content, c.reply, c.created_at as "createdAt",
       (select d.due_at from deadlines d where d.entity_id = c.id and d.kind = 'reply' limit 1) as "replyDueAt"
  from cases c left join units u on u.id = c.unit_id
 where c.company_id = $1::uuid and ${visibleCasesWhere('c', '$2')} ${where}
 order by c.created_at desc
 limit 50`;

interface OrderRow {
  id: string;
  caseId: string;
  number: string;
  status: TPortalOrder['status'];
  location: string;
  locationKind: string;
  description: string;
  assigneeName: string | null;
  reportedAt: Date;
  completedAt: Date | null;
  result: string | null;
  signed: boolean;
  reworkCount: number;
  version: number;
  rating: { verdict: 'satisfied' | 'fairly_satisfied' | 'unsatisfied'; solved: boolean; at: string } | null;
  deadlines: { kind: string; dueAt: string; metAt: string | null }[];
}

const ORDERS_SQL = `
select o.id, o.case_id as "caseId", o.number, o.status, o.location, o.location_kind as "locationKind", o.description,
       u.display_name as "assigneeName", o.reported_at as "reportedAt", o.completed_at as "completedAt", o.result,
       (o.acceptance is not null) as signed, o.rework_count as "reworkCount", o.version,
       (select json_build_object('verdict', r.verdict, 'solved', r.solved, 'at', r.at) from resident_ratings r where r.order_id = o.id and r.round = o.rework_count) as rating,
       coalesce((select json_agg(json_build_object('kind', d.kind, 'dueAt', d.due_at, 'metAt', d.met_at) order by d.due_at) from deadlines d where d.entity_id = o.id), '[]') as deadlines
  from work_orders o left join users u on u.id = o.assignee_id
 where o.case_id = any($1::uuid[])
 order by o.reported_at`;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function presentOrder(o: OrderRow, now: Date): TPortalOrder {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    location: o.location,
    description: o.description,
    assigneeName: o.assigneeName,
    reportedAt: iso(o.reportedAt)!,
    completedAt: iso(o.completedAt),
    result: o.result,
    signed: o.signed,
    canSign: o.status === 'completed' && o.locationKind === 'unit' && !o.signed,
    canRate: !o.rating && (['closed', 'followed_up'].includes(o.status) || (o.status === 'completed' && (o.signed || o.locationKind === 'public'))),
    rating: o.rating ? { verdict: o.rating.verdict, solved: o.rating.solved, at: iso(o.rating.at)! } : null,
    deadlines: o.deadlines.map((d) => ({ kind: d.kind, dueAt: iso(d.dueAt)!, metAt: iso(d.metAt), overdue: !d.metAt && new Date(d.dueAt) < now })),
    version: o.version,
  };
}

async function casesWhere(db: DbOrTx, r: Resident, where: string, extra: unknown[]): Promise<TPortalCase[]> {
  const units = await residentUnits(db, r);
  const rows = await query<CaseRow>(db, `resident_cases_${extra.length}`, CASES_SQL(where), [r.companyId, unitsParam(units), ...extra]);
  if (!rows.length) return [];
  const ids = rows.map((c) => c.id);
  const orders = await query<OrderRow>(db, 'resident_case_orders', ORDERS_SQL, [ids]);
  const photos = await query<{ id: string; entityId: string }>(db, 'resident_case_photos', `select id, entity_id as "entityId" from attachments where entity = 'case' and kind = 'photo' and entity_id = any($1::uuid[]) order by created_at`, [ids]);
  const now = new Date();
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    category: c.category,
    status: c.status,
    path: c.path,
    content: c.content,
    reply: c.reply,
    createdAt: iso(c.createdAt)!,
    replyDueAt: iso(c.replyDueAt),
    photos: photos.filter((p) => p.entityId === c.id).map((p) => ({ id: p.id, url: `/api/resident/files/${p.id}` })),
    orders: orders.filter((o) => o.caseId === c.id).map((o) => presentOrder(o, now)),
  }));
}

export const residentCases = (db: DbOrTx, r: Resident) => casesWhere(db, r, '', []);

export async function residentCase(db: DbOrTx, r: Resident, caseId: string): Promise<TPortalCaseDetail> {
  const [c] = await casesWhere(db, r, 'and c.id = $3::uuid', [caseId]);
  if (!c) throw notFound();
  const timeline = await query<TPortalEvent & { at: Date }>(
    db,
    'resident_case_timeline',
    `select a.entity, a.action, a.after->>'status' as status, a.at, coalesce(c.number, o.number) as number
       from audit_events a
       left join cases c on a.entity = 'case' and c.id::text = a.entity_id
       left join work_orders o on a.entity = 'work_order' and o.id::text = a.entity_id
      where (a.entity = 'case' and a.entity_id = $1) or (a.entity = 'work_order' and a.entity_id = any($2::text[]))
      order by a.id`,
    [c.id, c.orders.map((o) => o.id)],
  );
  return { ...c, timeline: timeline.filter((e) => e.action !== 'attach').map((e) => ({ ...e, at: iso(e.at)! })) };
}

/** An order of one of the resident's visible cases, or not found. */
export async function visibleOrder(db: DbOrTx, r: Resident, orderId: string) {
  const units = await residentUnits(db, r);
  const [row] = await query<{ id: string; projectId: string; ownerId: string; customerName: string }>(
    db,
    'resident_visible_order',
    `select o.id, o.project_id as "projectId", c.owner_id as "ownerId", c.caller_name as "customerName"
       from work_orders o join cases c on c.id = o.case_id
      where o.id = $3::uuid and c.company_id = $1::uuid and ${visibleCasesWhere('c', '$2')}`,
    [r.companyId, unitsParam(units), orderId],
  );
  if (!row) throw notFound();
  return row;
}

/** A photo of a visible case (the resident's own reports), or not found. */
export async function visibleCasePhoto(db: DbOrTx, r: Resident, fileId: string) {
  const units = await residentUnits(db, r);
  const [row] = await query<{ id: string }>(
    db,
    'resident_visible_photo',
    `select f.id from attachments f join cases c on f.entity = 'case' and c.id = f.entity_id
      where f.id = $3::uuid and f.kind = 'photo' and c.company_id = $1::uuid and ${visibleCasesWhere('c', '$2')}`,
    [r.companyId, unitsParam(units), fileId],
  );
  if (!row) throw notFound();
  return row.id;
}

/**
 * the portal's notices — state changes of the resident's cases and orders, the desk's quotes to agree
 * (PS-03) and the resolution of their complaints (CP-01), and the open surveys their unit is sampled in
 * (SV-04), newest first, with the unread count.
 */
export async function residentNotices(db: Db, r: Resident): Promise<TPortalNotices> {
  const units = await residentUnits(db, r);
  const rows = await query<{ id: number; entity: TPortalNotice['entity']; action: string; status: string | null; at: Date; number: string; caseId: string; entityId: string; paid: boolean; read: boolean }>(
    db,
    'resident_notices',
    `with mine as (select c.id, c.number from cases c where c.company_id = $1::uuid and ${visibleCasesWhere('c', '$2')}),
          ids as (select id::text as id, id as case_id, number from mine
                  union all select o.id::text, o.case_id, o.number from work_orders o where o.case_id in (select id from mine)
                  union all select k.id::text, k.case_id, mine.number from complaints k join mine on mine.id = k.case_id)
     select a.id::float8 as id, a.entity, a.action, a.after->>'status' as status, a.at, ids.number, ids.case_id as "caseId", a.entity_id as "entityId",
            exists (select 1 from paid_orders p where p.order_id::text = a.entity_id) as paid,
            a.at <= (select notices_read_at from resident_accounts where id = $3::uuid) as read
       from audit_events a
       join ids on ids.id = a.entity_id
      where ((a.entity in ('case', 'work_order') and a.action = any($4::text[]))
             or (a.entity = 'paid_order' and a.action = 'quote')
             or (a.entity = 'complaint' and a.action = 'resolve'))
        and coalesce(a.after->>'via', '') <> 'portal' -- what the resident did themselves is no news to them
      order by a.id desc
      limit 50`,
    [r.companyId, unitsParam(units), r.residentId, NOTICE_ACTIONS],
  );
  const [account] = await query<{ readAt: Date }>(db, 'resident_notices_read_at', 'select notices_read_at as "readAt" from resident_accounts where id = $1::uuid', [r.residentId]);
  const surveys = (await residentSurveys(db, r)).map((s, i) => ({
    id: -1 - i,
    entity: 'survey' as const,
    action: 'survey_open',
    status: null,
    at: s.openedAt,
    number: s.title,
    caseId: null,
    link: s.link,
    read: !!account && new Date(s.openedAt) <= account.readAt,
  }));
  const items: TPortalNotice[] = rows.map(({ paid, entityId, ...x }) => ({
    ...x,
    at: iso(x.at)!,
    link: x.entity === 'paid_order' || (paid && x.entity === 'work_order') ? `/paid/${entityId}` : x.entity === 'complaint' ? `/complaints/${x.caseId}` : `/cases/${x.caseId}`,
  }));
  // FD-01, FD-06: a pass request awaiting the owner's confirmation (to the owners), issued or declined (to the
  // tenant who asked), a booking confirmed (to the resident who booked).
  const readAt = account ? account.readAt.getTime() : 0;
  const errands = [
    ...(await passRequestNotices(db, r, units)).map((x) => ({ ...x, entity: 'pass_request' as const })),
    ...(await bookingNotices(db, r)).map((x) => ({ ...x, entity: 'room_booking' as const })),
  ].map(({ key: _k, ...x }, i) => ({ ...x, id: -10_000 - i, caseId: null, read: new Date(x.at).getTime() <= readAt }));
  const all = [...surveys, ...items, ...errands].sort((a, b) => b.at.localeCompare(a.at));
  return { items: all, unread: all.filter((x) => !x.read).length };
}
