// WO-03, WO-05: the technician's phone — my orders, accept, start, complete with the customer's signature.
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TWorkOrder } from '../../../../common/desk';
import { api, qs } from '../../lib/api';
import { DeadlineChips } from '../../lib/deadlines';
import { WoStatusTag } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { OrderActions } from './OrderActions';

const ACTIVE = ['dispatched', 'accepted', 'in_progress', 'on_hold', 'completed'];

export function MyOrdersPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const mine = useQuery({
    queryKey: ['orders', 'mine', projectId],
    queryFn: () => api.get<{ items: TWorkOrder[] }>(`/api/work-orders?${qs({ projectId, assigneeId: 'me', limit: 100 })}${ACTIVE.map((s) => `&status=${s}`).join('')}`),
    enabled: !!projectId,
    refetchInterval: 30_000,
  });
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4}>{t('ui.my.title')}</Typography.Title>
      {mine.data && !mine.data.items.length && <Empty description={t('ui.my.empty')} />}
      <List
        loading={mine.isPending}
        dataSource={mine.data?.items ?? []}
        renderItem={(o) => (
          <Card key={o.id} size="small" style={{ marginBottom: 12 }} data-testid={`my-${o.number}`}>
            <Space direction="vertical" size={6} style={{ width: '100%' }}>
              <Space>
                <Link to={`/orders/${o.id}`}>{o.number}</Link>
                <WoStatusTag status={o.status} />
                {o.priority === 'emergency' && <Tag color="red">{t('ui.priority.emergency')}</Tag>}
              </Space>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {o.location}
              </Typography.Text>
              <Typography.Text>{o.description}</Typography.Text>
              <Typography.Text type="secondary">
                {/* AR-04: the list masks the number; the order's page shows it whole, to call */}
                {o.customerName} {o.customerPhone}
              </Typography.Text>
              <DeadlineChips deadlines={o.deadlines} />
              <OrderActions order={o} size="large" />
            </Space>
          </Card>
        )}
      />
    </div>
  );
}
