// QI-02, QI-04: the project's inspections by month, starting one, and the month's company ranking.
import { useState } from 'react';
import { Button, Card, DatePicker, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { TInspectionDetail, TInspectionSummary, ZInspectionList, ZInspectionRanking } from '../../../../common/inspections';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';
import { App } from 'antd';

export const ScoreTag = ({ score, passed }: { score: number; passed: boolean }) => {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Typography.Text strong>{score}</Typography.Text>
      <Tag color={passed ? 'green' : 'red'}>{passed ? t('inspection.passed') : t('inspection.failed')}</Tag>
    </Space>
  );
};

export function InspectionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId, can } = useSession();
  const navigate = useNavigate();
  // A link may name the month (?month=2026-11); otherwise last month, the one being inspected.
  const [params] = useSearchParams();
  const [month, setMonth] = useState(() => (/^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? dayjs(`${params.get('month')}-01`) : dayjs().subtract(1, 'month')));
  const m = month.format('YYYY-MM');
  const list = useQuery({ queryKey: ['inspections', projectId], queryFn: () => api.get<z.infer<typeof ZInspectionList>>(`/api/inspections?${qs({ projectId })}`), enabled: !!projectId });
  const ranking = useQuery({ queryKey: ['inspection-ranking', m], queryFn: () => api.get<z.infer<typeof ZInspectionRanking>>(`/api/inspections/ranking?month=${m}`) });
  const start = useMutation({
    mutationFn: () => api.post<TInspectionDetail>('/api/inspections', { projectId, month: m }),
    onSuccess: (d) => navigate(`/inspections/${d.id}`),
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const picker = <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />;
  return (
    <Card size="small" title={t('inspection.list')}>
      <Tabs
        items={[
          {
            key: 'list',
            label: t('inspection.list'),
            children: (
              <>
                <Space style={{ marginBottom: 8 }}>
                  {picker}
                  {can('inspection.do') && (
                    <Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>
                      {t('inspection.start')}
                    </Button>
                  )}
                </Space>
                <Table<TInspectionSummary>
                  rowKey="id"
                  size="small"
                  loading={list.isPending}
                  dataSource={list.data?.items}
                  pagination={{ pageSize: 24, hideOnSinglePage: true }}
                  columns={[
                    { title: t('inspection.month'), dataIndex: 'month', width: 90, render: (v, r) => <Link to={`/inspections/${r.id}`}>{v}</Link> },
                    { title: t('inspection.project'), dataIndex: 'projectName' },
                    { title: t('inspection.score'), dataIndex: 'score', width: 130, render: (_v, r) => <ScoreTag score={r.score} passed={r.passed} /> },
                    { title: t('inspection.state'), dataIndex: 'status', width: 80, render: (v) => t(`inspection.status.${v}`) },
                    { title: t('inspection.inspector'), dataIndex: 'inspectorName', width: 100 },
                    { title: t('inspection.standard'), dataIndex: 'standardVersion', width: 90, render: (v) => t('inspection.standardVersion', { version: v }) },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'ranking',
            label: t('inspection.ranking'),
            children: (
              <>
                <Space style={{ marginBottom: 8 }}>
                  {picker}
                  {ranking.data && <Typography.Text>{t('inspection.passRate')}：{Math.round(ranking.data.passRate * 1000) / 10}%</Typography.Text>}
                </Space>
                <Table
                  rowKey="projectId"
                  size="small"
                  loading={ranking.isPending}
                  dataSource={ranking.data?.items}
                  pagination={false}
                  locale={{ emptyText: t('inspection.empty') }}
                  columns={[
                    { title: t('inspection.rank'), dataIndex: 'rank', width: 60 },
                    { title: t('inspection.project'), dataIndex: 'projectName', render: (v, r) => <Link to={`/inspections/${r.inspectionId}`}>{v}</Link> },
                    { title: t('inspection.score'), dataIndex: 'score', width: 130, render: (_v, r) => <ScoreTag score={r.score} passed={r.passed} /> },
                    { title: t('inspection.previous'), dataIndex: 'previousScore', width: 100, render: (v: number | null, r) => (v == null ? '—' : `${v}（${r.score - v >= 0 ? '+' : ''}${Math.round((r.score - v) * 10) / 10}）`) },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
