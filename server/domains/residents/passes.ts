// X-03, FD-01: item-release passes requested in the portal.
// - An owner's request is issued at once as a numbered pass (FX-<year>-NNNNNN, the desk's own numbering and
//   command, by the clerk on duty): the owner signed in with a one-time code sent to the number the desk holds
//   for them, on a unit the desk lists them as owning — the check FD-01 asks the desk to make. A real
//   property company's desk would issue it without calling anyone, so the portal does too.
// - A tenant's request waits for an owner of the unit: the owner sees it in the portal (a notice and a card on
//   首页) and confirms it — recorded on the pass as method 'portal' with the owner and the time — or declines it.
//   The desk may instead confirm with the owner by phone (POST /api/pass-requests/:id/issue, method 'phone').
//   Only a confirmed request becomes a pass; the request and the pass are written in one transaction, guarded
//   by the request's version and status, so of two confirmations exactly one issues a pass (the other: 409).
import { and, eq, sql } from 'drizzle-orm';
import type { TPortalPassRequest, TPortalPassRequestCreate, TStaffPassRequest } from '../../../common/portal-errands';
import { ZPortalPassRequestCreate } from '../../../common/portal-errands';
import { runCommand, type CommandContext } from '../../platform/audit';
import type { Db, DbOrTx } from '../../platform/db';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { query } from '../../platform/sql';
import { maskPhone } from '../../../common/mask';
import { principalForUser } from '../auth/session';
import { issuePassIn } from '../frontdesk/commands/issue-pass';
import { passState } from '../frontdesk/passes';
import { authorizeFrontdesk } from '../frontdesk/policy';
import { passRequests } from '../frontdesk/tables';
import { projectToday } from '../frontdesk/time';
import { notify } from '../notifications/notify';
import { clerkOnDuty } from './duty';
import { allowedUnit, residentUnits, type ResidentUnitRow } from './scope';
import type { Resident } from './session';

type RequestRow = typeof passRequests.$inferSelect;

/** The desk's own command, by the clerk on duty, inside the request's transaction. */
async function issueFor(ctx: CommandContext, clerk: Principal, req: RequestRow, confirmation?: { ownerId: string; method: 'phone' | 'portal'; note: string }) {
  return issuePassIn(ctx, clerk, {
    projectId: req.projectId,
    unitId: req.unitId,
    customerId: req.customerId,
    bearerName: req.requesterName,
    bearerPhone: req.requesterPhone,
    items: req.items,
    pieces: req.pieces,
    idChecked: true, // the one-time code on the number the desk holds for this customer
    validOn: req.validOn,
    ...(req.vehiclePlate ? { vehiclePlate: req.vehiclePlate } : {}),
    ...(confirmation ? { ownerConfirmation: confirmation } : {}),
  });
}

async function clerkFor(db: DbOrTx, projectId: string, companyId: string) {
  const clerkId = await clerkOnDuty(db, projectId);
  return { clerkId, clerk: await principalForUser(db, clerkId, companyId, 'zh-CN') };
}

/** The unit's current owners: the desk's phone confirmation must name one of them. */
async function ownersOf(db: DbOrTx, unitId: string) {
  return query<{ customerId: string; phone: string }>(
    db,
    'pass_request_owners',
    `select c.id as "customerId", c.phone from customer_units l join customers c on c.id = l.customer_id
      where l.unit_id = $1::uuid and l.relation = 'owner' and l.ended_at is null`,
    [unitId],
  );
}

export async function requestPass(db: Db, r: Resident, raw: TPortalPassRequestCreate, now?: Date): Promise<TPortalPassRequest> {
  const input = ZPortalPassRequestCreate.parse(raw);
  const unit = await allowedUnit(db, r, input.unitId);
  const { today } = await projectToday(db, unit.projectId, now ?? new Date());
  if (input.validOn < today) throw invalidField('validOn', 'date_in_past');
  const { clerkId, clerk } = await clerkFor(db, unit.projectId, r.companyId);
  const id = await runCommand(
    db,
    clerk,
    async (ctx) => {
      const [req] = await ctx.tx
        .insert(passRequests)
        .values({
          companyId: r.companyId,
          projectId: unit.projectId,
          unitId: unit.unitId,
          customerId: unit.customerId,
          residentId: r.residentId,
          relation: unit.relation,
          requesterName: unit.customerName,
          requesterPhone: r.phone,
          items: input.items,
          pieces: input.pieces,
          validOn: input.validOn,
          timeOut: input.timeOut,
          vehiclePlate: input.vehiclePlate.toUpperCase(),
          note: input.note,
          status: unit.relation === 'owner' ? 'issued' : 'awaiting_owner',
          createdAt: ctx.now,
        })
        .returning();
      await ctx.audit({ entity: 'pass_request', entityId: req.id, projectId: unit.projectId, action: 'request', after: { relation: unit.relation, items: input.items, pieces: input.pieces, validOn: input.validOn, via: 'portal' } });
      if (unit.relation === 'owner') {
        // FD-01: the owner is checked by the sign-in on their own unit; issued at once.
        const pass = await issueFor(ctx, clerk, req);
        await ctx.tx.update(passRequests).set({ passId: pass.id, decidedAt: ctx.now }).where(eq(passRequests.id, req.id));
      } else {
        await notify(ctx.tx, { companyId: r.companyId, projectId: unit.projectId, userIds: [clerkId], kind: 'portal_pass_request', entity: 'pass_request', entityId: req.id, params: { path: unit.path, items: input.items }, dedupeKey: `portal_pass_request:${req.id}`, at: ctx.now });
      }
      return req.id;
    },
    now,
  );
  return passRequestFor(db, r, id, now);
}

interface PortalRow {
  r: RequestRow;
  path: string;
  projectName: string;
  ownerName: string | null;
  passNumber: string | null;
  checkCode: string | null;
  usedAt: Date | null;
  voidedAt: Date | null;
  confirmMethod: string | null;
}

const PORTAL_SQL = (where: string) => `
select row_to_json(q.*) as r, u.path, p.name as "projectName", o.name as "ownerName", x.number as "passNumber", x.check_code as "checkCode",
       x.used_at as "usedAt", x.voided_at as "voidedAt", x.confirm_method as "confirmMethod"
  from pass_requests q
  join units u on u.id = q.unit_id
  join projects p on p.id = q.project_id
  left join customers o on o.id = q.owner_id
  left join release_passes x on x.id = q.pass_id
 where q.company_id = $1::uuid and exists (
   select 1 from json_to_recordset($2::json) as v("unitId" uuid, relation text, "customerId" uuid)
    where v."unitId" = q.unit_id and (v.relation = 'owner' or q.customer_id = v."customerId")) ${where}
 order by q.created_at desc
 limit 50`;

const camel = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()), v]));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The requests the resident may see (`units`: their units, read once by the caller). */
async function portalRows(db: DbOrTx, r: Resident, units: ResidentUnitRow[], where = '', extra: unknown[] = []) {
  const param = JSON.stringify(units.filter((u) => u.allowed).map((u) => ({ unitId: u.unitId, relation: u.relation, customerId: u.customerId })));
  const rows = await query<Omit<PortalRow, 'r'> & { r: Record<string, unknown> }>(db, `portal_pass_requests_${extra.length}`, PORTAL_SQL(where), [r.companyId, param, ...extra]);
  return rows.map((x) => ({ ...x, r: camel(x.r) as unknown as RequestRow }));
}

function present(x: PortalRow, r: Resident, units: ResidentUnitRow[], today: string): TPortalPassRequest {
  const q = x.r;
  const owner = units.some((u) => u.unitId === q.unitId && u.relation === 'owner');
  return {
    id: q.id,
    unitId: q.unitId,
    path: x.path,
    projectName: x.projectName,
    relation: q.relation as 'owner' | 'tenant',
    requesterName: q.requesterName,
    items: q.items,
    pieces: q.pieces,
    validOn: String(q.validOn).slice(0, 10),
    timeOut: q.timeOut,
    vehiclePlate: q.vehiclePlate,
    note: q.note,
    status: q.status as TPortalPassRequest['status'],
    mine: q.residentId === r.residentId,
    canDecide: owner && q.status === 'awaiting_owner' && q.residentId !== r.residentId,
    ownerName: x.ownerName,
    confirmMethod: (x.confirmMethod as 'phone' | 'portal' | null) ?? null,
    decidedAt: iso(q.decidedAt),
    declineReason: q.declineReason,
    createdAt: iso(q.createdAt)!,
    pass: q.passId && x.passNumber ? { id: q.passId, number: x.passNumber, checkCode: x.checkCode!, state: passState({ usedAt: x.usedAt, voidedAt: x.voidedAt, validOn: String(q.validOn).slice(0, 10) }, today), usedAt: iso(x.usedAt) } : null,
    version: q.version,
  };
}

/** The requests the resident may see: every request of a unit they own, their own requests as a tenant. */
export async function residentPassRequests(db: DbOrTx, r: Resident, now = new Date()): Promise<TPortalPassRequest[]> {
  const units = await residentUnits(db, r);
  const rows = await portalRows(db, r, units);
  const today = rows.length ? (await projectToday(db, rows[0].r.projectId, now)).today : '';
  return rows.map((x) => present(x, r, units, today));
}

/** One request the resident may see, with their units; another unit's or project's is not found. */
async function visibleRequest(db: DbOrTx, r: Resident, id: string) {
  const units = await residentUnits(db, r);
  const [row] = await portalRows(db, r, units, 'and q.id = $3::uuid', [id]);
  if (!row) throw notFound();
  return { units, row };
}

export async function passRequestFor(db: DbOrTx, r: Resident, id: string, now = new Date()): Promise<TPortalPassRequest> {
  const { units, row } = await visibleRequest(db, r, id);
  return present(row, r, units, (await projectToday(db, row.r.projectId, now)).today);
}

/** FD-01: an owner of the request's unit decides a tenant's request; confirming issues the numbered pass. */
export async function decidePassRequest(db: Db, r: Resident, id: string, decision: 'confirm' | 'decline', input: { version: number; reason: string }, now?: Date): Promise<TPortalPassRequest> {
  const { units, row: seen } = await visibleRequest(db, r, id); // another unit's, another project's: not found
  const owner = units.find((u) => u.unitId === seen.r.unitId && u.relation === 'owner');
  if (!owner || seen.r.residentId === r.residentId) throw new AppError(403, 'forbidden'); // a tenant never confirms, not even their own
  if (seen.r.status !== 'awaiting_owner') throw new AppError(409, 'pass_request_decided');
  const { clerkId, clerk } = await clerkFor(db, seen.r.projectId, r.companyId);
  await runCommand(
    db,
    clerk,
    async (ctx) => {
      const [req] = await ctx.tx
        .update(passRequests)
        .set({ status: decision === 'confirm' ? 'issued' : 'declined', ownerId: owner.customerId, decidedAt: ctx.now, declineReason: decision === 'decline' ? input.reason : null, version: sql`${passRequests.version} + 1` })
        .where(and(eq(passRequests.id, id), eq(passRequests.status, 'awaiting_owner'), eq(passRequests.version, input.version)))
        .returning();
      if (!req) throw (await requestRow(ctx.tx, id)).status !== 'awaiting_owner' ? new AppError(409, 'pass_request_decided') : staleVersion();
      await ctx.audit({ entity: 'pass_request', entityId: id, projectId: req.projectId, action: decision, after: { ownerId: owner.customerId, method: 'portal', reason: input.reason || null, via: 'portal' } });
      if (decision === 'confirm') {
        const pass = await issueFor(ctx, clerk, req, { ownerId: owner.customerId, method: 'portal', note: input.reason });
        await ctx.tx.update(passRequests).set({ passId: pass.id }).where(eq(passRequests.id, id));
      }
      await notify(ctx.tx, { companyId: r.companyId, projectId: req.projectId, userIds: [clerkId], kind: decision === 'confirm' ? 'portal_pass_confirmed' : 'portal_pass_declined', entity: 'pass_request', entityId: id, params: { path: seen.path, items: req.items }, dedupeKey: `portal_pass_${decision}:${id}`, at: ctx.now });
    },
    now,
  );
  return passRequestFor(db, r, id, now);
}

async function requestRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(passRequests).where(eq(passRequests.id, id));
  if (!row) throw notFound();
  return row;
}

// ---- the desk's side ----

/** FD-01: the portal's requests of a project for the desk — by default those awaiting the owner. */
export async function staffPassRequests(db: DbOrTx, p: Principal, projectId: string, status?: string): Promise<{ items: TStaffPassRequest[] }> {
  if (!can(p, 'frontdesk.read', projectId)) throw notFound();
  const rows = await query<TStaffPassRequest & { createdAt: Date; validOn: string | Date }>(
    db,
    'staff_pass_requests',
    `select q.id, q.unit_id as "unitId", u.path as "unitPath", q.customer_id as "customerId", q.requester_name as "requesterName",
            q.requester_phone as "requesterPhone", q.relation, q.items, q.pieces, q.valid_on::text as "validOn", q.time_out as "timeOut",
            q.vehicle_plate as "vehiclePlate", q.note, q.status, q.created_at as "createdAt", q.pass_id as "passId", x.number as "passNumber", q.version,
            coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'phone', c.phone) order by c.name)
                        from customer_units l join customers c on c.id = l.customer_id
                       where l.unit_id = q.unit_id and l.relation = 'owner' and l.ended_at is null), '[]') as owners
       from pass_requests q join units u on u.id = q.unit_id left join release_passes x on x.id = q.pass_id
      where q.company_id = $1::uuid and q.project_id = $2::uuid and q.status = $3
      order by q.created_at desc limit 500`,
    [p.companyId, projectId, status ?? 'awaiting_owner'],
  );
  // AR-04: phones in full only to those who may read personal data (the desk calls the owner).
  const mask = (phone: string) => (can(p, 'personal.read', projectId) ? phone : (maskPhone(phone) ?? ''));
  return { items: rows.map((x) => ({ ...x, requesterPhone: mask(x.requesterPhone), owners: x.owners.map((o) => ({ ...o, phone: mask(o.phone) })), validOn: String(x.validOn).slice(0, 10), createdAt: iso(x.createdAt)! })) };
}

/** FD-01: the desk confirmed a tenant's request with the owner by phone and issues it (method 'phone'). */
export async function issuePassRequest(db: Db, p: Principal, id: string, input: { version: number; ownerId: string; note: string }, now?: Date) {
  const [row] = await db.select().from(passRequests).where(and(eq(passRequests.id, id), eq(passRequests.companyId, p.companyId)));
  if (!row) throw notFound();
  authorizeFrontdesk(p, 'frontdesk.desk', row.projectId);
  // FD-01: the owner named must be a current owner of the request's unit.
  if (!(await ownersOf(db, row.unitId)).some((o) => o.customerId === input.ownerId)) throw invalidField('ownerId', 'not_owner_of_unit');
  return runCommand(
    db,
    p,
    async (ctx) => {
      const [req] = await ctx.tx
        .update(passRequests)
        .set({ status: 'issued', ownerId: input.ownerId, decidedAt: ctx.now, version: sql`${passRequests.version} + 1` })
        .where(and(eq(passRequests.id, id), eq(passRequests.status, 'awaiting_owner'), eq(passRequests.version, input.version)))
        .returning();
      if (!req) throw (await requestRow(ctx.tx, id)).status !== 'awaiting_owner' ? new AppError(409, 'pass_request_decided') : staleVersion();
      const pass = await issueFor(ctx, p, req, { ownerId: input.ownerId, method: 'phone', note: input.note });
      await ctx.tx.update(passRequests).set({ passId: pass.id }).where(eq(passRequests.id, id));
      await ctx.audit({ entity: 'pass_request', entityId: id, projectId: req.projectId, action: 'confirm', after: { ownerId: input.ownerId, method: 'phone', number: pass.number } });
      return pass;
    },
    now,
  );
}

/** the notices of pass requests — awaiting the owner's confirmation (to the owners), issued or declined (to a tenant who asked). */
export async function passRequestNotices(db: DbOrTx, r: Resident, units: ResidentUnitRow[]) {
  const rows = await portalRows(db, r, units);
  const out: { key: string; action: string; at: string; number: string; link: string; status: string }[] = [];
  for (const x of rows) {
    const q = x.r;
    const owner = units.some((u) => u.unitId === q.unitId && u.relation === 'owner');
    const link = `/passes/${q.id}`;
    if (owner && q.residentId !== r.residentId) out.push({ key: `pr:${q.id}`, action: 'pass_awaiting_owner', at: iso(q.createdAt)!, number: q.items, link, status: q.status });
    if (q.residentId === r.residentId && q.relation === 'tenant' && q.decidedAt)
      out.push({ key: `pd:${q.id}`, action: q.status === 'issued' ? 'pass_issued' : 'pass_declined', at: iso(q.decidedAt)!, number: x.passNumber ?? q.items, link, status: q.status });
  }
  return out;
}
