// The unit's history at the desk: its repairs, paid services and complaints, newest first (issue 18).
import { Card, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TComplaint } from '../../../../common/complaints';
import type { TWorkOrder } from '../../../../common/desk';
import { api, qs } from '../../lib/api';
import { WoStatusTag } from '../../lib/labels';
import { ListTable, type ListColumn } from '../../lib/ListTable';
import { useSession } from '../../lib/session';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function UnitMatters({ unitId, projectId }: { unitId: string; projectId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = qs({ projectId, unitId, limit: 100 });
  const orders = useQuery({ queryKey: ['orders', 'unit', unitId], queryFn: () => api.get<{ items: TWorkOrder[] }>(`/api/work-orders?${query}`), enabled: can('wo.read', projectId) });
  const complaints = useQuery({ queryKey: ['complaints', 'unit', unitId], queryFn: () => api.get<{ items: TComplaint[] }>(`/api/complaints?${query}`), enabled: can('case.read', projectId) });
  const orderColumns: ListColumn<TWorkOrder>[] = [
    { title: t('ui.daily.unitHistory.number'), dataIndex: 'number', width: 160, card: 'title', render: (v, o) => <Link to={`/orders/${o.id}`}>{v}</Link> },
    { title: t('ui.daily.unitHistory.status'), dataIndex: 'status', width: 90, card: 'title', render: (v) => <WoStatusTag status={v} /> },
    { title: t('ui.daily.unitHistory.at'), dataIndex: 'reportedAt', width: 140, render: when },
    { title: t('ui.daily.unitHistory.content'), dataIndex: 'description', ellipsis: { showTitle: true } },
    { title: t('ui.order.assignee'), dataIndex: 'assigneeName', width: 90, render: (v) => v ?? '—' },
  ];
  const table = (rows: TWorkOrder[] | undefined, loading: boolean, testId: string) => (
    <ListTable<TWorkOrder> testId={testId} rowKey="id" size="small" pagination={false} loading={loading} dataSource={rows ?? []} locale={{ emptyText: t('ui.daily.unitHistory.empty') }} columns={orderColumns} />
  );
  const repairs = orders.data?.items.filter((o) => !o.paid);
  const paid = orders.data?.items.filter((o) => o.paid);
  const items = [
    can('wo.read', projectId) && { key: 'orders', label: `${t('ui.daily.unitHistory.orders')} ${repairs?.length ?? ''}`, children: table(repairs, orders.isPending, 'unit-orders') },
    can('wo.read', projectId) && { key: 'paid', label: `${t('ui.daily.unitHistory.paid')} ${paid?.length ?? ''}`, children: table(paid, orders.isPending, 'unit-paid') },
    can('case.read', projectId) && {
      key: 'complaints',
      label: `${t('ui.daily.unitHistory.complaints')} ${complaints.data?.items.length ?? ''}`,
      children: (
        <ListTable<TComplaint>
          testId="unit-complaints"
          rowKey="id"
          size="small"
          pagination={false}
          loading={complaints.isPending}
          dataSource={complaints.data?.items ?? []}
          locale={{ emptyText: t('ui.daily.unitHistory.empty') }}
          columns={[
            { title: t('ui.daily.unitHistory.number'), dataIndex: 'caseNumber', width: 160, card: 'title', render: (v, k) => <Link to={`/complaints/${k.id}`}>{v}</Link> },
            { title: t('ui.daily.unitHistory.status'), dataIndex: 'status', width: 110, card: 'title', render: (v) => <Tag>{t(`ui.complaintStatus.${v}`)}</Tag> },
            { title: t('ui.daily.unitHistory.at'), dataIndex: 'createdAt', width: 140, render: when },
            { title: t('ui.complaint.type'), dataIndex: 'type', width: 100, render: (v) => t(`ui.complaintType.${v}`) },
            { title: t('ui.daily.unitHistory.content'), dataIndex: 'content', ellipsis: { showTitle: true } },
          ]}
        />
      ),
    },
  ].filter((i) => i !== false);
  if (!items.length) return null;
  return (
    <Card size="small" title={t('ui.daily.unitHistory.title')} style={{ marginTop: 20 }} data-testid="unit-matters">
      <Tabs size="small" items={items} />
    </Card>
  );
}
