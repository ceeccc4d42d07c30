// IN-01, IN-05: one case — its owner answers the customer, hands it over explicitly, adds orders, closes it.
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Image, Input, Modal, Row, Select, Space, Table, Tag, Timeline, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { TRADES, type TCaseDetail, type TWorkOrder } from '../../../../common/desk';
import type { TStaff } from '../../../../common/people';
import { api, ApiError } from '../../lib/api';
import { uploadFile } from '../../lib/upload';
import { DeadlineChip, DeadlineChips, useNow } from '../../lib/deadlines';
import { CaseStatusTag, WoStatusTag } from '../../lib/labels';
import { EventText } from '../workorders/OrderPage';

type Dialog = 'transfer' | 'add_order' | null;

export function CasePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const now = useNow();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api.get<TCaseDetail>(`/api/cases/${id}`) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [replyForm] = Form.useForm();
  const post = useMutation({
    mutationFn: ({ path, body }: { path: string; body: Record<string, unknown> }) => api.post<TCaseDetail>(`/api/cases/${id}/${path}`, { ...body, version: q.data!.version }),
    onSuccess: (c) => {
      queryClient.setQueryData(['case', id], c);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      message.success(t('ui.saved'));
      setDialog(null);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      replyForm.setFields(e.formFields());
      message.error(e.body.fields?.map((f) => f.message).join('；') || e.message);
    },
  });
  if (q.isError) return <Card>{(q.error as ApiError).message}</Card>;
  const c = q.data;
  return (
    <Card
      loading={q.isPending}
      title={c && <Space>{c.number}<CaseStatusTag status={c.status} /><Tag>{t(`ui.category.${c.category}`)}</Tag></Space>}
      extra={
        c && (
          <Space>
            {c.actions.includes('transfer') && <Button onClick={() => setDialog('transfer')}>{t('ui.case.transfer')}</Button>}
            {c.actions.includes('add_order') && <Button onClick={() => setDialog('add_order')}>{t('ui.case.addOrder')}</Button>}
            {c.actions.includes('close') && (
              <Button type="primary" onClick={() => post.mutate({ path: 'close', body: {} })}>
                {t('ui.case.close')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {c && (
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('ui.case.unit')}>{c.unitId ? <Link to={`/units/${c.unitId}`}>{c.path}</Link> : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ui.case.channel')}>{t(`ui.channel.${c.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.case.caller')}>
                {c.callerName} {c.callerPhone}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.case.owner')}>{c.ownerName}</Descriptions.Item>
              <Descriptions.Item label={t('ui.case.content')} span={2}>
                {c.content}
                {c.confirmedWithCaller && <Tag color="green" style={{ marginLeft: 8 }}>{t('ui.case.confirmed')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.case.createdAt')}>{dayjs(c.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
              <Descriptions.Item label={t('ui.case.replyDue')}>
                <DeadlineChip now={now} d={{ kind: 'reply', dueAt: c.replyDueAt, metAt: c.repliedAt, overdue: c.overdue }} />
              </Descriptions.Item>
              {c.reply && (
                <Descriptions.Item label={t('ui.case.reply')} span={2}>
                  {c.reply}
                  {c.lateReason && <div>（{c.lateReason}）</div>}
                </Descriptions.Item>
              )}
            </Descriptions>
            {c.actions.includes('reply') && (
              <Card size="small" title={t('ui.case.answer')} style={{ marginTop: 12 }}>
                <Form form={replyForm} layout="vertical" onFinish={(v) => post.mutate({ path: 'reply', body: v })}>
                  <Form.Item name="reply" label={t('ui.case.reply')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
                    <Input.TextArea rows={2} maxLength={1000} />
                  </Form.Item>
                  {new Date(c.replyDueAt).getTime() < now && (
                    <Form.Item name="lateReason" label={t('ui.case.lateReason')} rules={[{ required: true, message: t('errors.late_reason_required') }]}>
                      <Input.TextArea rows={2} maxLength={500} />
                    </Form.Item>
                  )}
                  <Button type="primary" htmlType="submit" loading={post.isPending}>
                    {t('ui.case.answer')}
                  </Button>
                </Form>
              </Card>
            )}
            <Card
              size="small"
              title={t('ui.order.attachments')}
              style={{ marginTop: 12 }}
              extra={
                <Upload
                  accept="image/*,application/pdf"
                  showUploadList={false}
                  beforeUpload={async (f) => {
                    await uploadFile('case', c.id, f.type === 'application/pdf' ? 'document' : 'photo', f).catch((e: ApiError) => message.error(e.body?.fields?.[0]?.message ?? e.message));
                    await queryClient.invalidateQueries({ queryKey: ['case', id] });
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />}>
                    {t('ui.order.uploadPhoto')}
                  </Button>
                </Upload>
              }
            >
              <Space wrap>
                {c.attachments.map((a) => (a.mime.startsWith('image/') ? <Image key={a.id} width={96} src={a.url} alt={a.name} /> : <a key={a.id} href={a.url}>{a.name}</a>))}
              </Space>
            </Card>
            <Card size="small" title={t('ui.case.orders')} style={{ marginTop: 12 }}>
              <Table<TWorkOrder>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.orders}
                columns={[
                  { title: t('ui.order.number'), dataIndex: 'number', render: (v, o) => <Link to={`/orders/${o.id}`}>{v}</Link> },
                  { title: t('ui.order.status'), dataIndex: 'status', render: (v) => <WoStatusTag status={v} /> },
                  { title: t('ui.order.department'), dataIndex: 'department', render: (v) => t(`ui.department.${v}`) },
                  { title: t('ui.order.assignee'), dataIndex: 'assigneeName', render: (v) => v ?? '—' },
                  { title: t('ui.order.deadlines'), dataIndex: 'deadlines', render: (v) => <DeadlineChips deadlines={v} /> },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card size="small" title={t('ui.case.history')}>
              <Timeline items={[...c.events].reverse().map((e) => ({ key: e.id, content: <EventText e={e} ns="caseAction" /> }))} />
            </Card>
          </Col>
        </Row>
      )}
      {c && dialog === 'transfer' && <TransferDialog c={c} pending={post.isPending} onClose={() => setDialog(null)} onSubmit={(v) => post.mutate({ path: 'transfer', body: v })} />}
      {c && dialog === 'add_order' && <AddOrderDialog pending={post.isPending} onClose={() => setDialog(null)} onSubmit={(order) => post.mutate({ path: 'orders', body: { order } })} hasUnit={!!c.unitId} />}
    </Card>
  );
}

function TransferDialog({ c, pending, onClose, onSubmit }: { c: TCaseDetail; pending: boolean; onClose(): void; onSubmit(v: Record<string, unknown>): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const staff = useQuery({ queryKey: ['staff', c.projectId], queryFn: () => api.get<{ items: TStaff[] }>(`/api/projects/${c.projectId}/staff`) });
  const desk = (staff.data?.items ?? []).filter((s) => s.id !== c.ownerId && s.roles.some((r) => ['clerk', 'housekeeper', 'cs_supervisor', 'project_manager'].includes(r.role)));
  const required = [{ required: true, message: t('fieldErrors.required') }];
  return (
    <Modal open title={t('ui.case.transfer')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={pending}>
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item name="toUserId" label={t('ui.case.transferTo')} rules={required}>
          <Select options={desk.map((s) => ({ value: s.id, label: `${s.displayName}（${s.roles.map((r) => t(`ui.role.${r.role}`)).join('、')}）` }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('ui.case.transferReason')} rules={required}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddOrderDialog({ pending, hasUnit, onClose, onSubmit }: { pending: boolean; hasUnit: boolean; onClose(): void; onSubmit(v: Record<string, unknown>): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const kind = Form.useWatch('locationKind', form);
  const required = [{ required: true, message: t('fieldErrors.required') }];
  return (
    <Modal open title={t('ui.case.addOrder')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={pending}>
      <Form form={form} layout="vertical" onFinish={onSubmit} initialValues={{ trade: 'cleaning', priority: 'normal', locationKind: hasUnit ? 'unit' : 'public', department: 'environment' }}>
        <Form.Item name="department" label={t('ui.order.department')}>
          <Select options={['engineering', 'environment', 'security'].map((d) => ({ value: d, label: t(`ui.department.${d}`) }))} />
        </Form.Item>
        <Form.Item name="trade" label={t('ui.order.trade')}>
          <Select options={TRADES.map((c) => ({ value: c, label: t(`ui.trade.${c}`) }))} />
        </Form.Item>
        <Form.Item name="locationKind" label={t('ui.order.location')}>
          <Select options={[...(hasUnit ? [{ value: 'unit', label: t('ui.order.unit') }] : []), { value: 'public', label: t('ui.order.publicArea') }]} />
        </Form.Item>
        {kind === 'public' && (
          <Form.Item name="publicLocation" label={t('ui.order.publicArea')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('ui.order.description')} rules={required}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
