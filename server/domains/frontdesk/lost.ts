// FD-04 reads: the lost-and-found register with photos, matches, hand-backs and the disposal flag
// (a found item unclaimed past the project's setting), and the project's setting itself.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DEFAULT_UNCLAIMED_DAYS, type TLostItem } from '../../../common/frontdesk';
import { maskPhone } from '../../../common/mask';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { attachments } from '../files/tables';
import { authorizeFrontdesk, type FrontdeskAction } from './policy';
import { frontdeskSettings, lostItems } from './tables';
import { projectToday } from './time';

const other = alias(lostItems, 'lost_other');
export const lostFileUrl = (id: string) => `/api/lost-files/${id}`;
const OPEN_STATES = ['open', 'matched'];

export async function unclaimedDaysOf(db: DbOrTx, projectId: string): Promise<{ unclaimedDays: number; version: number }> {
  const [s] = await db.select().from(frontdeskSettings).where(eq(frontdeskSettings.projectId, projectId));
  return s ? { unclaimedDays: s.unclaimedDays, version: s.version } : { unclaimedDays: DEFAULT_UNCLAIMED_DAYS, version: 0 };
}

export async function loadLost(db: DbOrTx, p: Principal, id: string, action: FrontdeskAction) {
  const [l] = await db.select().from(lostItems).where(and(eq(lostItems.id, id), eq(lostItems.companyId, p.companyId)));
  if (!l) throw notFound();
  authorizeFrontdesk(p, action, l.projectId);
  return l;
}

/** AR-04: lists show phone numbers masked; one record in full to whoever calls customers back. */
async function listWhere(db: DbOrTx, projectId: string, where: SQL | undefined, now: Date, masked = true): Promise<TLostItem[]> {
  const phone = (v: string | null) => (masked ? maskPhone(v) : v) ?? '';
  const { today } = await projectToday(db, projectId, now);
  const rows = await db
    .select({ l: lostItems, matchedNumber: other.number })
    .from(lostItems)
    .leftJoin(other, eq(other.id, lostItems.matchedId))
    .where(and(eq(lostItems.projectId, projectId), where))
    .orderBy(desc(lostItems.number))
    .limit(1000);
  const photos = rows.length
    ? await db
        .select({ id: attachments.id, entityId: attachments.entityId })
        .from(attachments)
        .where(and(eq(attachments.entity, 'lost_item'), eq(attachments.kind, 'photo'), inArray(attachments.entityId, rows.map((r) => r.l.id))))
        .orderBy(asc(attachments.createdAt))
    : [];
  return rows.map(({ l, matchedNumber }) => ({
    id: l.id,
    projectId: l.projectId,
    number: l.number,
    kind: l.kind as TLostItem['kind'],
    description: l.description,
    place: l.place,
    happenedOn: l.happenedOn,
    personName: l.personName,
    personPhone: phone(l.personPhone),
    storedAt: l.storedAt,
    state: l.state as TLostItem['state'],
    matchedId: l.matchedId,
    matchedNumber,
    disposeDueOn: l.disposeDueOn,
    overdue: OPEN_STATES.includes(l.state) && !!l.disposeDueOn && l.disposeDueOn < today,
    returned: l.returnedAt
      ? { receiverName: l.receiverName ?? '', receiverPhone: phone(l.receiverPhone), receiverIdNumber: l.receiverIdNumber ?? '', at: l.returnedAt.toISOString(), signatureUrl: l.signatureFileId ? lostFileUrl(l.signatureFileId) : null }
      : null,
    disposedAt: l.disposedAt?.toISOString() ?? null,
    disposeNote: l.disposeNote,
    photos: photos.filter((f) => f.entityId === l.id).map((f) => ({ id: f.id, url: lostFileUrl(f.id) })),
    createdAt: l.createdAt.toISOString(),
    version: l.version,
  }));
}

export async function lostDetail(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TLostItem> {
  const l = await loadLost(db, p, id, 'frontdesk.read');
  return (await listWhere(db, l.projectId, eq(lostItems.id, id), now, !can(p, 'personal.read', l.projectId)))[0];
}

export async function listLost(db: DbOrTx, p: Principal, q: { projectId: string; kind?: 'lost' | 'found'; open?: 'true' | 'false' }, now = new Date()) {
  if (!can(p, 'frontdesk.read', q.projectId)) throw notFound();
  const where = and(q.kind ? eq(lostItems.kind, q.kind) : undefined, q.open === 'true' ? inArray(lostItems.state, OPEN_STATES) : undefined);
  return { items: await listWhere(db, q.projectId, where, now), unclaimedDays: (await unclaimedDaysOf(db, q.projectId)).unclaimedDays };
}
