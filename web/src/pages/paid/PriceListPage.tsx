// PS-01: the project's paid-service price list — public; supervisors add, reprice and retire items.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SERVICE_CATEGORIES, type TPriceList, type TServiceItem } from '../../../../common/paid';
import { api, ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';

export function PriceListPage() {
  const { t, i18n } = useTranslation();
  const { projectId, can } = useSession();
  const editable = can('catalog.write');
  const [editing, setEditing] = useState<TServiceItem | 'new'>();
  const list = useQuery({
    queryKey: ['price-list', projectId, editable],
    queryFn: () => api.get<TPriceList>(`/api/projects/${projectId}/price-list${editable ? '?all=1' : ''}`),
    enabled: !!projectId,
  });
  const money = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'zh-CN', { style: 'currency', currency: 'CNY' });
  return (
    <Card
      size="small"
      title={t('ui.priceList.title')}
      extra={editable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('ui.priceList.add')}</Button>}
    >
      {list.data && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('ui.priceList.excluded', { items: list.data.excluded.join('、') })} />}
      <Table<TServiceItem>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: t('ui.priceList.category'), dataIndex: 'category', width: 120, render: (v) => <Tag>{t(`ui.priceList.categories.${v}`)}</Tag> },
          { title: t('ui.priceList.name'), dataIndex: 'name', render: (v, i) => (i.active ? v : <span style={{ color: '#999' }}>{v}（{t('ui.priceList.retired')}）</span>) },
          { title: t('ui.priceList.price'), dataIndex: 'price', width: 140, align: 'right', render: (v, i) => `${money.format(v)} / ${i.unit}` },
          { title: t('ui.priceList.note'), dataIndex: 'note' },
          ...(editable ? [{ title: t('ui.actions'), width: 80, render: (_: unknown, i: TServiceItem) => <Button size="small" type="link" onClick={() => setEditing(i)}>{t('ui.edit')}</Button> }] : []),
        ]}
      />
      {editing && <ItemDialog item={editing === 'new' ? null : editing} projectId={projectId} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}

function ItemDialog({ item, projectId, onClose }: { item: TServiceItem | null; projectId: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => (item ? api.put(`/api/service-items/${item.id}`, { ...v, category: undefined, version: item.version }) : api.post('/api/service-items', { ...v, projectId })),
    onSuccess: async () => {
      message.success(t('ui.saved'));
      await queryClient.invalidateQueries({ queryKey: ['price-list'] });
      onClose();
    },
    onError: (e) => e instanceof ApiError && form.setFields(e.formFields()),
  });
  const required = [{ required: true, message: t('fieldErrors.required') }];
  return (
    <Modal open title={item ? t('ui.edit') : t('ui.priceList.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={item ?? { category: 'water_electric', unit: '次', active: true }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="category" label={t('ui.priceList.category')}>
          <Select disabled={!!item} options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`ui.priceList.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('ui.priceList.name')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="price" label={t('ui.priceList.price')} rules={required}>
          <InputNumber min={0} step={1} precision={2} addonAfter={t('ui.priceList.yuan')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unit" label={t('ui.priceList.unit')} rules={required}>
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item name="note" label={t('ui.priceList.note')}>
          <Input maxLength={200} />
        </Form.Item>
        {item && (
          <Form.Item name="active" label={t('ui.priceList.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
