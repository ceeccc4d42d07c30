// an import is uploaded and checked (its problems listed by row and column in the user's language),
// then committed all or nothing: units, owners, tenants, their links and archives in one transaction.
// The file is kept sealed (it holds ID numbers) and its hash checked again at commit.
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { itemApplies, type TImportPreview } from '../../../../common/archives';
import { translate } from '../../../../common/i18n';
import type { TLocale } from '../../../../common/shared';
import { recordAudit, runCommand, type AuditInput } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { AppError, notFound, updatedOrStale } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import type { Storage } from '../../../platform/storage';
import type { Vault } from '../../../platform/vault';
import { holdersOf } from '../../deadlines/recipients';
import { deadlines } from '../../deadlines/tables';
import { projectTimezone } from '../../org/queries';
import { units } from '../../org/tables';
import { customers, customerUnits } from '../../people/tables';
import { archiveDueAt, checklistOf } from '../checklist';
import { sealedIdNumber } from '../identity';
import { planImport, type ImportPlan } from '../import-plan';
import { readSheet } from '../import-sheet';
import { archives, importBatches } from '../tables';

type Deps = { storage: Storage; vault: Vault };

function present(b: typeof importBatches.$inferSelect, plan: ImportPlan, locale: TLocale): TImportPreview {
  const t = (k: string) => translate(locale, `archive.import.${k}`);
  return {
    id: b.id,
    fileName: b.fileName,
    rows: plan.rows,
    problems: plan.problems.slice(0, 500).map((p) => ({
      row: p.row,
      column: t(`columns.${p.column}`),
      message: Object.entries(p.params ?? {}).reduce((m, [k, v]) => m.replace(`{{${k}}}`, String(v)), t(`problem.${p.key}`)),
    })),
    problemCount: plan.problems.length,
    counts: {
      units: plan.units.length,
      owners: plan.links.filter((l) => l.relation === 'owner').length,
      tenants: plan.links.filter((l) => l.relation === 'tenant').length,
      unchanged: plan.unchanged,
    },
    status: b.status as TImportPreview['status'],
    version: b.version,
  };
}

export function uploadImport(db: Db, p: Principal, deps: Deps, input: { projectId: string; name: string; data: string }): Promise<TImportPreview> {
  authorize(p, 'space.write', input.projectId, 'archive.read');
  return runCommand(db, p, async (ctx) => {
    const bytes = Buffer.from(input.data.replace(/^data:[^,]*,/, ''), 'base64');
    const plan = await planImport(ctx.tx, deps.vault, input.projectId, await readSheet(bytes));
    const id = randomUUID();
    const storageKey = `${p.companyId}/${input.projectId}/imports/${id}.xlsx.sealed`;
    await deps.storage.put(storageKey, deps.vault.seal(bytes));
    const [b] = await ctx.tx
      .insert(importBatches)
      .values({ id, companyId: p.companyId, projectId: input.projectId, fileName: input.name, sha256: createHash('sha256').update(bytes).digest('hex'), storageKey, rows: plan.rows, problems: plan.problems.length, createdBy: p.userId, createdAt: ctx.now })
      .returning();
    await ctx.audit({ entity: 'import_batch', entityId: id, projectId: input.projectId, action: 'upload', after: { fileName: input.name, rows: plan.rows, problems: plan.problems.length } });
    return present(b, plan, p.locale);
  });
}

export function commitImport(db: Db, p: Principal, deps: Deps, id: string, version: number) {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const [b] = await tx.select().from(importBatches).where(and(eq(importBatches.id, id), eq(importBatches.companyId, p.companyId)));
    if (!b) throw notFound();
    authorize(p, 'space.write', b.projectId, 'archive.read');
    if (b.status === 'committed') throw new AppError(409, 'import_committed');
    const sealed = await deps.storage.get(b.storageKey);
    let bytes: Buffer;
    try {
      bytes = deps.vault.open(sealed ?? Buffer.alloc(0));
    } catch {
      throw new AppError(409, 'document_damaged');
    }
    if (createHash('sha256').update(bytes).digest('hex') !== b.sha256) throw new AppError(409, 'document_damaged');
    // Planned again inside the transaction: what others changed since the preview is taken into account.
    const plan = await planImport(tx, deps.vault, b.projectId, await readSheet(bytes));
    if (plan.problems.length) throw new AppError(409, 'import_has_problems');
    updatedOrStale(
      await tx
        .update(importBatches)
        .set({ status: 'committed', committedAt: ctx.now, version: sql`${importBatches.version} + 1` })
        .where(and(eq(importBatches.id, id), eq(importBatches.version, version), eq(importBatches.status, 'previewed')))
        .returning({ id: importBatches.id }),
    );
    const result = await applyPlan(tx, p, deps.vault, b.projectId, plan, ctx.now);
    await tx.update(importBatches).set({ result }).where(eq(importBatches.id, id));
    await ctx.audit({ entity: 'import_batch', entityId: id, projectId: b.projectId, action: 'commit', after: result });
    return result;
  });
}

async function insertMany(tx: Tx, table: Parameters<Tx['insert']>[0], rows: object[], chunk = 500) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as never);
}

/** Writes the plan in bulk: a 10,000-row file is a few dozen statements, not tens of thousands. */
async function applyPlan(tx: Tx, p: Principal, vault: Vault, projectId: string, plan: ImportPlan, now: Date) {
  const companyId = p.companyId;
  const state = new Map<string, string>();
  for (const l of plan.links) if (l.relation === 'tenant') state.set(l.unitId, 'rented');
  await insertMany(tx, units, plan.units.map((u) => ({ ...u, companyId, projectId, state: state.get(u.id) ?? 'owner_occupied' })));
  await insertMany(tx, customers, plan.customers.map((c) => ({ id: c.id, companyId, projectId, kind: c.kind, name: c.name, phone: c.phone, ...sealedIdNumber(vault, c.idNumber) })));
  // ORG-06: a tenant names the consenting owner of the unit — the first one on record or in the file.
  const ownerOf = new Map<string, string>();
  for (const l of await tx.select({ unitId: customerUnits.unitId, customerId: customerUnits.customerId }).from(customerUnits).where(and(eq(customerUnits.projectId, projectId), eq(customerUnits.relation, 'owner'))))
    if (!ownerOf.has(l.unitId)) ownerOf.set(l.unitId, l.customerId);
  for (const l of plan.links) if (l.relation === 'owner' && !ownerOf.has(l.unitId)) ownerOf.set(l.unitId, l.customerId);
  await insertMany(tx, customerUnits, plan.links.map((l) => ({ companyId, projectId, ...l, consentingOwnerId: l.relation === 'tenant' ? ownerOf.get(l.unitId)! : null })));

  // AR-01: every new owner and tenant gets its archive, due a month after handover or move-in.
  const unitRows = new Map((await tx.select({ id: units.id, use: units.use, groupOwned: units.groupOwned, handoverDate: units.handoverDate }).from(units).where(eq(units.projectId, projectId))).map((u) => [u.id, u]));
  const kindOf = new Map((await tx.select({ id: customers.id, kind: customers.kind }).from(customers).where(eq(customers.projectId, projectId))).map((c) => [c.id, c.kind]));
  const tz = await projectTimezone(tx, projectId);
  const keeper = (await holdersOf(tx, projectId, ['housekeeper']))[0] ?? null;
  const lists = { owner: await checklistOf(tx, companyId, 'owner'), tenant: await checklistOf(tx, companyId, 'tenant') };
  const today = now.toISOString().slice(0, 10);
  const archiveRows: (typeof archives.$inferInsert)[] = [];
  const deadlineRows: (typeof deadlines.$inferInsert)[] = [];
  for (const l of plan.links) {
    const u = unitRows.get(l.unitId)!;
    if (l.relation === 'owner' && u.groupOwned) continue;
    const facts = { use: u.use, customerKind: kindOf.get(l.customerId) ?? null, keysHeld: false, viaAgent: false };
    const required = lists[l.relation].filter((i) => i.required && itemApplies(i.appliesTo, facts)).length;
    const id = randomUUID();
    const openedOn = l.since ?? u.handoverDate ?? today;
    archiveRows.push({ id, companyId, projectId, unitId: l.unitId, kind: l.relation, customerId: l.customerId, openedOn, keeperId: keeper, requiredCount: required, missingCount: required, createdAt: now });
    deadlineRows.push({ companyId, projectId, entity: 'archive', entityId: id, kind: `archive_${l.relation}`, dueAt: archiveDueAt(openedOn, tz), responsibleId: keeper, ruleVersion: 1 });
  }
  await insertMany(tx, archives, archiveRows);
  await insertMany(tx, deadlines, deadlineRows);
  const events: AuditInput[] = [
    ...plan.units.map((u) => ({ entity: 'unit', entityId: u.id, projectId, action: 'import', after: { path: u.path } })),
    ...plan.customers.map((c) => ({ entity: 'customer', entityId: c.id, projectId, action: 'import', after: { name: c.name } })),
    ...archiveRows.map((a) => ({ entity: 'archive', entityId: a.id!, projectId, action: 'open', after: { kind: a.kind, customerId: a.customerId, missing: a.missingCount } })),
  ];
  for (let i = 0; i < events.length; i += 1000) await recordAudit(tx, p, events.slice(i, i + 1000), now);
  return {
    units: plan.units.length,
    owners: plan.links.filter((l) => l.relation === 'owner').length,
    tenants: plan.links.filter((l) => l.relation === 'tenant').length,
    unchanged: plan.unchanged,
    archives: archiveRows.length,
  };
}
