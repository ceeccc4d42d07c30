// PT-01: the supervisors' patrol register — each day of the month (done, missed, due), the month's figures,
// the patrol records with their spot checks (CS supervisor 30 %, manager 10 %) and the findings awaiting recheck.
import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TPatrol, TPatrolFigures, TPatrolRegister } from '../../../../common/patrols';
import { api, qs } from '../../lib/api';
import { useSession } from '../../lib/session';
import { OpenFindings } from './PatrolPhonePage';

const DAY_COLOR: Record<string, string> = { done: 'green', missed: 'red', due: 'orange', off: 'default', future: 'default' };

export function PatrolRegisterPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const reg = useQuery({ queryKey: ['patrols', projectId, month], queryFn: () => api.get<TPatrolRegister>(`/api/patrols?${qs({ projectId, month })}`), enabled: !!projectId });
  const fig = useQuery({ queryKey: ['patrols', 'figures', projectId, month], queryFn: () => api.get<TPatrolFigures>(`/api/projects/${projectId}/patrol-figures?${qs({ month })}`), enabled: !!projectId });
  const f = fig.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('patrol.navRegister')}
        </Typography.Title>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} aria-label={t('patrol.month')} />
      </Space>
      {f && (
        <Card size="small" title={t('patrol.figures')}>
          <Row gutter={16}>
            <Col span={4}><Statistic title={t('patrol.days.done')} value={f.patrolDaysDone} suffix={`/ ${f.patrolDaysDue}`} /></Col>
            <Col span={4}><Statistic title={t('patrol.missedDays')} value={f.patrolDaysMissed} valueStyle={{ color: f.patrolDaysMissed ? '#cf1322' : undefined }} /></Col>
            <Col span={4}><Statistic title={t('patrol.findings')} value={f.findings} suffix={`(${f.findingsOpen})`} /></Col>
            <Col span={4}><Statistic title={t('patrol.recheckOverdue')} value={f.recheckOverdue} valueStyle={{ color: f.recheckOverdue ? '#cf1322' : undefined }} /></Col>
            <Col span={4}><Statistic title={t('patrol.vacantRegister')} value={f.vacantOverdue} suffix={`/ ${f.vacantUnits} ${t('patrol.overdue')}`} /></Col>
            <Col span={4}><Statistic title={`${t('patrol.failureRate')}（${t('patrol.failureTarget')}）`} value={(f.facilityFailureRate * 100).toFixed(1)} suffix="%" valueStyle={{ color: f.facilityShortfall ? '#cf1322' : undefined }} /></Col>
          </Row>
        </Card>
      )}
      <Card size="small">
        <Space wrap size={4}>
          {reg.data?.days.map((d) => (
            <Tooltip key={d.date} title={t(`patrol.days.${d.state}`)}>
              <Tag color={DAY_COLOR[d.state]} style={{ width: 44, textAlign: 'center' }} data-testid={`day-${d.date}`}>
                {d.date.slice(8)}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      </Card>
      <PatrolTable patrols={reg.data?.patrols ?? []} loading={reg.isPending} />
      <OpenFindings findings={reg.data?.openFindings ?? []} />
    </Space>
  );
}

function PatrolTable({ patrols, loading }: { patrols: TPatrol[]; loading: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const check = useMutation({
    mutationFn: ({ id, version, outcome }: { id: string; version: number; outcome: string }) => api.post(`/api/patrol-checks/${id}`, { version, outcome }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['patrols'] }),
    onError: (e) => message.error((e as Error).message),
  });
  return (
    <Table<TPatrol>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={[...patrols].reverse()}
      pagination={{ pageSize: 31, hideOnSinglePage: true }}
      columns={[
        { title: t('patrol.date'), dataIndex: 'patrolDate', width: 110 },
        { title: t('patrol.patroller'), dataIndex: 'patrollerName', width: 100 },
        { title: t('patrol.route'), dataIndex: 'route' },
        { title: t('patrol.findings'), render: (_, p) => `${p.findings}${p.openFindings ? `（${p.openFindings}）` : ''}`, width: 90 },
        {
          title: t('patrol.spotChecks'),
          render: (_, p) => (
            <Space wrap>
              {p.checks.map((c) =>
                c.checkedAt ? (
                  <Tag key={c.id} color={c.outcome === 'confirmed' ? 'green' : 'red'}>
                    {t(`patrol.levels.${c.level}`)}：{t(`patrol.outcomes.${c.outcome}`)}（{c.checkerName}）
                  </Tag>
                ) : c.mayCheck ? (
                  <Select
                    key={c.id}
                    size="small"
                    placeholder={`${t(`patrol.levels.${c.level}`)}：${t('patrol.checkNow')}`}
                    style={{ width: 280 }}
                    onChange={(outcome: string) => check.mutate({ id: c.id, version: c.version, outcome })}
                    options={(['confirmed', 'not_confirmed'] as const).map((o) => ({ value: o, label: t(`patrol.outcomes.${o}`) }))}
                  />
                ) : (
                  <Tag key={c.id} color="orange">
                    {t(`patrol.levels.${c.level}`)}：{t('patrol.pending')}
                  </Tag>
                ),
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
