// PT-03: the equipment register with each maintenance plan's next check (overdue flagged); engineering adds
// equipment and plans; a check is recorded against a plan, and a failed one opens a work order.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EQUIPMENT_KINDS, type TEquipment } from '../../../../common/patrols';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';

type Dialog = { kind: 'equipment' } | { kind: 'plan'; e: TEquipment } | { kind: 'check'; e: TEquipment; planId: string } | null;

export function EquipmentPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const list = useQuery({ queryKey: ['equipment', projectId], queryFn: () => api.get<{ items: TEquipment[] }>(`/api/equipment?${qs({ projectId })}`), enabled: !!projectId });
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('patrol.equipmentTitle')}
        </Typography.Title>
        {can('facility.manage') && <Button onClick={() => setDialog({ kind: 'equipment' })}>{t('patrol.addEquipment')}</Button>}
      </Space>
      <Table<TEquipment>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('patrol.code'), dataIndex: 'code', width: 90 },
          { title: t('patrol.kind'), dataIndex: 'kind', width: 100, render: (k) => t(`patrol.kinds.${k}`) },
          { title: t('patrol.name'), dataIndex: 'name', render: (n, e) => (e.retired ? <Space>{n}<Tag>{t('patrol.retired')}</Tag></Space> : n) },
          { title: t('patrol.location'), dataIndex: 'location' },
          {
            title: t('patrol.plans'),
            render: (_, e) => (
              <Space direction="vertical" size={2}>
                {e.plans.map((p) => (
                  <Space key={p.id} wrap>
                    <span>
                      {p.title}（{p.periodDays}）
                    </span>
                    <Tag color={p.overdue ? 'red' : 'default'}>
                      {t('patrol.nextCheck')} {p.nextDueOn}
                    </Tag>
                    {p.lastResult && <Tag color={p.lastResult === 'pass' ? 'green' : 'red'}>{t(`patrol.${p.lastResult as 'pass' | 'fail'}`)}</Tag>}
                    {can('facility.check') && !e.retired && (
                      <Button size="small" onClick={() => setDialog({ kind: 'check', e, planId: p.id })}>
                        {t('patrol.recordCheck')}
                      </Button>
                    )}
                  </Space>
                ))}
                {can('facility.manage') && !e.retired && (
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'plan', e })}>
                    {t('patrol.addPlan')}
                  </Button>
                )}
              </Space>
            ),
          },
          { title: t('patrol.openOrders'), dataIndex: 'openOrders', width: 90, render: (n) => (n ? <Tag color="orange">{n}</Tag> : 0) },
        ]}
      />
      {dialog && <EquipmentDialog dialog={dialog} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function EquipmentDialog({ dialog, onClose }: { dialog: NonNullable<Dialog>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const result = Form.useWatch('result', form);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      dialog.kind === 'equipment'
        ? api.post('/api/equipment', { projectId, ...v })
        : dialog.kind === 'plan'
          ? api.post('/api/maintenance-plans', { equipmentId: dialog.e.id, ...v })
          : api.post('/api/facility-checks', { planId: dialog.planId, result: v.result, note: v.note ?? '', order: v.result === 'fail' ? { description: v.description, priority: v.priority ?? 'normal' } : undefined }),
    onSuccess: (r: unknown) => {
      const number = (r as { workOrderNumber?: string }).workOrderNumber;
      message.success(number ? `${t('patrol.workOrder')} ${number}` : t('patrol.saved'));
      void qc.invalidateQueries({ queryKey: ['equipment'] });
      onClose();
    },
    onError: (e) => (e instanceof ApiError && e.body.fields ? form.setFields(e.formFields()) : message.error((e as Error).message)),
  });
  const title = dialog.kind === 'equipment' ? t('patrol.addEquipment') : dialog.kind === 'plan' ? `${t('patrol.addPlan')} · ${dialog.e.name}` : `${t('patrol.recordCheck')} · ${dialog.e.name}`;
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'elevator', periodDays: 30, result: 'pass', priority: 'normal' }} onFinish={(v) => save.mutate(v)}>
        {dialog.kind === 'equipment' && (
          <>
            <Form.Item name="kind" label={t('patrol.kind')}>
              <Select options={EQUIPMENT_KINDS.map((k) => ({ value: k, label: t(`patrol.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="code" label={t('patrol.code')} rules={[{ required: true }]}>
              <Input autoFocus />
            </Form.Item>
            <Form.Item name="name" label={t('patrol.name')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="location" label={t('patrol.location')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'plan' && (
          <>
            <Form.Item name="title" label={t('patrol.planTitle')} rules={[{ required: true }]}>
              <Input autoFocus />
            </Form.Item>
            <Form.Item name="periodDays" label={t('patrol.periodDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={366} />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'check' && (
          <>
            <Form.Item name="result">
              <Radio.Group optionType="button" options={[{ value: 'pass', label: t('patrol.pass') }, { value: 'fail', label: t('patrol.fail') }]} />
            </Form.Item>
            {result === 'fail' && (
              <Form.Item name="description" label={t('patrol.orderDescription')} rules={[{ required: true }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('patrol.note')}>
              <Input />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
