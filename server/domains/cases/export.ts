// the case list (来电来访记录) as an Excel workbook, with the page's filters and scope.
import type * as z from 'zod';
import { translate } from '../../../common/i18n';
import type { TCase, ZCaseListQuery } from '../../../common/desk';
import type { DbOrTx } from '../../platform/db';
import { cellTime, exportWorkbook } from '../../platform/excel';
import type { Principal } from '../../platform/policy';
import { listCases } from './queries';

export async function exportCases(db: DbOrTx, p: Principal, q: z.infer<typeof ZCaseListQuery>, timeZone: string) {
  const t = (k: string) => translate(p.locale, k);
  const time = (iso: string | null) => cellTime(iso, p.locale, timeZone);
  const bytes = await exportWorkbook<TCase>(
    t('ui.nav.cases'),
    [
      { header: t('ui.case.number'), width: 18, value: (c) => c.number },
      { header: t('ui.case.createdAt'), width: 18, value: (c) => time(c.createdAt) },
      { header: t('ui.case.channel'), width: 10, value: (c) => t(`ui.channel.${c.channel}`) },
      { header: t('ui.case.category'), width: 10, value: (c) => t(`ui.category.${c.category}`) },
      { header: t('ui.case.unit'), width: 22, value: (c) => c.path },
      { header: t('ui.case.caller'), width: 10, value: (c) => c.callerName },
      { header: t('ui.case.phone'), width: 14, value: (c) => c.callerPhone },
      { header: t('ui.case.content'), width: 40, value: (c) => c.content },
      { header: t('ui.case.owner'), width: 10, value: (c) => c.ownerName },
      { header: t('ui.case.status'), width: 10, value: (c) => t(`ui.caseStatus.${c.status}`) },
      { header: t('ui.case.reply'), width: 40, value: (c) => c.reply },
      { header: t('ui.case.replyDue'), width: 18, value: (c) => time(c.replyDueAt) },
    ],
    (cursor) => listCases(db, p, { ...q, limit: 200, cursor }),
  );
  return { name: `${t('ui.nav.cases')}.xlsx`, bytes };
}
