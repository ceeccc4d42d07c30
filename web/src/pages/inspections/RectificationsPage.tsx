// QI-04: rectification items of the projects the reader holds, filtered by project, state and overdue;
// the project manager lands on his project's open items.
import { useState } from 'react';
import { Card, Checkbox, Select, Space, Tag } from 'antd';
import { ListTable } from '../../lib/ListTable';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type * as z from 'zod';
import { RECTIFICATION_STATES, type TRectification, type ZRectificationList } from '../../../../common/inspections';
import { api, qs } from '../../lib/api';
import { DeadlineChip, useNow } from '../../lib/deadlines';
import { useSession } from '../../lib/session';

export function RectStateTag({ r }: { r: Pick<TRectification, 'state' | 'round' | 'overdue' | 'notifiedLevel'> }) {
  const { t } = useTranslation();
  const color = { open: 'blue', closed: 'gold', accepted: 'green', withdrawn: 'default' }[r.state];
  return (
    <Space size={2} wrap>
      <Tag color={color}>{t(`inspection.rect.states.${r.state}`)}</Tag>
      {r.round > 1 && <Tag>{t('inspection.rect.round', { round: r.round })}</Tag>}
      {r.overdue && <Tag color="red">{r.notifiedLevel >= 2 ? t('inspection.rect.escalated') : t('inspection.rect.overdue')}</Tag>}
    </Space>
  );
}

export function RectDue({ r }: { r: TRectification }) {
  const now = useNow();
  if (!r.dueAt || r.state === 'withdrawn') return <>—</>;
  return <DeadlineChip d={{ kind: 'rectification', dueAt: r.dueAt, metAt: r.state === 'open' ? null : (r.closedAt ?? r.reviewedAt ?? r.dueAt), overdue: r.overdue }} now={now} />;
}

export function RectificationsPage() {
  const { t } = useTranslation();
  const { me, can, projectId: current } = useSession();
  // The project manager (who closes them) starts on his project's open items; the quality department on all.
  const closer = can('rectification.close') && !can('inspection.do');
  const [projectId, setProjectId] = useState<string | undefined>(closer ? current : undefined);
  const [state, setState] = useState<string | undefined>(closer ? 'open' : undefined);
  const [overdue, setOverdue] = useState(false);
  const q = useQuery({
    queryKey: ['rectifications', projectId, state, overdue],
    queryFn: () => api.get<z.infer<typeof ZRectificationList>>(`/api/rectifications?${qs({ projectId, state, overdue: overdue ? 'true' : undefined })}`),
  });
  const projects = me.projects.filter((p) => p.actions.includes('inspection.read'));
  return (
    <Card size="small" title={closer ? t('inspection.rect.mine') : t('inspection.rect.title')}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select allowClear placeholder={t('inspection.rect.allProjects')} style={{ width: 180 }} value={projectId} onChange={setProjectId} options={projects.map((p) => ({ value: p.id, label: p.name }))} data-testid="rect-project" />
        <Select allowClear placeholder={t('inspection.rect.allStates')} style={{ width: 130 }} value={state} onChange={setState} options={RECTIFICATION_STATES.map((s) => ({ value: s, label: t(`inspection.rect.states.${s}`) }))} data-testid="rect-state" />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="rect-overdue">
          {t('inspection.rect.onlyOverdue')}
        </Checkbox>
      </Space>
      <ListTable<TRectification>
        testId="rect-list"
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('inspection.rect.empty') }}
        columns={[
          { title: t('inspection.rect.number'), dataIndex: 'number', width: 150, card: 'title', render: (v, r) => <Link to={`/rectifications/${r.id}`}>{v}</Link> },
          { title: t('inspection.project'), dataIndex: 'projectName', width: 110 },
          { title: t('inspection.month'), dataIndex: 'month', width: 80 },
          { title: t('inspection.rect.item'), dataIndex: 'itemCode', render: (v, r) => `${v} ${r.topic}` },
          { title: t('inspection.rect.finding'), dataIndex: 'findingNote', ellipsis: true, responsive: ['lg'] },
          { title: t('inspection.rect.state'), dataIndex: 'state', width: 170, card: 'title', render: (_v, r) => <RectStateTag r={r} /> },
          { title: t('inspection.rect.due'), dataIndex: 'dueAt', width: 190, render: (_v, r) => <RectDue r={r} /> },
        ]}
      />
    </Card>
  );
}
