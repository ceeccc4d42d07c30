// Fresh archive records for tests that write (AR-01..AR-05), in a given project.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import type { Storage } from '../platform/storage';
import { runCommand } from '../platform/audit';
import { openArchiveIn } from '../domains/archives/commands/open-archive';
import { fileDocument } from '../domains/archives/commands/file-document';
import { createChange } from '../domains/archives/commands/change-request';
import { uploadImport } from '../domains/archives/commands/import-batch';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../common/archives';
import { translate } from '../../common/i18n';
import { archives } from '../domains/archives/tables';
import { units } from '../domains/org/tables';
import { principalOf, SIGNATURE } from './desk';
import { testVault } from './templates';

export { testVault };

let pastMonths = 0;
/** WO-11: a different month of the past on every call (1990-01, 1990-02, …), for filing bundles once each. */
export function nextPastMonth(): string {
  const n = pastMonths++;
  return `${1990 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** an import workbook with the template's headers and no rows. */
export async function emptyImportFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('业户资料').addRow(IMPORT_COLUMNS.map((c) => translate('zh-CN', `archive.import.columns.${c}`)));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export function archiveFixtures(db: Db, storage: Storage, key: string, projectId: string) {
  const fx = {
    /** An open owner archive of the project (the demo has one for every owner). */
    async archive() {
      const [a] = await db.select().from(archives).where(and(eq(archives.projectId, projectId), eq(archives.kind, 'owner'), isNull(archives.retiredAt))).orderBy(archives.createdAt).limit(1);
      return a;
    },
    async unitWithoutDecoration() {
      const [u] = await db
        .select()
        .from(units)
        .where(and(eq(units.projectId, projectId), sql`not exists (select 1 from archives a where a.unit_id = ${units.id} and a.kind = 'decoration' and a.retired_at is null)`))
        .limit(1);
      return u;
    },
    /** A decoration archive opened just now by the project's housekeeper. */
    async freshArchive() {
      const keeper = await principalOf(db, `${key}-keeper`);
      const u = await fx.unitWithoutDecoration();
      return runCommand(db, keeper, (ctx) => openArchiveIn(ctx, { projectId, unitId: u.id, kind: 'decoration', keysHeld: false, viaAgent: false, cabinet: 'C柜-01' }));
    },
    /** A scanned document (a PNG) filed on a fresh archive. */
    async archiveDocument() {
      const a = await fx.freshArchive();
      const keeper = await principalOf(db, `${key}-keeper`);
      const detail = await fileDocument(db, keeper, { storage, vault: testVault }, a.id, { itemCode: 'application', form: 'file', name: '装修申请表.png', data: SIGNATURE, cabinet: '' });
      return detail.checklist.flatMap((i) => i.documents)[0];
    },
    /** a checked import of a file with headers only, waiting for its commit. */
    async importBatch() {
      return uploadImport(db, await principalOf(db, `${key}-super`), { storage, vault: testVault }, { projectId, name: '业户资料.xlsx', data: await emptyImportFile() });
    },
    /** AR-03: an open change request of an owner's phone, raised by the clerk. */
    async changeRequest() {
      const a = await fx.archive();
      return createChange(db, await principalOf(db, `${key}-clerk`), testVault, { archiveId: a.id, reason: '客户更换手机号码', phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` });
    },
  };
  return fx;
}
