// writes a record's computed deadlines. A changed due time restarts the overdue notices.
import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { addDays, fromLocal } from '../../platform/clock';
import type { Tx } from '../../platform/db';
import { deadlines } from './tables';

export interface ComputedDeadline {
  kind: string;
  dueAt: Date;
  metAt: Date | null;
  pausedAt?: Date | null;
  responsibleId: string | null;
  department?: string | null;
}

/**
 * Upserts the computed deadlines; kinds the record no longer has (a follow-up of a cycle that a rework
 * ended) are closed at `now`, so nothing stale stays overdue.
 */
export async function syncDeadlines(
  tx: Tx,
  scope: { companyId: string; projectId: string; entity: string; entityId: string; ruleVersion: number },
  computed: ComputedDeadline[],
  now = new Date(),
): Promise<void> {
  await tx
    .update(deadlines)
    .set({ metAt: now })
    .where(and(eq(deadlines.entityId, scope.entityId), isNull(deadlines.metAt), computed.length ? notInArray(deadlines.kind, computed.map((d) => d.kind)) : undefined));
  if (!computed.length) return;
  await tx
    .insert(deadlines)
    .values(
      computed.map((d) => ({
        companyId: scope.companyId,
        projectId: scope.projectId,
        entity: scope.entity,
        entityId: scope.entityId,
        kind: d.kind,
        dueAt: d.dueAt,
        metAt: d.metAt,
        pausedAt: d.pausedAt ?? null,
        responsibleId: d.responsibleId,
        department: d.department ?? null,
        ruleVersion: scope.ruleVersion,
      })),
    )
    .onConflictDoUpdate({
      target: [deadlines.entityId, deadlines.kind],
      set: {
        dueAt: sql`excluded.due_at`,
        metAt: sql`excluded.met_at`,
        pausedAt: sql`excluded.paused_at`,
        responsibleId: sql`excluded.responsible_id`,
        department: sql`excluded.department`,
        ruleVersion: sql`excluded.rule_version`,
        notifiedLevel: sql`case when ${deadlines.dueAt} = excluded.due_at then ${deadlines.notifiedLevel} else 0 end`,
      },
    });
}

/** a due date (a local day) as the instant it is missed: the start of the next local day. */
export const endOfLocalDay = (date: string, tz: string): Date => fromLocal(addDays(date, 1), 0, tz);
