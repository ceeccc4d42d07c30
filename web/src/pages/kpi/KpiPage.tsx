// QI-04, QI-05: the month's KPIs of every project the user may see, best score first. Each figure's
// header carries its definition (hover), the same words as the README; each cell shows the counts.
import { useState } from 'react';
import { Card, DatePicker, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { TKpiRate, TProjectKpis, ZKpiRanking } from '../../../../common/desk';
import { api } from '../../lib/api';

/** Each rate with the counts it is made of (numerator, denominator). */
const RATES: [TKpiRate, keyof TProjectKpis['counts'], keyof TProjectKpis['counts']][] = [
  ['dispatchRate', 'dispatchedInTime', 'repairCycles'],
  ['sameDayDispatchRate', 'dispatchedSameDay', 'repairCycles'],
  ['completionRate', 'completed', 'repairCycles'],
  ['reworkRate', 'reworks', 'closedFree'],
  ['paidFollowupRate', 'followedPaid', 'closedPaid'],
  ['freeFollowupRate', 'followedFree', 'closedFree'],
  ['replyRate', 'repliedInTime', 'repliesDue'],
  ['complaintReplyRate', 'complaintRepliedInTime', 'complaintRepliesDue'],
  ['complaintFollowupRate', 'complaintFollowedInTime', 'complaintFollowupsDue'],
];

export function KpiPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const ranking = useQuery({ queryKey: ['kpis', month], queryFn: () => api.get<z.infer<typeof ZKpiRanking>>(`/api/kpis/ranking?month=${month}`) });
  const head = (label: string, hint: string) => (
    <Tooltip title={hint}>
      <span>
        {label} <QuestionCircleOutlined />
      </span>
    </Tooltip>
  );
  return (
    <Card
      size="small"
      title={t('ui.kpi.title')}
      extra={<DatePicker picker="month" allowClear={false} value={dayjs(month + '-01')} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />}
    >
      <Typography.Paragraph type="secondary">{t('ui.kpi.intro')}</Typography.Paragraph>
      <Table<TProjectKpis>
        rowKey="projectId"
        size="small"
        loading={ranking.isPending}
        dataSource={ranking.data?.items ?? []}
        scroll={{ x: 1400 }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('ui.kpi.project'), dataIndex: 'projectName', fixed: 'left', width: 140 },
          { title: head(t('ui.kpi.score'), t('ui.kpi.hint.score')), dataIndex: 'score', width: 90 },
          ...RATES.map(([rate, num, den]) => ({
            key: rate,
            title: head(t(`ui.kpi.rate.${rate}`), t(`ui.kpi.hint.${rate}`)),
            width: 130,
            render: (_: unknown, k: TProjectKpis) => {
              const d = rate === 'reworkRate' ? k.counts.closedPaid + k.counts.closedFree : k.counts[den];
              return d ? `${Math.round(k.rates[rate] * 1000) / 10}%（${k.counts[num]}/${d}）` : '—';
            },
          })),
        ]}
      />
    </Card>
  );
}
