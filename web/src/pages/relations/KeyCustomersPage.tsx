// CR-01: the key customer list of a quarter with its reasons and visit coverage, the system's 1% area
// suggestions, and the quarterly review.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import { KEY_REASONS, type TKeyCustomer, type TKeyCustomerList, type ZKeySuggestions } from '../../../../common/relations';
import { api } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { useSession } from '../../lib/session';

const quarters = () => {
  const now = dayjs();
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    const d = now.subtract(i * 3, 'month');
    out.push(`${d.year()}-Q${Math.floor(d.month() / 3) + 1}`);
  }
  return out;
};
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

export function KeyCustomersPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const client = useQueryClient();
  const [quarter, setQuarter] = useState(quarters()[0]);
  const [adding, setAdding] = useState<{ customerId?: string; name?: string; reasons?: string[] } | null>(null);
  const [form] = Form.useForm();
  const key = ['key-customers', projectId, quarter];
  const list = useQuery({ queryKey: key, queryFn: () => api.get<TKeyCustomerList>(`/api/projects/${projectId}/key-customers?quarter=${quarter}`), enabled: !!projectId });
  const suggestions = useQuery({ queryKey: ['key-suggestions', projectId], queryFn: () => api.get<z.infer<typeof ZKeySuggestions>>(`/api/projects/${projectId}/key-customers/suggestions`), enabled: !!projectId });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['key-customers'] }), client.invalidateQueries({ queryKey: ['key-suggestions'] })]);
  const review = useMutation({ mutationFn: () => api.post(`/api/projects/${projectId}/key-customer-reviews`, { quarter, note: '' }), onSuccess: refresh });
  const add = useFormAction(form, (v) => api.post(`/api/projects/${projectId}/key-customers`, { ...v, phone: v.phone || undefined, customerId: adding?.customerId }), async () => {
    setAdding(null);
    await refresh();
  });
  const retire = useMutation({ mutationFn: (k: TKeyCustomer) => api.post(`/api/key-customers/${k.id}/retire`, { version: k.version, reason: '季度评审移出' }), onSuccess: refresh });
  const d = list.data;
  const open = (v: { customerId?: string; name?: string; reasons?: string[] }) => {
    form.resetFields();
    form.setFieldsValue({ name: v.name, reasons: v.reasons ?? [], note: '' });
    setAdding(v);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={t('relation.navKeys')}
        extra={
          <Space wrap>
            <Select value={quarter} onChange={setQuarter} options={quarters().map((q) => ({ value: q, label: q }))} style={{ width: 120 }} />
            {d?.canManage && <Button onClick={() => open({})}>{t('relation.add')}</Button>}
          </Space>
        }
      >
        {d && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag>{t('relation.listed')} {d.listed}</Tag>
            <Tag color={d.visited === d.listed ? 'green' : 'orange'}>{t('relation.visitedQuarter')} {d.visited} / {d.listed}</Tag>
            <Tag>{t('relation.reviewDue')} {dayjs(d.reviewDueAt).subtract(1, 'second').format('YYYY-MM-DD')}</Tag>
            {d.review ? (
              <Tag color={d.review.late ? 'orange' : 'green'}>
                {t('relation.reviewDone', { by: d.review.reviewedByName, at: dayjs(d.review.reviewedAt).format('YYYY-MM-DD') })}
                {d.review.late ? ` · ${t('relation.reviewLate')}` : ''}
              </Tag>
            ) : (
              <Tag color={d.reviewOverdue ? 'red' : 'default'}>{t('relation.reviewMissing')}</Tag>
            )}
            {d.canManage && !d.review && (
              <Button size="small" type="primary" loading={review.isPending} onClick={() => review.mutate()}>
                {t('relation.doReview')}
              </Button>
            )}
          </Space>
        )}
        <Table<TKeyCustomer>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={d?.items}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('relation.name'), dataIndex: 'name', width: 180 },
            { title: t('relation.path'), dataIndex: 'path', width: 150, render: (v) => v ?? '—' },
            { title: t('relation.phone'), dataIndex: 'phone', width: 130, render: (v) => v ?? '—' },
            { title: t('relation.reasonsLabel'), dataIndex: 'reasons', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{t(`relation.reasons.${r}`)}</Tag>) },
            { title: t('relation.areaShare'), dataIndex: 'areaShare', width: 90, render: pct },
            { title: t('relation.lastVisit'), dataIndex: 'lastVisitOn', width: 110, render: (v) => v ?? '—' },
            {
              title: t('relation.visitedQuarter'),
              width: 130,
              render: (_, k) => (k.visitedThisQuarter ? <Tag color="green">✓</Tag> : <Tag color={k.overdue ? 'red' : 'orange'}>{k.overdue ? t('relation.overdue') : t('relation.notVisited')}</Tag>),
            },
            ...(d?.canManage ? [{ title: '', width: 100, render: (_: unknown, k: TKeyCustomer) => <Button size="small" danger onClick={() => retire.mutate(k)}>{t('relation.retire')}</Button> }] : []),
          ]}
        />
      </Card>
      {suggestions.data && suggestions.data.items.length > 0 && (
        <Card size="small" title={t('relation.suggestions')}>
          <Typography.Paragraph type="secondary">{t('relation.suggestionsHint', { total: suggestions.data.totalAreaM2.toFixed(0) })}</Typography.Paragraph>
          <Table
            rowKey="customerId"
            size="small"
            pagination={false}
            dataSource={suggestions.data.items}
            columns={[
              { title: t('relation.name'), dataIndex: 'name' },
              { title: t('relation.path'), dataIndex: 'paths', render: (ps: string[]) => ps.join('、') },
              { title: t('relation.areaShare'), dataIndex: 'areaShare', width: 100, render: pct },
              {
                title: '',
                width: 100,
                render: (_, s) => (s.listed ? <Tag color="green">{t('relation.listedAlready')}</Tag> : d?.canManage && <Button size="small" onClick={() => open({ customerId: s.customerId, name: s.name, reasons: ['large_area'] })}>{t('relation.addThis')}</Button>),
              },
            ]}
          />
        </Card>
      )}
      <Modal open={!!adding} title={t('relation.add')} onCancel={() => setAdding(null)} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden>
        {add.error && <Alert type="error" showIcon message={add.error.message} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="name" label={t('relation.name')} rules={[{ required: true }]}>
            <Input autoFocus maxLength={100} />
          </Form.Item>
          <Form.Item name="phone" label={t('relation.phone')}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="reasons" label={t('relation.reasonsLabel')} rules={[{ required: true }]}>
            <Select mode="multiple" options={KEY_REASONS.map((r) => ({ value: r, label: t(`relation.reasons.${r}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('relation.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
