// FD-01 reads: one pass, the month's list for the archive, the gate's look-up by number or check code.
import { and, asc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TPass, TPassState } from '../../../common/frontdesk';
import { maskPhone } from '../../../common/mask';
import { localMonth } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { formatNumber } from '../../platform/sequence';
import { projects, units } from '../org/tables';
import { customers, users } from '../people/tables';
import { authorizeFrontdesk, mayShowPass, type FrontdeskAction } from './policy';
import { releasePasses } from './tables';
import { projectToday } from './time';

const owner = alias(customers, 'pass_owner');
const issuer = alias(users, 'pass_issuer');
const user = alias(users, 'pass_user');

function base(db: DbOrTx) {
  return db
    .select({ r: releasePasses, projectName: projects.name, path: units.path, customerName: customers.name, ownerName: owner.name, issuedByName: issuer.displayName, usedByName: user.displayName })
    .from(releasePasses)
    .innerJoin(projects, eq(projects.id, releasePasses.projectId))
    .innerJoin(units, eq(units.id, releasePasses.unitId))
    .innerJoin(customers, eq(customers.id, releasePasses.customerId))
    .innerJoin(issuer, eq(issuer.id, releasePasses.issuedBy))
    .leftJoin(owner, eq(owner.id, releasePasses.ownerId))
    .leftJoin(user, eq(user.id, releasePasses.usedBy));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

export function passState(r: { usedAt: Date | null; voidedAt: Date | null; validOn: string }, today: string): TPassState {
  if (r.voidedAt) return 'void';
  if (r.usedAt) return 'used';
  return r.validOn < today ? 'expired' : 'valid';
}

function present(x: Row, today: string, masked = true): TPass {
  const r = x.r;
  return {
    id: r.id,
    projectId: r.projectId,
    projectName: x.projectName,
    number: r.number,
    checkCode: r.checkCode,
    unitPath: x.path,
    customerName: x.customerName,
    relation: r.relation as TPass['relation'],
    bearerName: r.bearerName,
    bearerPhone: (masked ? maskPhone(r.bearerPhone) : r.bearerPhone) ?? '', // AR-04: masked in lists
    items: r.items,
    pieces: r.pieces,
    validOn: r.validOn,
    ownerConfirmation: r.confirmMethod ? { ownerName: x.ownerName ?? '', method: r.confirmMethod as 'phone' | 'portal', note: r.confirmNote ?? '', at: r.confirmedAt!.toISOString() } : null,
    issuedByName: x.issuedByName,
    issuedAt: r.createdAt.toISOString(),
    usedAt: r.usedAt?.toISOString() ?? null,
    usedByName: x.usedByName,
    gate: r.gate,
    voidedAt: r.voidedAt?.toISOString() ?? null,
    voidReason: r.voidReason,
    vehiclePlate: r.vehiclePlate || null,
    state: passState(r, today),
    version: r.version,
  };
}

/** A pass of a project the principal may act on with `action`; another project's pass is a 404. */
export async function loadPass(db: DbOrTx, p: Principal, id: string, action: FrontdeskAction) {
  const [r] = await db.select().from(releasePasses).where(and(eq(releasePasses.id, id), eq(releasePasses.companyId, p.companyId)));
  if (!r) throw notFound();
  authorizeFrontdesk(p, action, r.projectId);
  return r;
}

export async function passDetail(db: DbOrTx, p: Principal, id: string, now = new Date()): Promise<TPass> {
  const [x] = await base(db).where(and(eq(releasePasses.id, id), eq(releasePasses.companyId, p.companyId)));
  if (!x || !mayShowPass(p, x.r.projectId)) throw notFound();
  return present(x, (await projectToday(db, x.r.projectId, now)).today, !can(p, 'personal.read', x.r.projectId));
}

async function listWhere(db: DbOrTx, projectId: string, where: SQL | undefined, now: Date, limit = 2000) {
  const { today } = await projectToday(db, projectId, now);
  const rows = await base(db).where(and(eq(releasePasses.projectId, projectId), where)).orderBy(asc(releasePasses.number)).limit(limit);
  return rows.map((x) => present(x, today));
}

/** FD-01: the month's passes in number order, for the monthly archive. */
export async function listPasses(db: DbOrTx, p: Principal, projectId: string, month: string, now = new Date()) {
  if (!can(p, 'frontdesk.read', projectId)) throw notFound();
  const { tz } = await projectToday(db, projectId, now);
  const { from, to } = localMonth(month, tz);
  return { items: await listWhere(db, projectId, and(gte(releasePasses.createdAt, from), lt(releasePasses.createdAt, to)), now) };
}

/** FD-01: the gate types the pass number (whole, or only its running number this year) or the check code. */
export async function lookupPasses(db: DbOrTx, p: Principal, projectId: string, q: string, now = new Date()) {
  if (!can(p, 'frontdesk.gate', projectId)) throw notFound(); // FD-01: the gate's lookup (the guard reads nothing else)
  const { today } = await projectToday(db, projectId, now);
  const text = q.trim().toUpperCase();
  const byNumber = /^\d{1,6}$/.test(text) ? formatNumber('FX', Number(today.slice(0, 4)), Number(text)) : text;
  return { items: await listWhere(db, projectId, or(eq(releasePasses.number, byNumber), eq(releasePasses.checkCode, text), eq(sql`upper(${releasePasses.number})`, text)), now, 5) };
}
