// WO-02: the dispatch board of a department — orders to dispatch today, in work and on hold.
import { useState } from 'react';
import { Card, Col, Empty, Grid, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TWoStatus, TWorkOrder } from '../../../../common/desk';
import { api, qs } from '../../lib/api';
import { DeadlineChips } from '../../lib/deadlines';
import { useSession } from '../../lib/session';
import { OrderActions } from './OrderActions';

const COLUMNS: { key: string; statuses: TWoStatus[] }[] = [
  { key: 'unassigned', statuses: ['reported'] },
  { key: 'inWork', statuses: ['dispatched', 'accepted', 'in_progress'] },
  { key: 'onHold', statuses: ['on_hold'] },
];

export function DispatchPage() {
  const { t } = useTranslation();
  const { projectId, me } = useSession();
  const [department, setDepartment] = useState('engineering');
  const board = useQuery({
    queryKey: ['orders', 'board', projectId, department],
    queryFn: () =>
      api.get<{ items: TWorkOrder[] }>(`/api/work-orders?${qs({ projectId, department, limit: 200 })}${COLUMNS.flatMap((c) => c.statuses).map((s) => `&status=${s}`).join('')}`),
    enabled: !!projectId,
    refetchInterval: 30_000,
  });
  const items = board.data?.items ?? [];
  // On a phone the department switch goes under the title, which it would otherwise squeeze to "派…".
  const phone = !(Grid.useBreakpoint().md ?? true);
  const departments = (
    <Segmented
      value={department}
      onChange={(v) => setDepartment(String(v))}
      options={['engineering', 'environment', 'security'].map((d) => ({ value: d, label: t(`ui.department.${d}`) }))}
    />
  );
  return (
    <Card
      size="small"
      title={t('ui.dispatch.title')}
      extra={!phone && departments}
      loading={board.isPending}
    >
      {phone && <div style={{ marginBottom: 12 }}>{departments}</div>}
      <Row gutter={12}>
        {COLUMNS.map((col) => {
          const cards = items.filter((o) => col.statuses.includes(o.status));
          return (
            <Col key={col.key} xs={24} md={8}>
              <Typography.Title level={5}>
                {t(`ui.dispatch.${col.key}`)} <Tag>{cards.length}</Tag>
              </Typography.Title>
              {!cards.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
              <Space direction="vertical" style={{ width: '100%' }}>
                {cards.map((o) => (
                  <Card key={o.id} size="small" data-testid={`board-${o.number}`}>
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <Space>
                        <Link to={`/orders/${o.id}`}>{o.number}</Link>
                        {o.priority === 'emergency' && <Tag color="red">{t('ui.priority.emergency')}</Tag>}
                        <Tag>{t(`ui.woStatus.${o.status}`)}</Tag>
                      </Space>
                      <Typography.Text strong>{o.location}</Typography.Text>
                      <Typography.Text>{o.description}</Typography.Text>
                      {o.assigneeName && <Typography.Text type="secondary">{t('ui.order.assignee')}：{o.assigneeName}</Typography.Text>}
                      <DeadlineChips deadlines={o.deadlines} />
                      {me && <OrderActions order={o} />}
                    </Space>
                  </Card>
                ))}
              </Space>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
