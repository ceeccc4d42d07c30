// CP-02: the month's flags — what must never happen, detected by the system, with the cases involved.
import { useState } from 'react';
import { Card, DatePicker, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import * as z from 'zod';
import { FLAG_KINDS, type TFlag, type ZFlagList } from '../../../../common/complaints';
import { api, qs } from '../../lib/api';
import { useSession } from '../../lib/session';

export function FlagsPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [month, setMonth] = useState(dayjs());
  const [kind, setKind] = useState<string>();
  const query = qs({ projectId, month: month.format('YYYY-MM') });
  const q = useQuery({ queryKey: ['flags', query], queryFn: () => api.get<z.infer<typeof ZFlagList>>(`/api/flags?${query}`), enabled: !!projectId });
  const items = (q.data?.items ?? []).filter((f) => !kind || f.kind === kind);
  return (
    <Card size="small" title={t('ui.flags.title')} extra={<DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />}>
      <Space wrap style={{ marginBottom: 12 }}>
        {FLAG_KINDS.map((k) => (
          <Tag.CheckableTag key={k} checked={kind === k} onChange={(on) => setKind(on ? k : undefined)}>
            {t(`ui.flagKind.${k}`)} {q.data?.counts[k] ?? 0}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Table<TFlag>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('ui.flags.empty') }}
        columns={[
          { title: t('ui.flags.kind'), dataIndex: 'kind', width: 190, render: (v) => <Tag color="volcano">{t(`ui.flagKind.${v}`)}</Tag> },
          { title: t('ui.flags.case'), dataIndex: 'caseNumber', width: 150, render: (v, f) => <Link to={f.complaintId ? `/complaints/${f.complaintId}` : `/cases/${f.caseId}`}>{v}</Link> },
          { title: t('ui.case.category'), dataIndex: 'category', width: 100, render: (v) => t(`ui.category.${v}`) },
          { title: t('ui.case.unit'), dataIndex: 'path', width: 170, render: (v) => v ?? '—' },
          { title: t('ui.flags.related'), dataIndex: 'relatedCaseNumber', width: 150, render: (v, f) => (f.relatedCaseId ? <Link to={`/cases/${f.relatedCaseId}`}>{v}</Link> : '—') },
          // CP-02: a flag always says why — the rule it broke, then whatever the person who raised it wrote.
          { title: t('ui.flags.note'), dataIndex: 'note', ellipsis: { showTitle: true }, render: (v: string, f) => [t(`ui.daily.flagWhy.${f.kind}`, { related: f.relatedCaseNumber ?? '' }), v].filter(Boolean).join('；') },
          { title: t('ui.flags.raisedAt'), dataIndex: 'raisedAt', width: 120, render: (v) => dayjs(v).format('MM-DD HH:mm') },
        ]}
      />
    </Card>
  );
}
