// QI-05: the quality dashboard — every KPI of the catalogue over 12 months with its target line, the
// month's company ranking as bars, and a project × KPI heat table. Each KPI's name carries its
// definition and target on hover. ECharts is imported piece by piece (core + the charts used) and this
// page is loaded lazily, so the rest of the app does not carry it.
import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Grid, Row, Select, Space, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { QI05_KPIS, QI05_LOWER_BETTER, type TKpiDashboard, type TKpiPoint, type TQi05Kpi } from '../../../../common/desk';
import { api } from '../../lib/api';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const lower = (k: TQi05Kpi) => QI05_LOWER_BETTER.includes(k);
/** Whether a figure meets its target: null when there is no figure or no target. */
export function meets(k: TQi05Kpi, p: TKpiPoint): boolean | null {
  if (p.value === null || p.target === null) return null;
  return lower(k) ? p.value <= p.target : p.value >= p.target;
}
const PALETTE = ['#0b6e4f', '#1677ff', '#fa8c16', '#722ed1', '#eb2f96', '#13c2c2', '#a0d911', '#faad14'];

export function DashboardPage() {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md ?? true;
  // The last whole month by default, as the monthly inspection reads it.
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [kpi, setKpi] = useState<TQi05Kpi>('sameDayDispatch');
  const dash = useQuery({ queryKey: ['kpi-dashboard', month], queryFn: () => api.get<TKpiDashboard>(`/api/kpis/dashboard?month=${month}`) });
  const d = dash.data;
  const name = (k: TQi05Kpi) => t(`ui.kpi.dash.name.${k}`);
  const head = (k: TQi05Kpi) => (
    <Tooltip title={t(`ui.kpi.dash.def.${k}`)}>
      <span data-testid={`kpi-head-${k}`}>
        {name(k)} <QuestionCircleOutlined />
      </span>
    </Tooltip>
  );

  const trend = useMemo(() => {
    if (!d) return {};
    const lines = [
      { name: t('ui.kpi.dash.company'), points: d.company.map((m) => m.kpis[kpi]), width: 3 },
      ...d.projects.map((p) => ({ name: p.projectName, points: p.months.map((m) => m.kpis[kpi]), width: 1.5 })),
    ];
    return {
      animationDuration: 300,
      color: PALETTE,
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: d.months },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, min: 0 },
      series: [
        ...lines.map((l) => ({ type: 'line', name: l.name, connectNulls: false, lineStyle: { width: l.width }, data: l.points.map((p) => (p.value === null ? null : Math.round(p.value * 1000) / 10)) })),
        // The company's target line (per month: a pro-rata target moves with the month)
        {
          type: 'line',
          name: t('ui.kpi.dash.target'),
          step: 'middle',
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#cf1322', width: 1.5 },
          itemStyle: { color: '#cf1322' },
          data: d.company.map((m) => (m.kpis[kpi].target === null ? null : Math.round(m.kpis[kpi].target! * 1000) / 10)),
        },
      ],
    };
  }, [d, kpi, t]);

  const ranked = useMemo(() => {
    if (!d) return [];
    const i = d.months.indexOf(month);
    const rows = d.projects.map((p) => ({ name: p.projectName, point: p.months[i].kpis[kpi] })).filter((r) => r.point.value !== null);
    return rows.sort((a, b) => (lower(kpi) ? a.point.value! - b.point.value! : b.point.value! - a.point.value!));
  }, [d, kpi, month]);
  const rankTarget = d?.company[d.months.indexOf(month)]?.kpis[kpi].target ?? null;
  const bars = useMemo(() => {
    const target = rankTarget;
    return {
      animationDuration: 300,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: ranked.map((r) => r.name) },
      series: [
        {
          type: 'bar',
          name: name(kpi),
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: '{c}%' },
          data: ranked.map((r) => ({ value: Math.round(r.point.value! * 1000) / 10, itemStyle: { color: meets(kpi, r.point) === false ? '#cf1322' : '#0b6e4f' } })),
          markLine:
            target === null
              ? undefined
              : { symbol: 'none', lineStyle: { type: 'dashed', color: '#cf1322' }, label: { show: false }, data: [{ xAxis: Math.round(target * 1000) / 10 }] },
        },
      ],
    };
  }, [kpi, ranked, rankTarget, t]);

  type HeatRow = { key: string; name: string; kpis: Record<TQi05Kpi, TKpiPoint>; company?: boolean };
  const heatRows: HeatRow[] = d
    ? (() => {
        const i = d.months.indexOf(month);
        return [...d.projects.map((p) => ({ key: p.projectId, name: p.projectName, kpis: p.months[i].kpis })), { key: 'company', name: t('ui.kpi.dash.company'), kpis: d.company[i].kpis, company: true }];
      })()
    : [];
  const cell = (k: TQi05Kpi, p: TKpiPoint) => {
    const ok = meets(k, p);
    const bg = ok === null ? (p.value === null ? '#fafafa' : '#e6f4ff') : ok ? '#d9f7be' : '#ffccc7';
    return (
      <Tooltip title={p.value === null ? t('ui.kpi.dash.noData') : `${p.num} / ${p.den}${p.target === null ? '' : ` · ${t('ui.kpi.dash.target')} ${pct(p.target)}`}`}>
        <div data-testid={`heat-${k}`} style={{ background: bg, padding: '4px 6px', borderRadius: 3, textAlign: 'right' }}>
          {pct(p.value)}
        </div>
      </Tooltip>
    );
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('ui.kpi.dash.title')}</Typography.Title>}
        extra={
          <Space wrap>
            <DatePicker picker="month" allowClear={false} aria-label={t('ui.kpi.dash.month')} value={dayjs(month + '-01')} onChange={(v) => v && setMonth(v.format('YYYY-MM'))} />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('ui.kpi.dash.intro')}
        </Typography.Paragraph>
        <Space wrap>
          <Typography.Text>{t('ui.kpi.dash.kpi')}</Typography.Text>
          <Select
            data-testid="kpi-select"
            value={kpi}
            style={{ width: wide ? 220 : 180 }}
            onChange={setKpi}
            options={QI05_KPIS.map((k) => ({ value: k, label: name(k) }))}
          />
          <Tooltip title={t(`ui.kpi.dash.def.${kpi}`)}>
            <QuestionCircleOutlined />
          </Tooltip>
          {lower(kpi) && <Typography.Text type="secondary">{t('ui.kpi.dash.lowerBetter')}</Typography.Text>}
        </Space>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={`${name(kpi)} · ${t('ui.kpi.dash.trend')}`} loading={dash.isPending}>
            <ReactEChartsCore echarts={echarts} option={trend} notMerge style={{ height: 320 }} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={`${name(kpi)} · ${t('ui.kpi.dash.ranking')}（${month}）`}
            extra={rankTarget === null ? null : <Typography.Text type="danger">{`${t('ui.kpi.dash.target')} ${pct(rankTarget)}`}</Typography.Text>}
            loading={dash.isPending}
          >
            {ranked.length ? (
              <ReactEChartsCore echarts={echarts} option={bars} notMerge style={{ height: Math.max(160, ranked.length * 36 + 40) }} />
            ) : (
              <Typography.Text type="secondary">{t('ui.kpi.dash.noData')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`${t('ui.kpi.dash.heat')}（${month}）`}>
        <Table<HeatRow>
          rowKey="key"
          size="small"
          loading={dash.isPending}
          dataSource={heatRows}
          pagination={false}
          scroll={{ x: 1500 }}
          onRow={(r) => ({ style: r.company ? { fontWeight: 600 } : undefined })}
          columns={[
            { title: t('ui.kpi.project'), dataIndex: 'name', fixed: 'left', width: wide ? 140 : 96 },
            ...QI05_KPIS.map((k) => ({ key: k, title: head(k), width: 124, render: (_: unknown, r: HeatRow) => cell(k, r.kpis[k]) })),
          ]}
        />
      </Card>
    </Space>
  );
}

export default DashboardPage;
