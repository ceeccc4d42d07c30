// Background jobs of one server process (the sweeper, the slip bundles, notice expiry): one run at a time,
// errors logged and retried next round, and a stop that waits for a run in flight — so a shutdown closes
// the database only after the job's last statement (it used to log "Cannot use a pool after calling end").
export interface JobLog {
  error(o: object, m: string): void;
}

/** Runs `job` every `everyMs` (and at once with `now`); returns the stop. */
export function repeat(name: string, job: () => Promise<unknown>, log: JobLog, everyMs: number, { now = false } = {}): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = job()
      .then(() => undefined)
      .catch((err) => log.error({ err }, `${name} failed`))
      .finally(() => (running = null));
  };
  if (now) run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
