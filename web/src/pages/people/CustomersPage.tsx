// ORG-06: owners and tenants of the project — search by name, phone or unit; register new ones.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Segmented, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TUnit } from '../../../../common/org';
import { CUSTOMER_KINDS, RELATIONS, type TCustomer, type TUnitDetail } from '../../../../common/people';
import { api, ApiError, qs } from '../../lib/api';
import { LoadMore, useKeysetList } from '../../lib/keyset';
import { RelationTag } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { useDebounced } from '../../lib/useDebounced';

export function CustomersPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const [text, setText] = useState('');
  const [relation, setRelation] = useState<string>('');
  const [creating, setCreating] = useState(false);
  const q = useDebounced(text.trim());
  const { pages, rows } = useKeysetList<TCustomer>('customers', '/api/customers', qs({ projectId, q, relation }), !!projectId, 100);
  return (
    <Card
      size="small"
      title={t('ui.nav.customers')}
      extra={
        can('customer.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('ui.customer.create')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear style={{ width: 320 }} placeholder={t('ui.customer.searchPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
        <Segmented
          value={relation}
          onChange={(v) => setRelation(String(v))}
          options={[{ value: '', label: t('ui.all') }, ...RELATIONS.map((r) => ({ value: r, label: t(`ui.relation.${r}`) }))]}
        />
      </Space>
      <Table<TCustomer>
        rowKey="id"
        size="small"
        loading={pages.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('ui.customer.name'), dataIndex: 'name' },
          { title: t('ui.customer.kind'), dataIndex: 'kind', width: 80, render: (v) => t(`ui.customerKind.${v}`) },
          { title: t('ui.customer.phone'), dataIndex: 'phone', width: 140 },
          {
            title: t('ui.customer.units'),
            dataIndex: 'units',
            render: (units: TCustomer['units']) => (
              <Space size={4} wrap>
                {units.map((u) => (
                  <span key={u.unitId}>
                    <RelationTag relation={u.relation} />
                    <Link to={`/units/${u.unitId}`}>{u.path}</Link>
                  </span>
                ))}
              </Space>
            ),
          },
          { title: t('ui.customer.idNumber'), dataIndex: 'idNumber', width: 200, render: (v) => v ?? '—' },
        ]}
      />
      <LoadMore pages={pages} />
      {creating && <CreateCustomer projectId={projectId} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CreateCustomer({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const [unitText, setUnitText] = useState('');
  const unitQ = useDebounced(unitText.trim());
  const unitId = Form.useWatch('unitId', form);
  const relation = Form.useWatch('relation', form);
  const units = useQuery({
    queryKey: ['unit-pick', projectId, unitQ],
    queryFn: () => api.get<{ items: TUnit[] }>(`/api/units?${qs({ projectId, q: unitQ, limit: 20 })}`),
    enabled: unitQ.length >= 1,
  });
  const occupants = useQuery({ queryKey: ['unit', unitId], queryFn: () => api.get<TUnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<TCustomer>('/api/customers', { ...v, projectId }),
    onSuccess: async () => {
      message.success(t('ui.saved'));
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
      onClose();
    },
    onError: (e) => e instanceof ApiError && form.setFields(e.formFields()),
  });
  return (
    <Modal open title={t('ui.customer.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('ui.save')}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'person', relation: 'owner' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="unitId" label={t('ui.customer.unit')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setUnitText}
            placeholder={t('ui.unit.searchPlaceholder')}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.path }))}
          />
        </Form.Item>
        <Space>
          <Form.Item name="relation" label={t('ui.customer.relation')}>
            <Segmented options={RELATIONS.map((r) => ({ value: r, label: t(`ui.relation.${r}`) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('ui.customer.kind')}>
            <Segmented options={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`ui.customerKind.${k}`) }))} />
          </Form.Item>
        </Space>
        {relation === 'tenant' && (
          <Form.Item name="consentingOwnerId" label={t('ui.unit.consentingOwner')} rules={[{ required: true, message: t('fieldErrors.tenant_needs_owner') }]}>
            <Select
              options={(occupants.data?.occupants ?? []).filter((o) => o.relation === 'owner').map((o) => ({ value: o.customerId, label: o.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('ui.customer.name')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('ui.customer.phone')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('ui.customer.idNumber')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
