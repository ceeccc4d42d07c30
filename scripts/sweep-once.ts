// One overdue sweep against DATABASE_URL at the instant given in argv, printing what it claimed —
// used by the test that runs two sweeper processes at once.
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../server/schema';
import type { Db } from '../server/platform/db';
import { sweepOverdue } from '../server/domains/deadlines/jobs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const result = await sweepOverdue(drizzle(pool, { schema }) as unknown as Db, new Date(process.argv[2]));
console.log(JSON.stringify(result));
await pool.end();
