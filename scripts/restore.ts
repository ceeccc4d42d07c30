// `npm run restore FILE`: brings a backup back into an empty DATA_DIR or an empty DATABASE_URL database (AR-05).
import { restore, RestoreRefused } from '../server/platform/backup';
import { loadConfig } from '../server/platform/config';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run restore FILE');
  process.exit(2);
}
const config = loadConfig();
try {
  const m = await restore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }, file);
  console.log(`restored ${file}: ${m.engine} database of ${m.createdAt}, ${m.files.length} files`);
} catch (err) {
  if (!(err instanceof RestoreRefused)) throw err;
  console.error(`restore refused: ${err.message}`);
  process.exit(1);
}
