// IN-01..IN-05: the desk's cases — whose they are, and which replies are due or late.
import { useState } from 'react';
import { Button, Card, Input, Select, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CASE_STATUSES, CATEGORIES, type TCase } from '../../../../common/desk';
import { qs } from '../../lib/api';
import { LoadMore, useKeysetList } from '../../lib/keyset';
import { ListTable } from '../../lib/ListTable';
import { DeadlineChip, useNow } from '../../lib/deadlines';
import { CaseStatusTag } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { LabeledSwitch } from '../../lib/filters';
import { useDebounced } from '../../lib/useDebounced';

export function CasesPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const now = useNow();
  const [status, setStatus] = useState<string>();
  const [category, setCategory] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const query = qs({ projectId, status, category, overdue: overdue ? '1' : undefined, ownerId: mine ? 'me' : undefined, q });
  const { pages, rows } = useKeysetList<TCase>('cases', '/api/cases', query, !!projectId);
  return (
    <Card
      size="small"
      title={t('ui.nav.cases')}
      extra={
        <Button icon={<DownloadOutlined />} href={`/api/cases/export?${query}`}>
          {t('ui.order.export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear style={{ width: 300 }} placeholder={t('ui.case.free_text')} value={text} onChange={(e) => setText(e.target.value)} />
        <Select allowClear style={{ width: 120 }} placeholder={t('ui.case.status')} value={status} onChange={setStatus} options={CASE_STATUSES.map((s) => ({ value: s, label: t(`ui.caseStatus.${s}`) }))} />
        <Select allowClear style={{ width: 140 }} placeholder={t('ui.case.category')} value={category} onChange={setCategory} options={CATEGORIES.map((s) => ({ value: s, label: t(`ui.category.${s}`) }))} />
        <LabeledSwitch checked={overdue} onChange={setOverdue} label={t('ui.order.overdueOnly')} />
        <LabeledSwitch checked={mine} onChange={setMine} label={t('ui.order.mine')} />
      </Space>
      <ListTable<TCase>
        testId="cases-list"
        rowKey="id"
        size="small"
        loading={pages.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('ui.case.empty') }}
        columns={[
          { title: t('ui.case.number'), dataIndex: 'number', width: 150, card: 'title', render: (v, c) => <Link to={`/cases/${c.id}`}>{v}</Link> },
          { title: t('ui.case.status'), dataIndex: 'status', width: 84, card: 'title', render: (v) => <CaseStatusTag status={v} /> },
          { title: t('ui.case.category'), dataIndex: 'category', width: 96, card: 'title', render: (v) => <Tag>{t(`ui.category.${v}`)}</Tag> },
          { title: t('ui.case.unit'), dataIndex: 'path', width: 160, render: (v) => v ?? '—' },
          { title: t('ui.case.caller'), dataIndex: 'callerName', width: 80 },
          { title: t('ui.case.content'), dataIndex: 'content', ellipsis: { showTitle: true } },
          { title: t('ui.case.owner'), dataIndex: 'ownerName', width: 80 },
          { title: t('ui.case.createdAt'), dataIndex: 'createdAt', width: 136, render: (v) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          {
            title: t('ui.case.replyDue'),
            width: 170,
            render: (_, c) => <DeadlineChip now={now} d={{ kind: 'reply', dueAt: c.replyDueAt, metAt: c.repliedAt, overdue: c.overdue }} />,
          },
        ]}
      />
      <LoadMore pages={pages} />
    </Card>
  );
}
