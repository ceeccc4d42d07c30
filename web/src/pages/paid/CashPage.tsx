// PS-07: the day's takings per clerk; the clerk hands the cash to finance before the day ends, finance
// counts and confirms, and any difference (or a day not handed over) stands out.
import { formatYuan as yuan } from '../../../../common/money';
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TCashDay, THandover, TReceipt } from '../../../../common/paid';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';


export function CashPage() {
  const { t } = useTranslation();
  const { projectId, can, me } = useSession();
  const [date, setDate] = useState<dayjs.Dayjs>();
  const [handing, setHanding] = useState<number>();
  const [confirming, setConfirming] = useState<THandover>();
  const q = useQuery({ queryKey: ['cash', projectId, date?.format('YYYY-MM-DD')], queryFn: () => api.get<TCashDay>(`/api/cash?${qs({ projectId, date: date?.format('YYYY-MM-DD') })}`), enabled: !!projectId });
  const d = q.data;
  const day = d?.date ?? '';
  const mine = d?.clerks.find((c) => c.clerkId === me.id);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={t('ui.cash.title')}
        extra={<DatePicker value={date ?? (d ? dayjs(d.date) : undefined)} onChange={(v) => v && setDate(v)} allowClear={false} disabledDate={(x) => x.isAfter(dayjs().add(1, 'day'), 'day')} />}
      >
        {d && d.lateDays.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('ui.cash.lateDays')}
            description={d.lateDays.map((l) => `${l.date} ${l.clerkName} ${yuan(l.amount)}`).join('；')}
          />
        )}
        <Table
          rowKey="clerkId"
          size="small"
          loading={q.isPending}
          pagination={false}
          dataSource={d?.clerks}
          locale={{ emptyText: t('ui.cash.noReceipts') }}
          columns={[
            { title: t('ui.cash.clerk'), dataIndex: 'clerkName' },
            { title: t('ui.cash.cashAmount'), dataIndex: 'cash', render: yuan },
            { title: t('ui.cash.nonCash'), dataIndex: 'nonCash', render: yuan },
            {
              title: t('ui.cash.outstanding'),
              render: (_, c) => (
                <Space>
                  {yuan(c.outstandingCash)}
                  {c.outstandingCount > 0 && <Tag>{t('ui.cash.count')} {c.outstandingCount}</Tag>}
                  {c.late && <Tag color="red">{t('ui.cash.late')}</Tag>}
                </Space>
              ),
            },
            {
              title: '',
              render: (_, c) =>
                c.clerkId === me.id && c.outstandingCount > 0 && can('paid.register') && (
                  <Button type="primary" size="small" onClick={() => setHanding(c.outstandingCash)} data-testid="hand-over">
                    {t('ui.cash.handOver')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('ui.cash.handovers')}>
            <Table<THandover>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d?.handovers}
              columns={[
                { title: t('ui.cash.clerk'), dataIndex: 'clerkName' },
                { title: t('ui.cash.expected'), dataIndex: 'expected', render: yuan },
                { title: t('ui.cash.declared'), dataIndex: 'declared', render: yuan },
                { title: t('ui.cash.received'), dataIndex: 'received', render: yuan },
                {
                  title: t('ui.cash.difference'),
                  render: (_, h) => (
                    <Space>
                      {h.difference !== null && <Typography.Text type={h.difference ? 'danger' : undefined}>{yuan(h.difference)}</Typography.Text>}
                      {h.flagged && <Tag color="red">{t('ui.cash.flagged')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: '',
                  render: (_, h) =>
                    h.status === 'confirmed' ? (
                      <Tag color="green">
                        {t('ui.cash.confirmed')} · {h.confirmedBy}
                      </Tag>
                    ) : can('cash.confirm') ? (
                      <Button size="small" type="primary" onClick={() => setConfirming(h)} data-testid="confirm-cash">
                        {t('ui.cash.confirm')}
                      </Button>
                    ) : (
                      <Tag color="gold">{t('ui.cash.submitted')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('ui.cash.receipts')}>
            <Table<TReceipt>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d?.receipts}
              columns={[
                { title: t('ui.paid.receipt'), dataIndex: 'number', render: (v, r) => (r.voidedAt ? <Typography.Text delete>{v}</Typography.Text> : <Link to={`/orders/${r.orderId}`}>{v}</Link>) },
                { title: t('ui.paid.amount'), dataIndex: 'amount', render: yuan },
                { title: t('ui.paid.method'), dataIndex: 'method', render: (m) => t(`ui.payMethod.${m}`) },
                { title: t('ui.cash.clerk'), dataIndex: 'issuedBy' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {handing !== undefined && <HandOverModal projectId={projectId} date={day} expected={mine?.outstandingCash ?? handing} onClose={() => setHanding(undefined)} />}
      {confirming && <ConfirmModal handover={confirming} onClose={() => setConfirming(undefined)} />}
    </Space>
  );
}

function useCashMutation<T>(url: string, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => api.post<THandover>(url, body),
    onSuccess: async (h) => {
      message[h.flagged ? 'warning' : 'success'](h.flagged ? `${t('ui.cash.flagged')} ${yuan(h.difference ?? h.declared - h.expected)}` : t('ui.saved'));
      await queryClient.invalidateQueries({ predicate: (x) => ['cash', 'paid', 'paidOrders'].includes(String(x.queryKey[0])) });
      onClose();
    },
    onError: (e) => e instanceof ApiError && message.error(e.body.fields?.map((f) => f.message).join('；') || e.message),
  });
}

function HandOverModal({ projectId, date, expected, onClose }: { projectId: string; date: string; expected: number; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const run = useCashMutation<{ projectId: string; date: string; declared: number; note: string }>('/api/cash-handovers', onClose);
  return (
    <Modal open title={`${t('ui.cash.handOver')} · ${date}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending}>
      <Form form={form} layout="vertical" initialValues={{ declared: expected, note: '' }} onFinish={(v) => run.mutate({ projectId, date, ...v })}>
        <Form.Item label={t('ui.cash.expected')}>{yuan(expected)}</Form.Item>
        <Form.Item name="declared" label={t('ui.cash.declared')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} data-testid="declared" />
        </Form.Item>
        <Form.Item name="note" label={t('ui.cash.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ConfirmModal({ handover, onClose }: { handover: THandover; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const run = useCashMutation<{ version: number; received: number; note: string }>(`/api/cash-handovers/${handover.id}/confirm`, onClose);
  return (
    <Modal open title={`${t('ui.cash.confirm')} · ${handover.clerkName} ${handover.date}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} okButtonProps={{ 'data-testid': 'confirm-ok' } as Record<string, string>}>
      <Form form={form} layout="vertical" initialValues={{ received: handover.declared, note: '' }} onFinish={(v) => run.mutate({ version: handover.version, ...v })}>
        <Form.Item label={t('ui.cash.expected')}>
          {yuan(handover.expected)}（{t('ui.cash.nonCash')} {yuan(handover.nonCash)}）
        </Form.Item>
        <Form.Item label={t('ui.cash.declared')}>{yuan(handover.declared)}</Form.Item>
        <Form.Item name="received" label={t('ui.cash.received')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="note" label={t('ui.cash.financeNote')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
