// WO-07: which closed orders get a return visit. Paid services and rework always (PS-08); of free
// repairs a systematic sample: the n-th free order closed in a project and month is selected when
// ceil(n × rate) grows, so the selected share is at least the rate at every moment, and the choice
// is reproducible from the order of closing alone.
import { toLocal } from '../../platform/clock';
import type { Tx } from '../../platform/db';
import { nextInSequence } from '../../platform/sequence';

export function systematicPick(n: number, rate: number): boolean {
  return Math.ceil(n * rate - 1e-9) > Math.ceil((n - 1) * rate - 1e-9);
}

export async function selectForFollowup(
  tx: Tx,
  o: { companyId: string; projectId: string; paid: boolean; reworkCount: number },
  rate: number,
  closedAt: Date,
  timezone: string,
): Promise<boolean> {
  if (o.paid || o.reworkCount > 0) return true;
  const month = Number(toLocal(closedAt, timezone).date.slice(0, 7).replace('-', ''));
  const n = await nextInSequence(tx, o.companyId, o.projectId, 'followup_sample', month);
  return systematicPick(n, rate);
}
