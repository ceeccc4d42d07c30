// the order list as an Excel workbook, with the same filters and scope as the page.
import { translate } from '../../../common/i18n';
import type { TWorkOrder, TWorkOrderListQuery } from '../../../common/desk';
import type { DbOrTx } from '../../platform/db';
import { cellTime, exportWorkbook } from '../../platform/excel';
import type { Principal } from '../../platform/policy';
import { listOrders } from './queries';

export async function exportOrders(db: DbOrTx, p: Principal, q: TWorkOrderListQuery, timeZone: string) {
  const t = (k: string) => translate(p.locale, k);
  const time = (iso: string | null) => cellTime(iso, p.locale, timeZone);
  const bytes = await exportWorkbook<TWorkOrder>(
    t('ui.nav.orders'),
    [
      { header: t('ui.order.number'), width: 18, value: (o) => o.number },
      { header: t('ui.order.status'), width: 10, value: (o) => t(`ui.woStatus.${o.status}`) },
      { header: t('ui.order.trade'), width: 10, value: (o) => t(`ui.trade.${o.trade}`) },
      { header: t('ui.order.location'), width: 24, value: (o) => o.location },
      { header: t('ui.order.description'), width: 40, value: (o) => o.description },
      { header: t('ui.order.customer'), width: 12, value: (o) => o.customerName },
      { header: t('ui.order.assignee'), width: 10, value: (o) => o.assigneeName },
      { header: t('ui.order.reportedAt'), width: 18, value: (o) => time(o.reportedAt) },
      { header: t('ui.order.completedAt'), width: 18, value: (o) => time(o.completedAt) },
    ],
    (cursor) => listOrders(db, p, { ...q, limit: 200, cursor }),
  );
  return { name: `${t('ui.nav.orders')}.xlsx`, bytes };
}
