// AR-02..AR-04: one archive — the customer's data in full (this view is logged), the checklist with
// uploads from a phone camera or the paper original's cabinet, and the change requests with signatures.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { TArchiveDetail, TChangeRequest, ZChecklistEntry } from '../../../../common/archives';
import type { TUnitDetail } from '../../../../common/people';
import { api, ApiError } from '../../lib/api';
import { SignaturePad } from '../workorders/SignaturePad';

type Entry = z.infer<typeof ZChecklistEntry>;
const dataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

export function ArchivePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['archive', id], queryFn: () => api.get<TArchiveDetail>(`/api/archives/${id}`) });
  const a = q.data;
  const unit = useQuery({ queryKey: ['unit', a?.unitId], queryFn: () => api.get<TUnitDetail>(`/api/units/${a!.unitId}`), enabled: !!a && a.kind === 'tenant' });
  const refresh = (d?: TArchiveDetail) => (d ? client.setQueryData(['archive', id], d) : void client.invalidateQueries({ queryKey: ['archive', id] }));
  const onError = (e: unknown) => message.error(e instanceof ApiError ? (e.body.fields?.[0]?.message ?? e.message) : String(e));
  const file = useMutation({
    mutationFn: async (v: { itemCode: string; form: 'file' | 'paper'; file?: File; cabinet?: string }) =>
      api.post<TArchiveDetail>(`/api/archives/${id}/documents`, { itemCode: v.itemCode, form: v.form, name: v.file?.name ?? '', data: v.file ? await dataUrl(v.file) : undefined, cabinet: v.cabinet ?? '' }),
    onSuccess: (d) => refresh(d),
    onError,
  });
  const [changeOpen, setChangeOpen] = useState(false);
  const [signing, setSigning] = useState<{ c: TChangeRequest; action: 'sign' | 'consent' }>();
  const [signature, setSignature] = useState<string>();
  const [ownerId, setOwnerId] = useState<string>();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: Record<string, string>) => api.post<TChangeRequest>('/api/archive-changes', { archiveId: id, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x)) }),
    onSuccess: () => {
      setChangeOpen(false);
      form.resetFields();
      refresh();
    },
    onError: (e) => (e instanceof ApiError ? form.setFields(e.formFields()) : onError(e)),
  });
  const act = useMutation({
    mutationFn: (v: { c: TChangeRequest; body: Record<string, unknown> }) => api.post<TChangeRequest>(`/api/archive-changes/${v.c.id}/actions`, { version: v.c.version, ...v.body }),
    onSuccess: () => {
      setSigning(undefined);
      setSignature(undefined);
      refresh();
    },
    onError,
  });
  if (!a) return <Card loading={q.isPending} />;
  const may = (x: TArchiveDetail['actions'][number]) => a.actions.includes(x);
  const owners = (unit.data?.occupants ?? []).filter((o) => o.relation === 'owner');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={`${a.path} · ${t(`archive.kinds.${a.kind}`)}`} extra={a.retiredAt ? <Tag>{t('archive.retired')}</Tag> : a.missingCount ? <Tag color={a.overdue ? 'red' : 'orange'}>{t('archive.missing')} {a.missingCount}</Tag> : <Tag color="green">{t('archive.complete')}</Tag>}>
        <Alert type="info" showIcon message={t('archive.detailLogged')} style={{ marginBottom: 12 }} />
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('archive.customer')}>{a.customerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('archive.phone')}>{a.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('archive.idNumber')}>{a.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('archive.openedOn')}>{a.openedOn}</Descriptions.Item>
          <Descriptions.Item label={t('archive.dueAt')}>{a.dueAt ? dayjs(a.dueAt).format('YYYY-MM-DD') : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('archive.cabinet')}>{a.cabinet || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('archive.keeper')}>{a.keeperName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('archive.keysHeld')}>{a.keysHeld ? t('archive.yes') : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('archive.viaAgent')}>{a.viaAgent ? t('archive.yes') : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('archive.checklist')}>
        <Table<Entry>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={a.checklist}
          scroll={{ x: 700 }}
          columns={[
            { title: t('archive.item'), dataIndex: 'label', render: (v, i) => <span style={{ color: i.applies ? undefined : '#999' }}>{v}</span> },
            {
              title: t('archive.state'),
              width: 260,
              render: (_, i) =>
                !i.applies ? t('archive.notApplicable') : i.documents.length ? (
                  <Space direction="vertical" size={0}>
                    {i.documents.map((d) => (d.url ? <a key={d.id} href={d.url} target="_blank" rel="noreferrer">{d.name}</a> : <span key={d.id}>{t('archive.paper')} · {d.cabinet}</span>))}
                  </Space>
                ) : i.missing ? <Tag color="red">{t('archive.missing')}</Tag> : <Tag>{t('archive.optional')}</Tag>,
            },
            {
              title: '',
              width: 240,
              render: (_, i) =>
                i.applies && may('file') && (
                  <Space>
                    <Upload accept="image/*,application/pdf" capture="environment" showUploadList={false} beforeUpload={(f) => (file.mutate({ itemCode: i.code, form: 'file', file: f }), false)}>
                      <Button size="small" data-testid={`upload-${i.code}`}>{t('archive.upload')}</Button>
                    </Upload>
                    <Button size="small" onClick={() => file.mutate({ itemCode: i.code, form: 'paper', cabinet: a.cabinet })}>{t('archive.markPaper')}</Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('archive.changes')} extra={may('change') && <Button onClick={() => setChangeOpen(true)}>{t('archive.newChange')}</Button>}>
        {a.changes.map((c) => (
          <Card key={c.id} size="small" type="inner" style={{ marginBottom: 8 }} title={`${dayjs(c.createdAt).format('YYYY-MM-DD')} · ${c.reason}`} extra={<Tag>{t(`archive.changeStatus.${c.status}`)}</Tag>}>
            <Table
              rowKey="field"
              size="small"
              pagination={false}
              dataSource={c.changes}
              columns={[
                { title: t('archive.field'), dataIndex: 'field', render: (v) => t(`archive.fields.${v}`) },
                { title: t('archive.before'), dataIndex: 'before' },
                { title: t('archive.after'), dataIndex: 'after' },
              ]}
            />
            <Space wrap style={{ marginTop: 8 }}>
              {c.signed && <Tag color="green">{t('archive.signed')}</Tag>}
              {c.needsConsent && (c.consented ? <Tag color="green">{t('archive.consented')} {c.consentOwnerName}</Tag> : <Tag color="orange">{t('archive.needsConsent')}</Tag>)}
              {c.actions.includes('sign') && !c.signed && <Button size="small" onClick={() => setSigning({ c, action: 'sign' })}>{t('archive.sign')}</Button>}
              {c.actions.includes('consent') && !c.consented && <Button size="small" onClick={() => setSigning({ c, action: 'consent' })}>{t('archive.consent')}</Button>}
              {c.actions.includes('apply') && <Button size="small" type="primary" onClick={() => act.mutate({ c, body: { action: 'apply' } })}>{t('archive.apply')}</Button>}
              {c.actions.includes('cancel') && <Button size="small" danger onClick={() => act.mutate({ c, body: { action: 'cancel' } })}>{t('archive.cancel')}</Button>}
            </Space>
          </Card>
        ))}
      </Card>
      <Modal open={changeOpen} title={t('archive.newChange')} onCancel={() => setChangeOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="reason" label={t('archive.changeReason')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="name" label={t('archive.fields.name')}><Input placeholder={a.customerName ?? ''} /></Form.Item>
          <Form.Item name="phone" label={t('archive.fields.phone')}><Input placeholder={a.phone ?? ''} /></Form.Item>
          <Form.Item name="idNumber" label={t('archive.fields.idNumber')}><Input /></Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!signing}
        title={signing?.action === 'consent' ? t('archive.consent') : t('archive.sign')}
        onCancel={() => setSigning(undefined)}
        okButtonProps={{ disabled: !signature || (signing?.action === 'consent' && !ownerId) }}
        onOk={() => signing && act.mutate({ c: signing.c, body: { action: signing.action, signature, ...(signing.action === 'consent' ? { ownerId } : {}) } })}
      >
        {signing?.action === 'consent' && <Select style={{ width: '100%', marginBottom: 8 }} placeholder={t('archive.consentOwner')} value={ownerId} onChange={setOwnerId} options={owners.map((o) => ({ value: o.customerId, label: o.name }))} />}
        <SignaturePad onChange={setSignature} />
      </Modal>
    </Space>
  );
}
