// WO-10: the work-order list — the front-desk log, the duty log and the engineering view are filters of it.
import { useState } from 'react';
import { Button, Card, DatePicker, Input, Segmented, Select, Space, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { TRADES, WO_STATUSES, type TWorkOrder } from '../../../../common/desk';
import { qs } from '../../lib/api';
import { LoadMore, useKeysetList } from '../../lib/keyset';
import { ListTable } from '../../lib/ListTable';
import { DeadlineChips } from '../../lib/deadlines';
import { WoStatusTag } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { LabeledSwitch } from '../../lib/filters';
import { useDebounced } from '../../lib/useDebounced';

export function OrdersPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [status, setStatus] = useState<string[]>([]);
  const [trade, setTrade] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [text, setText] = useState('');
  const [department, setDepartment] = useState<string>();
  // WO-10: the front-desk log, the duty log and the engineering slip are views of the same orders.
  const views: Record<string, () => void> = {
    desk: () => {
      setDepartment(undefined);
      setRange(null);
    },
    duty: () => {
      setDepartment(undefined);
      setRange([dayjs().subtract(1, 'day'), dayjs()]);
    },
    engineering: () => {
      setDepartment('engineering');
      setRange(null);
    },
  };
  const q = useDebounced(text.trim());
  const filters = {
    projectId,
    trade,
    department,
    overdue: overdue ? '1' : undefined,
    assigneeId: mine ? 'me' : undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    q,
  };
  const query = qs(filters) + status.map((s) => `&status=${s}`).join('');
  const { pages, rows } = useKeysetList<TWorkOrder>('orders', '/api/work-orders', query, !!projectId);
  return (
    <Card
      size="small"
      title={t('ui.nav.orders')}
      extra={
        <Button icon={<DownloadOutlined />} href={`/api/work-orders/export?${query}`}>
          {t('ui.order.export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          defaultValue="desk"
          onChange={(v) => views[String(v)]()}
          options={Object.keys(views).map((v) => ({ value: v, label: t(`ui.order.view.${v}`) }))}
        />
        <Input.Search allowClear style={{ width: 280 }} placeholder={t('ui.order.free_text')} value={text} onChange={(e) => setText(e.target.value)} />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('ui.order.status')}
          value={status}
          onChange={setStatus}
          options={WO_STATUSES.map((s) => ({ value: s, label: t(`ui.woStatus.${s}`) }))}
        />
        <Select allowClear style={{ width: 120 }} placeholder={t('ui.order.trade')} value={trade} onChange={setTrade} options={TRADES.map((s) => ({ value: s, label: t(`ui.trade.${s}`) }))} />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
        <LabeledSwitch checked={overdue} onChange={setOverdue} label={t('ui.order.overdueOnly')} />
        <LabeledSwitch checked={mine} onChange={setMine} label={t('ui.order.mine')} />
      </Space>
      <ListTable<TWorkOrder>
        testId="orders-list"
        rowKey="id"
        size="small"
        loading={pages.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('ui.order.empty') }}
        columns={[
          {
            title: t('ui.order.number'),
            dataIndex: 'number',
            width: 160,
            card: 'title',
            render: (v, o) => (
              <Space size={4} wrap>
                <Link to={`/orders/${o.id}`}>{v}</Link>
                {o.priority === 'emergency' && <Tag color="red">{t('ui.priority.emergency')}</Tag>}
              </Space>
            ),
          },
          { title: t('ui.order.status'), dataIndex: 'status', width: 84, card: 'title', render: (v) => <WoStatusTag status={v} /> },
          { title: t('ui.order.trade'), dataIndex: 'trade', width: 64, render: (v) => t(`ui.trade.${v}`) },
          { title: t('ui.order.location'), dataIndex: 'location', width: 160 },
          { title: t('ui.order.description'), dataIndex: 'description', ellipsis: { showTitle: true } },
          { title: t('ui.order.assignee'), dataIndex: 'assigneeName', width: 76, render: (v) => v ?? '—' },
          { title: t('ui.order.reportedAt'), dataIndex: 'reportedAt', width: 136, render: (v) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: t('ui.order.deadlines'), dataIndex: 'deadlines', width: 200, render: (v) => <DeadlineChips deadlines={v} /> },
        ]}
      />
      <LoadMore pages={pages} />
    </Card>
  );
}
