// WO-07, RV-01: the follow-up queue with the month's achieved rates; each call recorded with its result.
import { useState } from 'react';
import { App, Card, Col, Form, Input, Modal, Progress, Radio, Row, Segmented, Statistic, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { FOLLOWUP_OUTCOMES, VERDICTS, type TFollowup, type ZFollowupQueue } from '../../../../common/desk';
import { api, ApiError, qs } from '../../lib/api';
import { DeadlineChip, useNow } from '../../lib/deadlines';
import { useSession } from '../../lib/session';
import { ListTable } from '../../lib/ListTable';

type Queue = z.infer<typeof ZFollowupQueue>;

export function FollowupsPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const now = useNow();
  const [status, setStatus] = useState<'pending' | 'done' | 'unreachable'>('pending');
  const [open, setOpen] = useState<TFollowup>();
  const queue = useQuery({ queryKey: ['followups', projectId, status], queryFn: () => api.get<Queue>(`/api/followups?${qs({ projectId, status })}`), enabled: !!projectId });
  const rate = queue.data?.rate;
  const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0);
  return (
    <>
      {rate && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} md={8}>
            <Card size="small" title={`${t('ui.followup.rate')} · ${t('ui.followup.free')}`}>
              <Statistic value={pct(rate.selectedFree, rate.closedFree)} suffix={`%（${rate.selectedFree}/${rate.closedFree}）`} />
              <Progress percent={pct(rate.selectedFree, rate.closedFree)} success={{ percent: rate.target * 100 }} showInfo={false} />
              <Tag>{t('ui.followup.target', { p: Math.round(rate.target * 100) })}</Tag>
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card size="small" title={`${t('ui.followup.rate')} · ${t('ui.followup.paid')}`}>
              <Statistic value={pct(rate.selectedPaid, rate.closedPaid)} suffix={`%（${rate.selectedPaid}/${rate.closedPaid}）`} />
              <Progress percent={pct(rate.selectedPaid, rate.closedPaid)} showInfo={false} />
              <Tag>{t('ui.followup.target', { p: 100 })}</Tag>
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card size="small" title={t('ui.followup.reworkRate')}>
              <Statistic value={pct(rate.reworked, rate.closedFree + rate.closedPaid)} suffix={`%（${rate.reworked}/${rate.closedFree + rate.closedPaid}）`} />
              <Progress percent={pct(rate.reworked, rate.closedFree + rate.closedPaid)} status="exception" showInfo={false} />
              <Tag>{t('ui.followup.reworkHint')}</Tag>
            </Card>
          </Col>
        </Row>
      )}
      <Card
        size="small"
        title={t('ui.followup.title')}
        extra={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={[
              { value: 'pending', label: t('ui.followup.queue') },
              { value: 'done', label: t('ui.followup.done') },
              { value: 'unreachable', label: t('ui.followup.unreachable') },
            ]}
          />
        }
      >
        <ListTable<TFollowup>
          testId="followups-list"
          rowKey="id"
          size="small"
          loading={queue.isPending}
          dataSource={queue.data?.items}
          pagination={false}
          onRow={(f) => ({ onClick: () => f.status === 'pending' && setOpen(f), style: { cursor: f.status === 'pending' ? 'pointer' : undefined } })}
          columns={[
            { title: t('ui.order.number'), dataIndex: 'orderNumber', width: 160, card: 'title', render: (v, f) => <Link to={`/orders/${f.orderId}`} onClick={(e) => e.stopPropagation()}>{v}</Link> },
            { title: t('ui.daily.charge'), dataIndex: 'paid', width: 84, card: 'title', render: (v) => <Tag>{v ? t('ui.order.paid') : t('ui.order.free')}</Tag> },
            { title: t('ui.order.location'), dataIndex: 'path', width: 160 },
            { title: t('ui.order.customer'), width: 190, render: (_, f) => `${f.customerName ?? ''} ${f.customerPhone ?? ''}` },
            { title: t('ui.order.description'), dataIndex: 'description', ellipsis: { showTitle: true } },
            { title: t('ui.followup.attemptsCol'), dataIndex: 'attempts', width: 100, render: (n) => t('ui.followup.attempts', { n }) },
            {
              title: status === 'pending' ? t('ui.deadline.followup') : t('ui.followup.verdict'),
              width: 170,
              render: (_, f) =>
                f.status === 'pending' ? <DeadlineChip now={now} d={{ kind: 'followup', dueAt: f.dueAt, metAt: null, overdue: f.overdue }} /> : f.verdict ? t(`ui.verdict.${f.verdict}`) : '—',
            },
          ]}
        />
      </Card>
      {open && <AttemptDialog f={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

function AttemptDialog({ f, onClose }: { f: TFollowup; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const outcome = Form.useWatch('outcome', form);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(`/api/followups/${f.id}/attempts`, { ...v, version: f.version }),
    onSuccess: async () => {
      message.success(t('ui.saved'));
      await queryClient.invalidateQueries({ queryKey: ['followups'] });
      onClose();
    },
    onError: (e) => e instanceof ApiError && form.setFields(e.formFields()),
  });
  return (
    <Modal open title={`${t('ui.followup.record')} · ${f.orderNumber}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'reached', channel: 'phone' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="outcome" label={t('ui.followup.outcome')}>
          <Segmented options={FOLLOWUP_OUTCOMES.map((o) => ({ value: o, label: t(`ui.outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('ui.followup.channel')}>
          <Segmented options={[{ value: 'phone', label: t('ui.followup.phone') }, { value: 'on_site', label: t('ui.followup.onSite') }]} />
        </Form.Item>
        {outcome === 'reached' && (
          <>
            {/* RV-02: nothing is preselected — one click must not record a satisfied visit the customer never gave. */}
            <Form.Item name="verdict" label={t('ui.followup.verdict')} rules={[{ required: true, message: t('ui.daily.askCustomer') }]}>
              <Radio.Group optionType="button" data-testid="verdict" options={VERDICTS.map((v) => ({ value: v, label: t(`ui.verdict.${v}`) }))} />
            </Form.Item>
            <Form.Item name="solved" label={t('ui.daily.solvedQuestion')} rules={[{ required: true, message: t('ui.daily.askCustomer') }]}>
              <Radio.Group optionType="button" data-testid="solved" options={[{ value: true, label: t('ui.followup.solved') }, { value: false, label: t('ui.followup.notSolved') }]} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('ui.order.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
