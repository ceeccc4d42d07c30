// Starts Estate Desk: settings, database (migrated), the demo company on an empty database, HTTP.
import { buildApp } from './app';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db';
import { seedDemo } from './seed/demo';
import { startSweeper } from './domains/deadlines/jobs';

const config = loadConfig();
const database = await openDatabase(config);
let demo = 'ready';
const { app } = await buildApp(database.db, config, { demoStatus: () => demo });
await app.listen({ port: config.port, host: config.host });
app.log.info({ engine: database.engine, dataDir: config.dataDir }, 'Estate Desk is up');

if (config.seedDemo) {
  // Demo data loads after the server answers, so /api/health is quick; health reports "loading" meanwhile.
  demo = 'loading';
  seedDemo(database.db)
    .then((s) => {
      demo = 'ready';
      if (s) app.log.info({ units: s.units, customers: s.customers, users: s.users }, 'demo company created');
    })
    .catch((err) => {
      demo = 'failed';
      app.log.error({ err }, 'demo data failed');
    });
}

const stopSweeper = startSweeper(database.db, app.log, Number(process.env.SWEEP_SECONDS ?? 60) * 1000);

const stop = async () => {
  stopSweeper();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
