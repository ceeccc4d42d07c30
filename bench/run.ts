// `npm run bench [write|big|start …]`: runs the benchmarks and prints their figures; JSON goes to
// bench/results/. DATABASE_URL runs them on PostgreSQL, otherwise on PGlite. Never part of CI.
import { benchBig } from './big';
import { machine } from './lib';
import { benchStart } from './start';
import { benchWrite } from './write';
import { benchImport } from './import';

const all: Record<string, () => Promise<void>> = { start: benchStart, write: benchWrite, big: benchBig, import: benchImport };
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(all);
console.log(`Estate Desk benchmarks on ${machine()}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}: ${chosen.join(', ')}`);
for (const name of chosen) {
  if (!all[name]) throw new Error(`unknown benchmark ${name}; choose from ${Object.keys(all).join(', ')}`);
  await all[name]();
}
process.exit(0);
