// `npm run backup [FILE]`: one file with the database and every stored file (AR-05). On PGlite stop the
// server first; on PostgreSQL it runs beside the server.
import { join } from 'node:path';
import { backup } from '../server/platform/backup';
import { loadConfig } from '../server/platform/config';

const config = loadConfig();
const file = process.argv[2] ?? join(config.dataDir, 'backups', `estate-desk-${new Date().toISOString().replace(/[:.]/g, '-')}.backup`);
const m = await backup({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }, file);
console.log(`backup written: ${file} (${m.engine}, database ${m.database.size} bytes, ${m.files.length} files)`);
