// FD-04 reads: the lost-and-found register with photos, matches, hand-backs and the disposal flag
// (a found item unclaimed past the project's setting), and the project's setting itself.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DEFAULT_UNCLAIMED_DAYS, LOST_MATCH_REASONS, type TLostCandidate, type TLostItem } from '../../../common/frontdesk';
import { maskPhone } from '../../../common/mask';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { attachments } from '../files/tables';
import { users } from '../people/tables';
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
    .select({ l: lostItems, matchedNumber: other.number, returnedByName: users.displayName })
    .from(lostItems)
    .leftJoin(other, eq(other.id, lostItems.matchedId))
    .leftJoin(users, eq(users.id, lostItems.returnedBy))
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
  return rows.map(({ l, matchedNumber, returnedByName }) => ({
    id: l.id,
    projectId: l.projectId,
    number: l.number,
    kind: l.kind as TLostItem['kind'],
    category: l.category as TLostItem['category'],
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
      ? { receiverName: l.receiverName ?? '', receiverPhone: phone(l.receiverPhone), receiverIdNumber: l.receiverIdNumber ?? '', at: l.returnedAt.toISOString(), signatureUrl: l.signatureFileId ? lostFileUrl(l.signatureFileId) : null, byName: returnedByName }
      : null,
    disposedAt: l.disposedAt?.toISOString() ?? null,
    disposeNote: l.disposeNote,
    photos: photos.filter((f) => f.entityId === l.id).map((f) => ({ id: f.id, url: lostFileUrl(f.id) })),
    likelyMatches: 0,
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
  const items = await listWhere(db, q.projectId, where, now);
  // FD-04: each open entry says how many open entries of the other kind look like it, so the desk sees where to match.
  const open = await db
    .select({ id: lostItems.id, kind: lostItems.kind, category: lostItems.category, happenedOn: lostItems.happenedOn, place: lostItems.place, description: lostItems.description })
    .from(lostItems)
    .where(and(eq(lostItems.projectId, q.projectId), eq(lostItems.state, 'open')))
    .limit(1000);
  for (const it of items) {
    if (it.state !== 'open') continue;
    it.likelyMatches = open.filter((o) => o.kind !== it.kind && matchScore(it, o as Pick<TLostItem, 'category' | 'happenedOn' | 'place' | 'description'>).score >= LIKELY).length;
  }
  return { items, unclaimedDays: (await unclaimedDaysOf(db, q.projectId)).unclaimedDays };
}

/** FD-04: the score from which a candidate counts as a likely match in the register (e.g. same category and a near date). */
export const LIKELY = 5;

// ---- FD-04: matching a lost report with a found item ----

const DAY_MS = 86_400_000;
/** The place and description in comparable pieces: "3号楼" and "3栋" are one building; spaces and punctuation go. */
function bigrams(text: string): Set<string> {
  const t = text
    .replace(/号楼|幢|座/g, '栋')
    .replace(/[\s，,。.、（）()【】\-—:：;；!！?？"'“”]/g, '')
    .toLowerCase();
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}
const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
// Words every entry has say nothing about which item it is.
const NOISE = new Set(['一个', '一把', '一副', '一辆', '一部', '一只', '一串', '一张', '附近', '门口']);
const sharedWords = (a: string, b: string) => shared(new Set([...bigrams(a)].filter((x) => !NOISE.has(x))), new Set([...bigrams(b)].filter((x) => !NOISE.has(x))));

/**
 * FD-04: how likely a lost report and a found item are the same thing. Same category (not "other") +3;
 * found within 3 days of the loss +2, within 14 days +1; places sharing two or more pieces (or one inside
 * the other) +2, one piece +1; descriptions sharing two or more pieces +1. The reasons name what matched.
 */
export function matchScore(a: Pick<TLostItem, 'category' | 'happenedOn' | 'place' | 'description'>, b: Pick<TLostItem, 'category' | 'happenedOn' | 'place' | 'description'>) {
  const reasons: (typeof LOST_MATCH_REASONS)[number][] = [];
  let score = 0;
  if (a.category === b.category && a.category !== 'other') {
    score += 3;
    reasons.push('category');
  }
  const days = Math.round(Math.abs(Date.parse(a.happenedOn) - Date.parse(b.happenedOn)) / DAY_MS);
  if (days <= 14) {
    score += days <= 3 ? 2 : 1;
    reasons.push('date');
  }
  const pa = a.place.replace(/\s/g, '');
  const pb = b.place.replace(/\s/g, '');
  const placeShared = sharedWords(pa, pb);
  if (placeShared >= 2 || (pa.length >= 2 && pb.length >= 2 && (pa.includes(pb) || pb.includes(pa)))) {
    score += 2;
    reasons.push('place');
  } else if (placeShared === 1) {
    score += 1;
    reasons.push('place');
  }
  if (sharedWords(a.description, b.description) >= 2) {
    score += 1;
    reasons.push('description');
  }
  return { score, reasons, days };
}

/** FD-04: the open items of the other kind, the likeliest first (those sharing nothing come last, for a match by hand). */
export async function lostCandidates(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<{ items: TLostCandidate[] }> {
  const l = await loadLost(db, p, id, 'frontdesk.read');
  const all = await listWhere(db, l.projectId, and(eq(lostItems.kind, l.kind === 'lost' ? 'found' : 'lost'), eq(lostItems.state, 'open')), now);
  const me = { category: l.category as TLostItem['category'], happenedOn: l.happenedOn, place: l.place, description: l.description };
  return {
    items: all
      .map((item) => ({ item, ...matchScore(me, item) }))
      .sort((x, y) => y.score - x.score || x.days - y.days || x.item.number.localeCompare(y.item.number))
      .slice(0, 50),
  };
}
