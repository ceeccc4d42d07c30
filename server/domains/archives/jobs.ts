// WO-11: makes last month's slip bundle and its deadline on the 10th; runs at start and every hour.
import type { Db } from '../../platform/db';
import { ensureSlipBundles } from './slip-bundle';

export function startArchiveJobs(db: Db, log: { error(o: object, m: string): void }, everyMs = 3_600_000): () => void {
  const run = () => ensureSlipBundles(db).catch((err) => log.error({ err }, 'slip bundle job failed'));
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
