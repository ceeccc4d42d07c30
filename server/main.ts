// Starts Estate Desk: settings, database (migrated), the demo company on an empty database, HTTP.
import { buildApp } from './app';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db';
import { seedDemo } from './seed/demo';
import { seedHistory } from './seed/history';
import { localStorage } from './platform/storage';
import { join } from 'node:path';
import { startSweeper } from './domains/deadlines/jobs';
import { rebuildKpisIfEmpty } from './domains/kpi/recount';
import { loadOfficialYears } from './domains/calendar/commands/load-official-years';
import { makeVault } from './platform/vault';
import { startArchiveJobs } from './domains/archives/jobs';
import { sealPlainIdNumbers } from './domains/archives/seal-upkeep';
import { startNoticeJobs } from './domains/notices/jobs';

const config = loadConfig();
const database = await openDatabase(config);
let demo = 'ready';
const storage = localStorage(join(config.dataDir, 'files'));
const vault = makeVault(config.archiveKey);
const { app } = await buildApp(database.db, config, { demoStatus: () => demo, storage, readDb: database.readDb });
await app.listen({ port: config.port, host: config.host });
app.log.info({ engine: database.engine, dataDir: config.dataDir }, 'Estate Desk is up');

// ORG-01: every year of the official holiday schedule in every calendar (idempotent); then, QI-05, a
// database from before the monthly KPI rollup gets it counted from its event history, once; AR-04, ID
// numbers stored before sealing are sealed.
const upkeep = loadOfficialYears(database.db)
  .then((changed) => changed && app.log.info({ calendars: changed }, 'official holiday years loaded'))
  .then(() => rebuildKpisIfEmpty(database.db))
  .then(() => sealPlainIdNumbers(database.db, vault))
  .then((sealed) => sealed && app.log.info({ sealed }, 'plain ID numbers sealed'))
  .catch((err) => app.log.error({ err }, 'start-up upkeep failed'));

if (config.seedDemo) {
  // Demo data loads after the server answers, so /api/health is quick; health reports "loading" meanwhile.
  demo = 'loading';
  seedDemo(database.db, { vault })
    .then(async (s) => {
      if (!s) return void (demo = 'ready');
      app.log.info({ units: s.units, customers: s.customers, users: s.users }, 'demo company created');
      // The desk's history replays through the real commands; the page shows a banner until it is done.
      demo = 'history';
      const matters = await seedHistory(database.db, storage, s, { days: config.demoHistoryDays });
      app.log.info({ matters }, 'demo desk history created');
      demo = 'ready';
    })
    .catch((err) => {
      demo = 'failed';
      app.log.error({ err }, 'demo data failed');
    });
}

const stopSweeper = startSweeper(database.db, app.log, Number(process.env.SWEEP_SECONDS ?? 60) * 1000);
const stopArchiveJobs = startArchiveJobs(database.db, app.log);
const stopNoticeJobs = startNoticeJobs(database.db, app.log);

const stop = async () => {
  await Promise.all([stopSweeper(), stopArchiveJobs(), stopNoticeJobs(), upkeep]);
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
