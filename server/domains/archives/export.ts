// X-05, AR-04: the archive list as an Excel workbook — masked like the list, and logged as an export.
import type * as z from 'zod';
import { translate } from '../../../common/i18n';
import type { TArchiveSummary, ZArchiveListQuery } from '../../../common/archives';
import { runCommand } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { cellTime, exportWorkbook } from '../../platform/excel';
import type { Principal } from '../../platform/policy';
import type { Vault } from '../../platform/vault';
import { projectTimezone } from '../org/queries';
import { logAccess, type Origin } from './access-log';
import { authorizeArchive } from './policy';
import { listArchives } from './queries';

export async function exportArchives(db: Db, p: Principal, vault: Vault, q: z.infer<typeof ZArchiveListQuery>, origin: Origin) {
  authorizeArchive(p, 'archive.export', q.projectId);
  const t = (k: string) => translate(p.locale, k);
  const timeZone = await projectTimezone(db, q.projectId);
  const bytes = await exportWorkbook<TArchiveSummary>(
    t('archive.title'),
    [
      { header: t('archive.path'), width: 22, value: (a) => a.path },
      { header: t('archive.kind'), width: 10, value: (a) => t(`archive.kinds.${a.kind}`) },
      { header: t('archive.customer'), width: 16, value: (a) => a.customerName },
      { header: t('archive.phone'), width: 14, value: (a) => a.phone },
      { header: t('archive.idNumber'), width: 22, value: (a) => a.idNumber },
      { header: t('archive.openedOn'), width: 12, value: (a) => a.openedOn },
      { header: t('archive.dueAt'), width: 18, value: (a) => cellTime(a.dueAt, p.locale, timeZone) },
      { header: t('archive.required'), width: 8, value: (a) => a.requiredCount },
      { header: t('archive.missing'), width: 8, value: (a) => a.missingCount },
      { header: t('archive.overdue'), width: 8, value: (a) => (a.overdue ? t('archive.yes') : '') },
    ],
    (cursor) => listArchives(db, p, vault, { ...q, limit: 200, cursor }),
  );
  await runCommand(db, p, (ctx) => logAccess(ctx.tx, p, { projectId: q.projectId, action: 'export', entity: 'archive_list', entityId: null, label: t('archive.title') }, origin, ctx.now));
  return { name: `${t('archive.title')}.xlsx`, bytes };
}
