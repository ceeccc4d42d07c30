// PS-02..PS-06: the desk's paid-service register — each order's stage, fee, receipt and notice copies.
import { formatYuan } from '../../../../common/money';
import { useState } from 'react';
import { Button, Card, Input, Segmented, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TPaidOrder } from '../../../../common/paid';
import { qs } from '../../lib/api';
import { LoadMore, useKeysetList } from '../../lib/keyset';
import { ListTable } from '../../lib/ListTable';
import { WoStatusTag } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { useDebounced } from '../../lib/useDebounced';
import { CopyTags } from './PaidPanel';

const STAGES = ['unagreed', 'open', 'unpaid', 'paid', 'closed'] as const;

export function PaidOrdersPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const [stage, setStage] = useState<string>('all');
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const query = qs({ projectId, stage: stage === 'all' ? undefined : stage, q });
  const { pages, rows } = useKeysetList<TPaidOrder>('paidOrders', '/api/paid-orders', query, !!projectId);
  return (
    <Card
      size="small"
      title={t('ui.paid.title')}
      extra={
        can('paid.register') && (
          <Link to="/desk?category=paid_service">
            <Button type="primary" icon={<PlusOutlined />} data-testid="paid-register">
              {t('ui.paid.register')}
            </Button>
          </Link>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={stage} onChange={(v) => setStage(String(v))} options={[{ value: 'all', label: t('ui.paid.stageAll') }, ...STAGES.map((s) => ({ value: s, label: t(`ui.paidStage.${s}`) }))]} />
        <Input.Search allowClear style={{ width: 280 }} placeholder={t('ui.paid.search')} value={text} onChange={(e) => setText(e.target.value)} />
      </Space>
      <ListTable<TPaidOrder>
        testId="paid-list"
        rowKey="orderId"
        size="small"
        loading={pages.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('ui.paid.empty') }}
        scroll={{ x: 1200 }}
        columns={[
          { title: t('ui.order.number'), dataIndex: 'orderNumber', width: 150, card: 'title', render: (v, p) => <Link to={`/orders/${p.orderId}`}>{v}</Link> },
          { title: t('ui.order.status'), dataIndex: 'status', width: 90, card: 'title', render: (v) => <WoStatusTag status={v} /> },
          { title: t('ui.order.location'), dataIndex: 'location', width: 170 },
          { title: t('ui.order.customer'), width: 150, render: (_, p) => `${p.customerName} ${p.customerPhone}` },
          { title: t('ui.paid.item'), dataIndex: 'itemName', ellipsis: true },
          {
            title: t('ui.paid.fee'),
            dataIndex: 'fee',
            width: 150,
            render: (v: number, p) => (
              <Space size={4}>
                <Typography.Text strong>{formatYuan(v)}</Typography.Text>
                {!p.agreedAt && <Tag color="red">{t('ui.paidStage.unagreed')}</Tag>}
              </Space>
            ),
          },
          { title: t('ui.paid.receipt'), width: 150, render: (_, p) => p.receipts.find((r) => !r.voidedAt)?.number ?? '—' },
          { title: t('ui.paid.copies'), width: 300, render: (_, p) => <CopyTags copies={p.copies} /> },
          { title: t('ui.paid.registeredAt'), dataIndex: 'registeredAt', width: 136, render: (v) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      <LoadMore pages={pages} />
    </Card>
  );
}
