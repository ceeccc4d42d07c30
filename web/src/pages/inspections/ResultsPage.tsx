// QI-04: the month's results of every project the reader holds (rank, score, pass at 80, change from last
// month, the pass rate), the month's bulletin (drafted here by the quality department) and all bulletins.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { TBulletin, TBulletinRow, TMonthResults, ZBulletinList } from '../../../../common/inspections';
import { api, ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { ScoreTag } from './InspectionsPage';

export const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

export function ChangeText({ change }: { change: number | null }) {
  if (change == null) return <>—</>;
  const color = change > 0 ? '#389e0d' : change < 0 ? '#cf1322' : undefined;
  return <span style={{ color }}>{change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : '0'}</span>;
}

/** The ranking table of a month, used by the results page, the bulletin and its print. */
export function RankingTable({ items, link = true }: { items: TBulletinRow[]; link?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<TBulletinRow>
      rowKey="projectId"
      size="small"
      dataSource={items}
      pagination={false}
      scroll={{ x: 560 }}
      locale={{ emptyText: t('inspection.empty') }}
      columns={[
        { title: t('inspection.rank'), dataIndex: 'rank', width: 60, render: (v) => v ?? '—' },
        { title: t('inspection.project'), dataIndex: 'projectName', render: (v, r) => (link && r.inspectionId ? <Link to={`/inspections/${r.inspectionId}`}>{v}</Link> : v) },
        { title: t('inspection.score'), dataIndex: 'score', width: 130, render: (_v, r) => (r.score == null ? <Tag>{t('inspection.notInspected')}</Tag> : <ScoreTag score={r.score} passed={!!r.passed} />) },
        { title: t('inspection.previous'), dataIndex: 'previousScore', width: 90, render: (v) => v ?? '—' },
        { title: t('inspection.change'), dataIndex: 'change', width: 80, render: (v) => <ChangeText change={v} /> },
        { title: t('inspection.findingsCount'), dataIndex: 'findings', width: 80 },
      ]}
    />
  );
}

export function ResultsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const navigate = useNavigate();
  // A link may name the month (?month=2026-11); otherwise last month, the one being inspected.
  const [params] = useSearchParams();
  const [month, setMonth] = useState(() => (/^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? dayjs(`${params.get('month')}-01`) : dayjs().subtract(1, 'month')));
  const m = month.format('YYYY-MM');
  const results = useQuery({ queryKey: ['inspection-results', m], queryFn: () => api.get<TMonthResults>(`/api/inspections/results?month=${m}`) });
  const bulletins = useQuery({ queryKey: ['inspection-bulletins'], queryFn: () => api.get<z.infer<typeof ZBulletinList>>('/api/inspection-bulletins') });
  // The bulletin is the company's: only a company-wide inspection grant drafts it (the server checks).
  const mayDraft = me.projects.length > 0 && me.projects.every((p) => p.actions.includes('inspection.do'));
  const draft = useMutation({
    mutationFn: () => api.post<TBulletin>('/api/inspection-bulletins', { month: m }),
    onSuccess: (b) => navigate(`/inspection-bulletins/${b.id}`),
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const r = results.data;
  const done = r?.items.filter((i) => i.score != null) ?? [];
  return (
    <Card size="small" title={t('inspection.navResults')}>
      <Tabs
        items={[
          {
            key: 'results',
            label: t('inspection.results'),
            children: (
              <>
                <Space wrap style={{ marginBottom: 8 }}>
                  <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
                  {r && (
                    <Typography.Text data-testid="pass-rate">
                      {t('inspection.passRate')}：<b>{pct(r.passRate)}</b>（{t('inspection.passedCount', { passed: done.filter((i) => i.passed).length, done: done.length })}）
                    </Typography.Text>
                  )}
                  {r?.bulletin ? (
                    <Link to={`/inspection-bulletins/${r.bulletin.id}`} data-testid="results-bulletin">
                      <Tag color={r.bulletin.status === 'published' ? 'green' : 'default'}>{r.bulletin.number ?? t(`inspection.bulletinStatus.${r.bulletin.status}`)}</Tag>
                      {t('inspection.openBulletin')}
                    </Link>
                  ) : (
                    mayDraft && (
                      <Button type="primary" loading={draft.isPending} onClick={() => draft.mutate()} data-testid="bulletin-draft">
                        {t('inspection.draftBulletin')}
                      </Button>
                    )
                  )}
                </Space>
                <RankingTable items={r?.items ?? []} />
              </>
            ),
          },
          {
            key: 'bulletins',
            label: t('inspection.bulletins'),
            children: (
              <Table
                rowKey="id"
                size="small"
                loading={bulletins.isPending}
                dataSource={bulletins.data?.items}
                pagination={{ pageSize: 12, hideOnSinglePage: true }}
                locale={{ emptyText: t('inspection.noBulletins') }}
                columns={[
                  { title: t('inspection.month'), dataIndex: 'month', width: 90, render: (v, b) => <Link to={`/inspection-bulletins/${b.id}`}>{v}</Link> },
                  { title: t('inspection.bulletinNumber'), dataIndex: 'number', render: (v) => v ?? '—' },
                  { title: t('inspection.state'), dataIndex: 'status', width: 80, render: (v) => <Tag color={v === 'published' ? 'green' : 'default'}>{t(`inspection.bulletinStatus.${v}`)}</Tag> },
                  { title: t('inspection.passRate'), dataIndex: 'passRate', width: 80, render: pct },
                  { title: t('inspection.publishedAt'), dataIndex: 'publishedAt', width: 110, responsive: ['md'], render: (v) => (v ? dayjs(v).format('YYYY-MM-DD') : '—') },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
