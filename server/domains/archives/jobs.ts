// WO-11: makes last month's slip bundle and its deadline on the 10th; runs at start and every hour.
import type { Db } from '../../platform/db';
import { repeat, type JobLog } from '../../platform/jobs';
import { ensureSlipBundles } from './slip-bundle';

export function startArchiveJobs(db: Db, log: JobLog, everyMs = 3_600_000): () => Promise<void> {
  return repeat('slip bundle job', () => ensureSlipBundles(db), log, everyMs, { now: true });
}
