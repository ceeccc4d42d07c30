// one 10,000-row import (5,000 new units, each with an owner and a tenant) checked and committed
// in one go, in-process on a fresh database with the small demo company.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../common/archives';
import { translate } from '../common/i18n';
import { openPglite, openPostgres } from '../server/platform/db';
import { localStorage } from '../server/platform/storage';
import { makeVault } from '../server/platform/vault';
import { seedDemo } from '../server/seed/demo';
import { principalOf } from '../server/test/desk';
import { areas, buildings, projects } from '../server/domains/org/tables';
import { commitImport, uploadImport } from '../server/domains/archives/commands/import-batch';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engine, freshDatabase, ms, report } from './lib';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

export async function benchImport() {
  const database = engine === 'postgres' ? await openPostgres(await freshDatabase('bench_import')) : await openPglite(undefined);
  const vault = makeVault(Buffer.alloc(32, 1));
  await seedDemo(database.db, { small: true, vault });
  const files = mkdtempSync(join(tmpdir(), 'estate-desk-bench-import-'));
  const [project] = await database.db.select().from(projects).where(eq(projects.code, 'CHY'));
  const bs = await database.db.select({ area: areas.name, building: buildings.name, floors: buildings.floors }).from(buildings).innerJoin(areas, eq(areas.id, buildings.areaId)).where(eq(buildings.projectId, project.id));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('业户资料');
  ws.addRow(IMPORT_COLUMNS.map((c) => translate('zh-CN', `archive.import.columns.${c}`)));
  for (let i = 0; i < ROWS / 2; i++) {
    const b = bs[i % bs.length];
    const floor = 1 + (i % b.floors);
    const unit = [b.area, b.building, floor, `N${String(i).padStart(5, '0')}`, '住宅', 90, '2025-01-01'];
    ws.addRow([...unit, '业主', '个人', `业主${i}`, `137${String(i).padStart(8, '0')}`, '', '2025-01-01']);
    ws.addRow([...unit, '租户', '个人', `租户${i}`, `136${String(i).padStart(8, '0')}`, '', '2025-06-01']);
  }
  const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const p = await principalOf(database.db, 'ch-super');
  const deps = { storage: localStorage(files), vault };
  let t = performance.now();
  const preview = await uploadImport(database.db, p, deps, { projectId: project.id, name: 'bench.xlsx', data });
  const checkMs = performance.now() - t;
  if (preview.problemCount) throw new Error(`bench file has problems: ${JSON.stringify(preview.problems.slice(0, 3))}`);
  t = performance.now();
  const result = await commitImport(database.db, p, deps, preview.id, preview.version);
  const commitMs = performance.now() - t;
  t = performance.now();
  const again = await uploadImport(database.db, p, deps, { projectId: project.id, name: 'bench.xlsx', data });
  const recheckMs = performance.now() - t;
  report('import', [
    { step: `upload and check ${ROWS} rows (parse, plan, problems)`, ms: ms(checkMs) },
    { step: `commit: ${result.units} units, ${result.owners + result.tenants} customers and links, ${result.archives} archives in one transaction`, ms: ms(commitMs) },
    { step: `the same file again (all ${again.counts.unchanged} rows unchanged)`, ms: ms(recheckMs) },
    { step: 'total, upload to committed', ms: ms(checkMs + commitMs) },
  ]);
  await database.close();
  rmSync(files, { recursive: true, force: true });
}
