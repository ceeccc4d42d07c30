// FD-01: the desk issues an item release pass to a current owner or tenant of the unit, after checking
// their ID; a tenant's pass needs the owner's confirmation (a phone call or the portal), recorded on it.
import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { TPass, TPassIssue } from '../../../../common/frontdesk';
import { runCommand, type CommandContext } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { formatNumber, nextInSequence } from '../../../platform/sequence';
import { units } from '../../org/tables';
import { customerUnits } from '../../people/tables';
import { passDetail } from '../passes';
import { authorizeFrontdesk } from '../policy';
import { releasePasses } from '../tables';
import { projectToday } from '../time';

/** Eight digits the gate can type on a phone; unique within the project. */
/** FD-01: the 8-digit code the gate checks a pass by. */
export const newCheckCode = () => String(randomInt(10_000_000, 100_000_000));

export function issuePass(db: Db, p: Principal, input: TPassIssue, now?: Date): Promise<TPass> {
  return runCommand(db, p, (ctx) => issuePassIn(ctx, p, input), now);
}

/** FD-01: the issue inside a command of the caller's (the portal's owner confirmation records its request in the same transaction). */
export async function issuePassIn(ctx: CommandContext, p: Principal, input: TPassIssue): Promise<TPass> {
  const { tx } = ctx;
  authorizeFrontdesk(p, 'frontdesk.desk', input.projectId);
  const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, input.unitId), eq(units.projectId, input.projectId)));
  if (!unit) throw invalidField('unitId', 'unknown_unit');
  // FD-01: the resident is checked against the unit's current customers.
  const links = await tx
    .select({ customerId: customerUnits.customerId, relation: customerUnits.relation })
    .from(customerUnits)
    .where(and(eq(customerUnits.unitId, unit.id), isNull(customerUnits.endedAt)));
  const link = links.find((l) => l.customerId === input.customerId && (l.relation === 'owner' || l.relation === 'tenant'));
  if (!link) throw invalidField('customerId', 'customer_not_in_unit');
  const oc = input.ownerConfirmation;
  if (link.relation === 'tenant') {
    // FD-01: a tenant takes nothing out without the owner's confirmation.
    if (!oc) throw new AppError(409, 'pass_needs_owner');
    if (!links.some((l) => l.customerId === oc.ownerId && l.relation === 'owner')) throw invalidField('ownerConfirmation.ownerId', 'not_owner_of_unit');
  }
  const { today } = await projectToday(tx, input.projectId, ctx.now);
  const validOn = input.validOn ?? today;
  if (validOn < today) throw invalidField('validOn', 'date_in_past');
  const year = Number(today.slice(0, 4));
  const values = {
    companyId: p.companyId,
    projectId: input.projectId,
    unitId: unit.id,
    customerId: input.customerId,
    relation: link.relation,
    bearerName: input.bearerName,
    bearerPhone: input.bearerPhone,
    items: input.items,
    pieces: input.pieces,
    validOn,
    vehiclePlate: input.vehiclePlate || null,
    ...(link.relation === 'tenant' && oc ? { ownerId: oc.ownerId, confirmMethod: oc.method, confirmNote: oc.note, confirmedAt: ctx.now } : {}),
    issuedBy: p.userId,
    createdAt: ctx.now,
  };
  // The number is taken last (platform/sequence.ts); a clash of check codes draws another one.
  const number = formatNumber('FX', year, await nextInSequence(tx, p.companyId, input.projectId, 'FX', year));
  let row: { id: string } | undefined;
  for (let i = 0; !row && i < 5; i++)
    [row] = await tx.insert(releasePasses).values({ ...values, number, checkCode: newCheckCode() }).onConflictDoNothing().returning({ id: releasePasses.id });
  if (!row) throw new AppError(409, 'conflict');
  await ctx.audit({ entity: 'release_pass', entityId: row.id, projectId: input.projectId, action: 'issue', after: { number, relation: link.relation, items: input.items, confirm: oc?.method ?? null } });
  return passDetail(tx, p, row.id, ctx.now);
}
