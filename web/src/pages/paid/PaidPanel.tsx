// PS-03..PS-06 on the order page: the quote and the customer's agreement, the appointment, the three notice
// copies with their states, the receipts (voids kept) and the desk's next step.
import { formatYuan as yuan } from '../../../../common/money';
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PAY_METHODS, type TPaidOrder, type TReceipt } from '../../../../common/paid';
import { api, ApiError } from '../../lib/api';
import { DeadlineChip, useNow } from '../../lib/deadlines';
import { useFormAction } from '../../lib/form-action';

const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export const COPY_COLORS: Record<string, string> = { confirmed: 'green', filed: 'green', followed_up: 'green', done: 'green', paid: 'blue', handed_over: 'cyan', signed: 'blue', in_progress: 'orange', dispatched: 'blue', awaiting_payment: 'gold', to_dispatch: 'gold', open: 'default', cancelled: 'default' };

export function CopyTags({ copies }: { copies: TPaidOrder['copies'] }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4}>
      {(['finance', 'department', 'archive'] as const).map((c) => (
        <Tag key={c} color={COPY_COLORS[copies[c]]} data-testid={`copy-${c}`}>
          {t(`ui.copyName.${c}`)}：{t(`ui.noticeCopy.${copies[c]}`)}
        </Tag>
      ))}
    </Space>
  );
}

type Action = TPaidOrder['actions'][number];

export function PaidPanel({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const now = useNow();
  const [open, setOpen] = useState<Action>();
  const q = useQuery({ queryKey: ['paid', orderId], queryFn: () => api.get<TPaidOrder>(`/api/paid-orders/${orderId}`) });
  const refresh = async (p: TPaidOrder) => {
    queryClient.setQueryData(['paid', orderId], p);
    await queryClient.invalidateQueries({ predicate: (x) => ['order', 'paidOrders', 'cash'].includes(String(x.queryKey[0])) });
  };
  const voidIt = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<TPaidOrder>(`/api/receipts/${id}/void`, { reason }),
    onSuccess: refresh,
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const p = q.data;
  if (!p) return <Card size="small" loading />;
  const appointment = p.appointmentDueAt ? { kind: 'appointment', dueAt: p.appointmentDueAt, metAt: p.appointedAt, overdue: !p.appointedAt && new Date(p.appointmentDueAt).getTime() < now } : null;
  const askVoid = (r: TReceipt) => {
    let reason = '';
    modal.confirm({
      title: `${t('ui.paid.void')} ${r.number}`,
      content: <Input placeholder={t('ui.paid.voidReason')} onChange={(e) => (reason = e.target.value)} data-testid="void-reason" />,
      onOk: () => voidIt.mutateAsync({ id: r.id, reason }),
    });
  };
  return (
    <Card
      size="small"
      title={t('ui.paid.title')}
      data-testid="paid-panel"
      extra={
        <Space>
          {p.actions.map((a) => (
            <Button key={a} size="small" type={a === 'collect' || a === 'agree' ? 'primary' : 'default'} onClick={() => setOpen(a)} data-testid={`paid-${a}`}>
              {t(`ui.paid.${a}`)}
            </Button>
          ))}
          <Link to={`/paid/${p.orderId}/notice`} target="_blank">
            <Button size="small" icon={<PrinterOutlined />}>
              {t('ui.paid.notice')}
            </Button>
          </Link>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('ui.paid.item')}>
          {p.itemName} × {p.quantity}
        </Descriptions.Item>
        <Descriptions.Item label={t('ui.paid.fee')}>
          <Typography.Text strong>{yuan(p.fee)}</Typography.Text>{' '}
          {p.agreedAt ? <Tag color="green">{t('ui.paid.agreedAt')} · {t(`ui.agreedHow.${p.agreedHow}`)} · {fmt(p.agreedAt)}</Tag> : <Tag color="red">{t('ui.paid.notAgreed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('ui.paid.expectedResult')}>{p.expectedResult}</Descriptions.Item>
        <Descriptions.Item label={t('ui.paid.preferredTime')}>{p.preferredTime}</Descriptions.Item>
        <Descriptions.Item label={t('ui.paid.appointment')}>
          <Space>
            {fmt(p.appointmentAt)}
            {appointment && <DeadlineChip d={appointment} now={now} />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('ui.paid.copies')}>
          <CopyTags copies={p.copies} />
        </Descriptions.Item>
      </Descriptions>
      {p.receipts.length > 0 && (
        <Table<TReceipt>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.receipts}
          columns={[
            { title: t('ui.paid.receipt'), dataIndex: 'number', render: (v, r) => (r.voidedAt ? <Typography.Text delete>{v}</Typography.Text> : v) },
            { title: t('ui.paid.amount'), dataIndex: 'amount', render: yuan },
            { title: t('ui.paid.method'), dataIndex: 'method', render: (m) => t(`ui.payMethod.${m}`) },
            { title: t('ui.cash.clerk'), dataIndex: 'issuedBy' },
            { title: t('ui.paid.registeredAt'), dataIndex: 'issuedAt', render: fmt },
            {
              title: '',
              render: (_, r) =>
                r.voidedAt ? (
                  <Tag>{t('ui.paid.voided')}：{r.voidReason}</Tag>
                ) : (
                  p.status === 'completed' && !r.handoverId && (
                    <Button size="small" danger type="link" onClick={() => askVoid(r)}>
                      {t('ui.paid.void')}
                    </Button>
                  )
                ),
            },
          ]}
        />
      )}
      {open && <PaidActionModal order={p} action={open} onClose={() => setOpen(undefined)} onDone={refresh} />}
    </Card>
  );
}

function PaidActionModal({ order, action, onClose, onDone }: { order: TPaidOrder; action: Action; onClose(): void; onDone(p: TPaidOrder): Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const run = useFormAction(
    form,
    (v) => api.post<TPaidOrder>(`/api/paid-orders/${order.orderId}/actions`, { action, version: order.version, ...v }),
    async (p) => {
      await onDone(p);
      onClose();
    },
  );
  const required = [{ required: true, message: t('fieldErrors.required') }];
  return (
    <Modal open title={t(`ui.paid.${action}`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} okButtonProps={{ 'data-testid': 'paid-ok' } as Record<string, string>}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ fee: order.fee, expectedResult: order.expectedResult, how: 'phone', amount: order.fee, method: 'cash', appointmentAt: dayjs().add(1, 'day').hour(9).minute(0) }}
        onFinish={(v) => run.mutate(action === 'appoint' ? { appointmentAt: (v.appointmentAt as dayjs.Dayjs).toISOString() } : v)}
      >
        {action === 'quote' && (
          <>
            <Form.Item name="fee" label={t('ui.paid.fee')} rules={required}>
              <InputNumber min={0} precision={2} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="expectedResult" label={t('ui.paid.expectedResult')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {action === 'agree' && (
          <Form.Item name="how" label={t('ui.paid.how')}>
            <Segmented options={(['phone', 'on_site', 'walk_in'] as const).map((h) => ({ value: h, label: t(`ui.agreedHow.${h}`) }))} />
          </Form.Item>
        )}
        {action === 'appoint' && (
          <Form.Item name="appointmentAt" label={t('ui.paid.appointment')} rules={required}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        )}
        {action === 'collect' && (
          <>
            <Form.Item name="amount" label={t('ui.paid.amount')} rules={required}>
              <InputNumber min={0} precision={2} style={{ width: 160 }} data-testid="collect-amount" />
            </Form.Item>
            <Form.Item name="method" label={t('ui.paid.method')}>
              <Segmented options={PAY_METHODS.map((m) => ({ value: m, label: t(`ui.payMethod.${m}`) }))} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
