// WO-01: the next number of a per-project sequence; taken inside the writing transaction, so a
// rolled-back write gives its number back and the sequence has no gaps (PS-06 receipts rely on it).
//
// Taking a number locks the project's sequences row until COMMIT: every other writer of that project
// and kind waits. So a command takes its numbers LAST — in its final statement, or as close to COMMIT
// as it can (see openCase: the numbers, the rows that carry them and their audit events are one
// statement) — and, needing several kinds, takes them in one statement in a fixed order (KF before BX).
import { sql } from 'drizzle-orm';
import type { Tx } from './db';
import { sequences } from './tables';

export async function nextInSequence(tx: Tx, companyId: string, projectId: string, kind: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(sequences)
    .values({ companyId, projectId, kind, year, last: 1 })
    .onConflictDoUpdate({ target: [sequences.projectId, sequences.kind, sequences.year], set: { last: sql`${sequences.last} + 1` } })
    .returning({ last: sequences.last });
  return row.last;
}

/** "BX-2026-000123" */
export const formatNumber = (prefix: string, year: number, n: number) => `${prefix}-${year}-${String(n).padStart(6, '0')}`;

/** formatNumber in SQL, for numbers taken and written in one statement. */
export const numberSql = (prefix: string, year: string, n: string) => `${prefix} || '-' || ${year} || '-' || lpad(${n}::text, greatest(6, length(${n}::text)), '0')`;
