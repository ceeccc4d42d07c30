// X-01 demo data: the registers' due times (notices, relations, patrols, front desk) written beside their
// rows, as the commands would have left them. Deadlines long overdue in the generated past count as
// already notified and escalated, so the first sweep tells only of the last week's.
import type { Tx } from '../platform/db';
import { deadlines } from '../domains/deadlines/tables';

type Row = typeof deadlines.$inferInsert;
const WEEK = 7 * 86_400_000;

export function deadlineRow(now: Date, r: Omit<Row, 'notifiedLevel' | 'ruleVersion' | 'id'>): Row {
  const old = !r.metAt && r.dueAt.getTime() < now.getTime() - WEEK;
  return { responsibleId: null, department: null, metAt: null, ...r, notifiedLevel: old ? 2 : 0, ruleVersion: 1 };
}

export async function insertDeadlines(tx: Tx, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(deadlines).values(rows.slice(i, i + 500));
}
