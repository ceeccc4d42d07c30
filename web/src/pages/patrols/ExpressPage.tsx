// FD-05: express mail for villa owners — register an item (unit, owner, identity check, item, courier and
// the courier's fee), follow it daily until delivered; an item not followed up in time is flagged.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { EXPRESS_STATUSES, IDENTITY_CHECKS, ITEM_TYPES, type TExpress } from '../../../../common/rooms';
import type { TUnitDetail } from '../../../../common/people';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';

export function ExpressPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const [open, setOpen] = useState(true);
  const list = useQuery({ queryKey: ['express', projectId, open], queryFn: () => api.get<{ items: TExpress[] }>(`/api/express-mail?${qs({ projectId, open: open ? 'true' : undefined })}`), enabled: !!projectId });
  const [dialog, setDialog] = useState<{ kind: 'send' } | { kind: 'progress'; e: TExpress } | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('patrol.express.title')}
        </Typography.Title>
        {can('case.create') && <Button type="primary" onClick={() => setDialog({ kind: 'send' })}>{t('patrol.express.send')}</Button>}
        <Switch checked={open} onChange={setOpen} /> {t('patrol.express.onlyOpen')}
      </Space>
      <Table<TExpress>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('patrol.date'), dataIndex: 'createdAt', render: (d) => dayjs(d).format('MM-DD HH:mm'), width: 110 },
          { title: t('patrol.express.unit'), dataIndex: 'path' },
          { title: t('patrol.express.customer'), dataIndex: 'customerName' },
          { title: t('patrol.express.identityCheck'), dataIndex: 'identityCheck', render: (v) => t(`patrol.express.identityChecks.${v}`) },
          { title: t('patrol.express.itemType'), dataIndex: 'itemType', render: (v) => t(`patrol.express.itemTypes.${v}`) },
          { title: t('patrol.express.destination'), dataIndex: 'destination' },
          { title: t('patrol.express.courier'), render: (_, e) => `${e.courier} ${e.trackingNo}` },
          { title: t('patrol.express.fee'), dataIndex: 'fee', render: (f) => (f / 100).toFixed(2), width: 90 },
          {
            title: '',
            render: (_, e) => (
              <Space>
                <Tag color={e.status === 'delivered' ? 'green' : e.status === 'returned' ? 'default' : 'blue'}>{t(`patrol.express.statuses.${e.status}`)}</Tag>
                {e.followUpOverdue && <Tag color="red">{t('patrol.express.followUpOverdue')}</Tag>}
                {e.nextFollowUpAt && can('case.create') && <Button size="small" onClick={() => setDialog({ kind: 'progress', e })}>{t('patrol.express.followUp')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      {dialog && <ExpressDialog dialog={dialog} onClose={() => setDialog(null)} />}
    </Space>
  );
}


function ExpressDialog({ dialog, onClose }: { dialog: { kind: 'send' } | { kind: 'progress'; e: TExpress }; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId } = useSession();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [term, setTerm] = useState('');
  const unitId = Form.useWatch('unitId', form);
  const units = useQuery({ queryKey: ['units', projectId, term], queryFn: () => api.get<{ items: { id: string; path: string }[] }>(`/api/units?${qs({ projectId, q: term, limit: 20 })}`), enabled: dialog.kind === 'send' && term.length > 0 });
  const unit = useQuery({ queryKey: ['unit', unitId], queryFn: () => api.get<TUnitDetail>(`/api/units/${unitId}`), enabled: !!unitId });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      dialog.kind === 'send'
        ? api.post('/api/express-mail', { ...v, fee: Math.round(Number(v.fee ?? 0) * 100) })
        : api.post(`/api/express-mail/${dialog.e.id}/progress`, { version: dialog.e.version, ...v }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['express'] });
      onClose();
    },
    onError: (e) => (e instanceof ApiError && e.body.fields ? form.setFields(e.formFields()) : message.error((e as Error).message)),
  });
  return (
    <Modal open title={dialog.kind === 'send' ? t('patrol.express.send') : t('patrol.express.followUp')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ identityCheck: 'id_card', itemType: 'document', status: dialog.kind === 'progress' ? dialog.e.status : undefined }} onFinish={(v) => save.mutate(v)}>
        {dialog.kind === 'send' ? (
          <>
            <Form.Item name="unitId" label={t('patrol.express.unit')} rules={[{ required: true }]}>
              <Select showSearch filterOption={false} onSearch={setTerm} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.path }))} />
            </Form.Item>
            <Form.Item name="customerId" label={t('patrol.express.customer')} rules={[{ required: true }]}>
              <Select options={(unit.data?.occupants ?? []).map((c) => ({ value: c.customerId, label: `${c.name}（${t(`ui.relation.${c.relation}`, c.relation)}）` }))} />
            </Form.Item>
            <Form.Item name="identityCheck" label={t('patrol.express.identityCheck')}>
              <Select options={IDENTITY_CHECKS.map((x) => ({ value: x, label: t(`patrol.express.identityChecks.${x}`) }))} />
            </Form.Item>
            <Form.Item name="itemType" label={t('patrol.express.itemType')}>
              <Select options={ITEM_TYPES.map((x) => ({ value: x, label: t(`patrol.express.itemTypes.${x}`) }))} />
            </Form.Item>
            <Form.Item name="destination" label={t('patrol.express.destination')} rules={[{ required: true }]}><Input /></Form.Item>
            <Space>
              <Form.Item name="courier" label={t('patrol.express.courier')} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="fee" label={t('patrol.express.fee')}><InputNumber min={0} step={1} /></Form.Item>
            </Space>
          </>
        ) : (
          <>
            <Form.Item name="status" label={t('patrol.express.followUp')}>
              <Select options={EXPRESS_STATUSES.map((x) => ({ value: x, label: t(`patrol.express.statuses.${x}`) }))} />
            </Form.Item>
            <Form.Item name="trackingNo" label={t('patrol.express.trackingNo')}><Input /></Form.Item>
            <Form.Item name="note" label={t('patrol.note')}><Input /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
