// AR-01, AR-02 demo data: an archive for every party of every demo unit (a record for group-owned
// units, a decoration archive where work is under way), most complete with paper originals in their
// cabinets, about one in five missing a document or three — and so overdue — plus a few open change requests.
import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { DEFAULT_CHECKLISTS, ARCHIVE_KINDS, itemApplies, type TArchiveKind } from '../../common/archives';
import { recordAudit, type AuditInput } from '../platform/audit';
import { addDays, fromLocal } from '../platform/clock';
import type { Tx } from '../platform/db';
import { archiveDueAt } from '../domains/archives/checklist';
import { archiveChangeRequests, archiveChecklistItems, archiveDocuments, archives } from '../domains/archives/tables';
import { deadlines } from '../domains/deadlines/tables';
import type { units } from '../domains/org/tables';
import type { customers, customerUnits, userRoles, users } from '../domains/people/tables';
import { mobile } from './names';
import { Rng } from './random';

const TZ = 'Asia/Shanghai';

interface Input {
  companyId: string;
  year: number;
  units: (typeof units.$inferInsert & { id: string })[];
  customers: (typeof customers.$inferInsert & { id: string })[];
  links: (typeof customerUnits.$inferInsert)[];
  users: (typeof users.$inferInsert)[];
  roles: (typeof userRoles.$inferInsert)[];
}

async function insertMany(tx: Tx, table: PgTable, rows: object[], chunk = 500) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as never);
}

export async function seedArchives(tx: Tx, input: Input, now = new Date()): Promise<number> {
  const r = new Rng(20261203);
  const { companyId } = input;
  const actor = { userId: null, companyId };
  const today = now.toISOString().slice(0, 10);
  const checklistRows = ARCHIVE_KINDS.flatMap((kind) => DEFAULT_CHECKLISTS[kind].map((i, sort) => ({ companyId, kind, ...i, sort })));
  await insertMany(tx, archiveChecklistItems, checklistRows);

  const keeperOf = new Map<string, string>();
  const clerkOf = new Map<string, string>();
  for (const g of input.roles) {
    const u = input.users.find((x) => x.id === g.userId)!;
    if (g.role === 'housekeeper' && g.projectId && !keeperOf.has(g.projectId)) keeperOf.set(g.projectId, u.id!);
    if (g.role === 'clerk' && g.projectId && !clerkOf.has(g.projectId)) clerkOf.set(g.projectId, u.id!);
  }
  const customerKind = new Map(input.customers.map((c) => [c.id, c.kind]));
  const unitById = new Map(input.units.map((u) => [u.id, u]));

  const rows = { archives: [] as (typeof archives.$inferInsert)[], docs: [] as (typeof archiveDocuments.$inferInsert)[], deadlines: [] as (typeof deadlines.$inferInsert)[], changes: [] as (typeof archiveChangeRequests.$inferInsert)[] };
  const events: AuditInput[] = [];
  let cabinetSerial = 0;

  const add = (u: Input['units'][number], kind: TArchiveKind, customerId: string | null, openedOn: string) => {
    const id = randomUUID();
    const keysHeld = r.chance(0.15);
    const viaAgent = r.chance(0.08);
    const cabinet = `${String.fromCharCode(65 + (cabinetSerial % 6))}柜-${String(1 + Math.floor(cabinetSerial++ / 6) % 40).padStart(2, '0')}`;
    const facts = { use: u.use, customerKind: customerId ? (customerKind.get(customerId) ?? null) : null, keysHeld, viaAgent };
    const items = DEFAULT_CHECKLISTS[kind];
    // About one archive in five lacks 1–3 documents; the rest hold every required item.
    const applicable = items.filter((i) => i.required && itemApplies(i.appliesTo, facts));
    const gaps = r.chance(0.2) ? r.int(1, Math.min(3, applicable.length)) : 0;
    const skipped = new Set<string>();
    while (skipped.size < gaps) skipped.add(r.pick(applicable).code);
    const created = fromLocal(openedOn, 9 * 60 + r.int(0, 480), TZ);
    for (const i of items) {
      if (skipped.has(i.code) || (!i.required && !r.chance(0.3))) continue;
      if (!itemApplies(i.appliesTo, facts)) continue;
      rows.docs.push({ companyId, projectId: u.projectId, archiveId: id, itemCode: i.code, form: 'paper', name: i.label, cabinet, createdBy: keeperOf.get(u.projectId) ?? null, createdAt: new Date(created.getTime() + r.int(0, 20) * 86_400_000) });
    }
    const completedAt = gaps ? null : new Date(created.getTime() + r.int(3, 25) * 86_400_000);
    rows.archives.push({ id, companyId, projectId: u.projectId, unitId: u.id, kind, customerId, openedOn, keysHeld, viaAgent, cabinet, keeperId: keeperOf.get(u.projectId) ?? null, requiredCount: applicable.length, missingCount: gaps, completedAt, createdAt: created });
    if (kind === 'owner' || kind === 'tenant') {
      const dueAt = archiveDueAt(openedOn, TZ);
      // Long-overdue archives were reported long ago; the most recent few still reach the housekeeper's bell.
      const old = dueAt.getTime() < now.getTime() - 120 * 86_400_000;
      rows.deadlines.push({ companyId, projectId: u.projectId, entity: 'archive', entityId: id, kind: `archive_${kind}`, dueAt, metAt: completedAt, responsibleId: keeperOf.get(u.projectId) ?? null, notifiedLevel: old ? 2 : 0, ruleVersion: 1 });
    }
    events.push({ entity: 'archive', entityId: id, projectId: u.projectId, action: 'seed', after: { kind, customerId, missing: gaps } });
    return id;
  };

  for (const l of input.links) {
    const u = unitById.get(l.unitId)!;
    if (l.relation === 'owner' && u.groupOwned) continue;
    add(u, l.relation as TArchiveKind, l.customerId, l.since ?? u.handoverDate ?? today);
  }
  for (const u of input.units) {
    if (u.groupOwned) add(u, 'record', null, u.handoverDate ?? today);
    // Decoration under way: its archive opened a few weeks ago.
    if (u.state === 'decorating') add(u, 'decoration', null, addDays(today, -r.int(10, 60)));
  }

  // AR-03: a few change requests waiting for the customer's signature (a new phone number).
  const tenantArchives = rows.archives.filter((a) => a.kind === 'tenant' || a.kind === 'owner').slice(0, 400);
  for (let i = 0; i < Math.min(6, tenantArchives.length); i++) {
    const a = tenantArchives[r.int(0, tenantArchives.length - 1)];
    const c = input.customers.find((x) => x.id === a.customerId)!;
    if (rows.changes.some((x) => x.archiveId === a.id)) continue;
    rows.changes.push({ companyId, projectId: a.projectId, archiveId: a.id!, customerId: c.id, changes: [{ field: 'phone', before: c.phone, after: mobile(r, 800_000 + i) }], reason: '客户更换手机号码', requestedBy: clerkOf.get(a.projectId)!, createdAt: new Date(now.getTime() - r.int(1, 10) * 86_400_000) });
  }

  await insertMany(tx, archives, rows.archives);
  await insertMany(tx, archiveDocuments, rows.docs);
  await insertMany(tx, deadlines, rows.deadlines);
  await insertMany(tx, archiveChangeRequests, rows.changes);
  for (let i = 0; i < events.length; i += 1000) await recordAudit(tx, actor, events.slice(i, i + 1000));
  return rows.archives.length;
}
