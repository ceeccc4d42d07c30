// CP-01..CP-04: the project's complaints — type, severity, company-level, the handler and what is due.
import { useState } from 'react';
import { Button, Card, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { COMPLAINT_STATUSES, COMPLAINT_TYPES, type TComplaint } from '../../../../common/complaints';
import { qs } from '../../lib/api';
import { DeadlineChips } from '../../lib/deadlines';
import { LabeledSwitch } from '../../lib/filters';
import { LoadMore, useKeysetList } from '../../lib/keyset';
import { ListTable } from '../../lib/ListTable';
import { useSession } from '../../lib/session';
import { ComplaintTags } from './ComplaintTags';

export function ComplaintsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const [status, setStatus] = useState<string>();
  const [type, setType] = useState<string>();
  const [major, setMajor] = useState(false);
  const [company, setCompany] = useState(false);
  const query = qs({ projectId, status, type, major: major ? '1' : undefined, companyLevel: company ? '1' : undefined });
  const { pages, rows } = useKeysetList<TComplaint>('complaints', '/api/complaints', query, !!projectId);
  return (
    <Card
      size="small"
      title={t('ui.complaint.title')}
      extra={
        can('case.create') && (
          <Link to="/desk?category=complaint">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('ui.complaint.register')}
            </Button>
          </Link>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear style={{ width: 140 }} placeholder={t('ui.case.status')} value={status} onChange={setStatus} options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`ui.complaintStatus.${s}`) }))} />
        <Select allowClear style={{ width: 140 }} placeholder={t('ui.complaint.type')} value={type} onChange={setType} options={COMPLAINT_TYPES.map((s) => ({ value: s, label: t(`ui.complaintType.${s}`) }))} />
        <LabeledSwitch checked={major} onChange={setMajor} label={t('ui.complaint.onlyMajor')} />
        <LabeledSwitch checked={company} onChange={setCompany} label={t('ui.complaint.onlyCompany')} />
      </Space>
      <ListTable<TComplaint>
        testId="complaints-list"
        rowKey="id"
        size="small"
        loading={pages.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('ui.complaint.empty') }}
        columns={[
          { title: t('ui.case.number'), dataIndex: 'caseNumber', width: 150, card: 'title', render: (v, k) => <Link to={`/complaints/${k.id}`}>{v}</Link> },
          { title: t('ui.case.status'), dataIndex: 'status', width: 100, card: 'title', render: (v) => <Tag color={v === 'closed' ? 'green' : v === 'resolved' ? 'blue' : 'gold'}>{t(`ui.complaintStatus.${v}`)}</Tag> },
          { title: t('ui.complaint.type'), width: 170, render: (_, k) => <ComplaintTags k={k} /> },
          { title: t('ui.case.unit'), dataIndex: 'path', width: 150, render: (v) => v ?? '—' },
          { title: t('ui.complaint.content'), dataIndex: 'content', ellipsis: { showTitle: true } },
          { title: t('ui.complaint.handler'), dataIndex: 'handlerName', width: 76, render: (v) => v ?? '—' },
          { title: t('ui.order.deadlines'), width: 180, render: (_, k) => <DeadlineChips deadlines={k.deadlines} /> },
          { title: t('ui.complaint.createdAt'), dataIndex: 'createdAt', width: 136, render: (v) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        ]}
      />
      <LoadMore pages={pages} />
    </Card>
  );
}
