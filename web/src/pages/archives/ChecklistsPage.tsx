// AR-02: the company's document checklists per archive kind — read by every archive user, edited by the
// company administrator; saving recounts every archive's missing items.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Switch, Table, Tabs } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { APPLIES_TO, ARCHIVE_KINDS, type TArchiveKind } from '../../../../common/archives';
import { api, ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';

interface Item {
  code: string;
  label: string;
  appliesTo: (typeof APPLIES_TO)[number];
  required: boolean;
}

export function ChecklistsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [kind, setKind] = useState<TArchiveKind>('owner');
  const q = useQuery({ queryKey: ['archive-checklists'], queryFn: () => api.get<{ kinds: Record<TArchiveKind, Item[]> }>('/api/archive-checklists') });
  // The checklist is the company's: only a company-wide administrator edits it (the server checks too).
  const editable = !!me?.roles.some((r) => r.role === 'company_admin' && r.projectId === null);
  return (
    <Card size="small" title={t('archive.checklistSettings')}>
      <Alert type="info" showIcon message={t('archive.checklistHint')} style={{ marginBottom: 12 }} />
      <Tabs activeKey={kind} onChange={(k) => setKind(k as TArchiveKind)} items={ARCHIVE_KINDS.map((k) => ({ key: k, label: t(`archive.kinds.${k}`) }))} />
      {q.data && (editable ? <ChecklistForm key={kind} kind={kind} items={q.data.kinds[kind]} /> : <ChecklistTable items={q.data.kinds[kind]} />)}
    </Card>
  );
}

function ChecklistTable({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  return (
    <Table<Item>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t('archive.item'), dataIndex: 'label' },
        { title: t('archive.checklistApplies'), dataIndex: 'appliesTo', width: 140, render: (v) => t(`archive.appliesTo.${v}`) },
        { title: t('archive.required'), dataIndex: 'required', width: 80, render: (v) => (v ? t('archive.yes') : t('archive.optional')) },
      ]}
    />
  );
}

function ChecklistForm({ kind, items }: { kind: TArchiveKind; items: Item[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const client = useQueryClient();
  useEffect(() => form.setFieldsValue({ items }), [form, items]);
  const save = useMutation({
    mutationFn: (v: { items: Item[] }) => api.put<{ recounted: number }>(`/api/archive-checklists/${kind}`, v),
    onSuccess: async (r) => {
      message.success(t('archive.checklistRecounted', { count: r.recounted }));
      await client.invalidateQueries({ queryKey: ['archive-checklists'] });
    },
    onError: (e) => e instanceof ApiError && form.setFields(e.formFields()),
  });
  const required = [{ required: true, message: t('fieldErrors.required') }];
  return (
    <Form form={form} initialValues={{ items }} onFinish={(v: { items: Item[] }) => save.mutate(v)} data-testid="checklist-form">
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <div key={f.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'baseline' }}>
                <Form.Item name={[f.name, 'code']} rules={required} style={{ width: 160 }}>
                  <Input placeholder={t('archive.checklistCode')} aria-label={t('archive.checklistCode')} />
                </Form.Item>
                <Form.Item name={[f.name, 'label']} rules={required} style={{ flex: 1, minWidth: 200 }}>
                  <Input placeholder={t('archive.item')} aria-label={t('archive.item')} maxLength={80} />
                </Form.Item>
                <Form.Item name={[f.name, 'appliesTo']} style={{ width: 150 }}>
                  <Select aria-label={t('archive.checklistApplies')} options={APPLIES_TO.map((a) => ({ value: a, label: t(`archive.appliesTo.${a}`) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'required']} valuePropName="checked" label={t('archive.required')}>
                  <Switch />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('ui.remove')} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', label: '', appliesTo: 'all', required: true })}>
              {t('archive.checklistAdd')}
            </Button>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12, display: 'block' }}>
        {t('ui.save')}
      </Button>
    </Form>
  );
}
