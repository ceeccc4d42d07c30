// WO-01: the next number of a per-project sequence; taken inside the writing transaction, so a
// rolled-back write gives its number back and the sequence has no gaps.
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
