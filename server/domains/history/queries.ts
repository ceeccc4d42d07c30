// a record's history — its audit events with the names of who did what — for whoever may
// read the record itself.
import { and, asc, eq } from 'drizzle-orm';
import type { TAction } from '../../../common/roles';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { can, type Principal } from '../../platform/policy';
import { auditEvents } from '../../platform/tables';
import { units } from '../org/tables';
import { customers, users } from '../people/tables';
import { namedEvents } from './names';

type Entity = 'unit' | 'customer' | 'project' | 'calendar';

async function projectOf(db: DbOrTx, p: Principal, entity: Entity, id: string): Promise<{ projectId: string; action: TAction } | null> {
  if (entity === 'project' || entity === 'calendar') return { projectId: id, action: 'project.read' };
  const table = entity === 'unit' ? units : customers;
  const [row] = await db.select({ projectId: table.projectId }).from(table).where(and(eq(table.id, id), eq(table.companyId, p.companyId)));
  return row ? { projectId: row.projectId, action: entity === 'unit' ? 'space.read' : 'customer.read' } : null;
}

export async function historyOf(db: DbOrTx, p: Principal, entity: Entity, entityId: string) {
  const scope = await projectOf(db, p, entity, entityId);
  if (!scope || !can(p, scope.action, scope.projectId)) throw notFound();
  return eventsOf(db, p.companyId, entity, entityId);
}

/** A record's audit events, oldest first, with the actor's name — unchecked: callers authorize first. */
export async function eventsOf(db: DbOrTx, companyId: string, entity: string, id: string) {
  const rows = await db
    .select({ e: auditEvents, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.companyId, companyId), eq(auditEvents.entity, entity), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.id));
  return namedEvents(
    db,
    rows.map(({ e, actorName }) => ({ id: e.id, action: e.action, actorName, at: e.at.toISOString(), before: e.before, after: e.after })),
  );
}
