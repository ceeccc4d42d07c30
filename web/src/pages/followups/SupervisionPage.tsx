// RV-02: the supervisor's 30% and the manager's 10% of return visits and of home visits (CR-02), drawn by
// the system; each call-back's outcome and the achieved ratio of the month, per kind of visit.
import { useState } from 'react';
import { App, Card, Col, DatePicker, Form, Input, Modal, Progress, Radio, Row, Space, Statistic, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import * as z from 'zod';
import { SUPERVISION_OUTCOMES, type TSupervisionCheck, type ZSupervision } from '../../../../common/complaints';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';

const OUTCOME_COLORS = { genuine: 'green', not_genuine: 'red', unreachable: 'default' } as const;

export function SupervisionPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [month, setMonth] = useState(dayjs());
  const [checking, setChecking] = useState<TSupervisionCheck>();
  const query = qs({ projectId, month: month.format('YYYY-MM') });
  const q = useQuery({ queryKey: ['supervision', query], queryFn: () => api.get<z.infer<typeof ZSupervision>>(`/api/supervision?${query}`), enabled: !!projectId });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Row gutter={12}>
        {q.data?.ratios.map((r) => (
          <Col xs={24} md={12} key={`${r.source}-${r.level}`}>
            <Card size="small" title={`${t(`ui.supervision.source.${r.source}`)} · ${t(`ui.supervision.${r.level}`)}`}>
              <Space size={32}>
                <Statistic title={t('ui.supervision.achieved')} value={Math.round(r.achieved * 1000) / 10} suffix={`%（${r.checked}/${r.visits}）`} />
                <Statistic title={t('ui.supervision.selected')} value={r.selected} />
                <Statistic title={t('ui.supervisionOutcome.not_genuine')} value={r.notGenuine} valueStyle={{ color: r.notGenuine ? '#cf1322' : undefined }} />
              </Space>
              <Progress percent={Math.round(r.achieved * 100)} success={{ percent: r.target * 100 }} showInfo={false} />
              <Tag>
                {t('ui.supervision.target')} {Math.round(r.target * 100)}%
              </Tag>
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('ui.supervision.title')} extra={<DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />}>
        <Table<TSupervisionCheck>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data?.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('ui.supervision.empty') }}
          onRow={(c) => ({ onClick: () => c.mayCheck && setChecking(c), style: { cursor: c.mayCheck ? 'pointer' : undefined } })}
          columns={[
            { title: t('ui.supervision.level'), dataIndex: 'level', width: 140, render: (v) => t(`ui.supervision.${v}`) },
            {
              title: t('ui.supervision.order'),
              dataIndex: 'orderNumber',
              width: 150,
              render: (v, c) =>
                c.orderId ? (
                  <Link to={`/orders/${c.orderId}`} onClick={(e) => e.stopPropagation()}>
                    {v}
                  </Link>
                ) : (
                  <Tag color="blue">{t('ui.supervision.homeVisit')}</Tag>
                ),
            },
            { title: t('ui.order.location'), dataIndex: 'path', width: 170 },
            { title: t('ui.supervision.customer'), width: 150, render: (_, c) => `${c.customerName} ${c.customerPhone}` },
            { title: t('ui.supervision.visitedBy'), dataIndex: 'visitedBy', width: 90 },
            { title: t('ui.supervision.verdict'), dataIndex: 'verdict', width: 80, render: (v) => (v ? t(`ui.verdict.${v}`) : '—') },
            { title: t('ui.supervision.visitNote'), dataIndex: 'visitNote', ellipsis: true },
            {
              title: t('ui.supervision.outcome'),
              width: 170,
              render: (_, c) =>
                c.outcome ? (
                  <Tag color={OUTCOME_COLORS[c.outcome]}>
                    {t(`ui.supervisionOutcome.${c.outcome}`)} · {c.checkerName}
                  </Tag>
                ) : c.mayCheck ? (
                  <Tag color="gold">{t('ui.supervision.mine')}</Tag>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      {checking && <CheckModal check={checking} onClose={() => setChecking(undefined)} />}
    </Space>
  );
}

function CheckModal({ check, onClose }: { check: TSupervisionCheck; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const run = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(`/api/supervision/${check.id}`, { version: check.version, ...v }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['supervision'] });
      message.success(t('ui.saved'));
      onClose();
    },
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  return (
    <Modal open title={`${t('ui.supervision.check')} · ${check.orderNumber ?? `${t('ui.supervision.homeVisit')} ${check.path}`} ${check.customerName} ${check.customerPhone}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending}>
      <p>
        {t('ui.supervision.visitNote')}：{check.visitNote || '—'}（{check.verdict ? t(`ui.verdict.${check.verdict}`) : ''}）
      </p>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'genuine', note: '' }} onFinish={(v) => run.mutate(v)}>
        <Form.Item name="outcome" label={t('ui.supervision.outcome')}>
          <Radio.Group optionType="button" options={SUPERVISION_OUTCOMES.map((o) => ({ value: o, label: t(`ui.supervisionOutcome.${o}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('ui.supervision.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
