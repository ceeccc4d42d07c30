import { prepareTemplates } from '../server/test/templates';

await prepareTemplates();
console.log(`test templates ready on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
process.exit(0);
