// Test databases start from templates made once per run: migrated and seeded with the small demo.
// PGlite: a dumped data directory loaded per test file. PostgreSQL: CREATE DATABASE … TEMPLATE.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPglite, openPostgres } from '../platform/db';
import { seedDemo } from '../seed/demo';
import { makeVault } from '../platform/vault';

/** AR-04: the fixed archive key of test databases, so the templates' sealed values open in every test. */
export const TEST_ARCHIVE_KEY = Buffer.alloc(32, 7);
/** The archive vault of every test database's demo data (AR-04). */
export const testVault = makeVault(TEST_ARCHIVE_KEY);

export const TEMPLATE_KINDS = ['empty', 'demo'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const pgliteTemplateFile = (kind: TemplateKind) => join(tmpdir(), 'estate-desk-test', `pglite-${kind}.tar`);

export function databaseUrlFor(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export const templateName = (base: string, kind: TemplateKind) => `${new URL(base).pathname.slice(1)}_tpl_${kind}`;

export async function adminQuery(base: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor(base, 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function prepareTemplates(): Promise<void> {
  const base = process.env.DATABASE_URL;
  for (const kind of TEMPLATE_KINDS) {
    if (base) {
      const name = templateName(base, kind);
      await adminQuery(base, `DROP DATABASE IF EXISTS "${name}"`);
      await adminQuery(base, `CREATE DATABASE "${name}"`);
      const db = await openPostgres(databaseUrlFor(base, name), 2);
      if (kind === 'demo') await seedDemo(db.db, { small: true, year: 2026, vault: testVault });
      await db.close();
    } else {
      const db = await openPglite(undefined);
      if (kind === 'demo') await seedDemo(db.db, { small: true, year: 2026, vault: testVault });
      const client = (db.db as unknown as { $client: PGlite }).$client;
      const dump = await client.dumpDataDir('none');
      mkdirSync(join(tmpdir(), 'estate-desk-test'), { recursive: true });
      writeFileSync(pgliteTemplateFile(kind), Buffer.from(await dump.arrayBuffer()));
      await db.close();
    }
  }
}
