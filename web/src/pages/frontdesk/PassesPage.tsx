// FD-01: the desk's item release passes — issue one to a resident of the unit (a tenant's with the owner's
// confirmation), print it, void it; the month's list for the archive.
import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { TPass, ZPassList } from '../../../../common/frontdesk';
import type { TStaffPassRequest } from '../../../../common/portal-errands';
import type { TLookupHit, ZLookupResult } from '../../../../common/people';
import { api, ApiError, qs } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { useSession } from '../../lib/session';
import { useDebounced } from '../../lib/useDebounced';

export const PASS_COLORS: Record<TPass['state'], string> = { valid: 'green', used: 'default', expired: 'orange', void: 'red' };

export function PassesPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [month, setMonth] = useState(dayjs());
  const [issuing, setIssuing] = useState(false);
  const query = qs({ projectId, month: month.format('YYYY-MM') });
  const q = useQuery({ queryKey: ['release-passes', query], queryFn: () => api.get<z.infer<typeof ZPassList>>(`/api/release-passes?${query}`), enabled: !!projectId });
  const voidPass = useMutation({
    mutationFn: (x: { p: TPass; reason: string }) => api.post(`/api/release-passes/${x.p.id}/void`, { version: x.p.version, reason: x.reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['release-passes'] }),
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const askVoid = (p: TPass) => {
    let reason = '';
    modal.confirm({ title: t('frontdesk.pass.voidTitle', { number: p.number }), content: <Input autoFocus placeholder={t('frontdesk.pass.voidReason')} onChange={(e) => (reason = e.target.value)} />, onOk: () => voidPass.mutateAsync({ p, reason }) });
  };
  return (
    <>
    <PortalRequests projectId={projectId} />
    <Card
      size="small"
      title={t('frontdesk.pass.title')}
      extra={
        <Space>
          <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
          <Button href={`/frontdesk/passes/print?${query}`} target="_blank">{t('frontdesk.printList')}</Button>
          {can('frontdesk.desk') && (
            <Button type="primary" data-testid="pass-issue" onClick={() => setIssuing(true)}>
              {t('frontdesk.pass.issue')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<TPass>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('frontdesk.pass.number'), dataIndex: 'number', width: 150 },
          { title: t('frontdesk.pass.unit'), dataIndex: 'unitPath', width: 130 },
          { title: t('frontdesk.pass.resident'), render: (_, p) => `${p.customerName}（${t(`frontdesk.relation.${p.relation}`)}）`, width: 140 },
          { title: t('frontdesk.pass.items'), dataIndex: 'items', render: (v, p) => `${v} · ${p.pieces}${t('frontdesk.pass.pieceUnit')}` },
          { title: t('frontdesk.pass.confirm'), width: 130, render: (_, p) => (p.ownerConfirmation ? `${p.ownerConfirmation.ownerName} · ${t(`frontdesk.pass.method.${p.ownerConfirmation.method}`)}` : '—') },
          { title: t('frontdesk.pass.validOn'), dataIndex: 'validOn', width: 100 },
          { title: t('frontdesk.pass.state'), width: 150, render: (_, p) => <Space size={4}><Tag color={PASS_COLORS[p.state]}>{t(`frontdesk.pass.states.${p.state}`)}</Tag>{p.usedAt && <span>{dayjs(p.usedAt).format('MM-DD HH:mm')} {p.gate}</span>}</Space> },
          {
            title: '',
            width: 120,
            render: (_, p) => (
              <Space size={4}>
                <Button size="small" href={`/frontdesk/passes/${p.id}/print`} target="_blank">
                  {t('frontdesk.print')}
                </Button>
                {p.state === 'valid' && can('frontdesk.desk') && (
                  <Button size="small" danger onClick={() => askVoid(p)}>
                    {t('frontdesk.pass.void')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {issuing && <IssueModal projectId={projectId} onClose={() => setIssuing(false)} />}
    </Card>
    </>
  );
}

/** FD-01, X-03: tenants' requests from the portal still awaiting an owner; the desk may phone the owner and issue. */
function PortalRequests({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['pass-requests', projectId], queryFn: () => api.get<{ items: TStaffPassRequest[] }>(`/api/pass-requests?${qs({ projectId })}`), enabled: !!projectId });
  const issue = useMutation({
    mutationFn: (x: { r: TStaffPassRequest; ownerId: string; note: string }) => api.post<TPass>(`/api/pass-requests/${x.r.id}/issue`, { version: x.r.version, ownerId: x.ownerId, note: x.note }),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: ['pass-requests'] });
      await qc.invalidateQueries({ queryKey: ['release-passes'] });
      window.open(`/frontdesk/passes/${p.id}/print`, '_blank');
    },
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const ask = (r: TStaffPassRequest) => {
    let ownerId = r.owners[0]?.id ?? '';
    let note = '';
    modal.confirm({
      title: t('frontdesk.pass.phoneIssueTitle', { items: r.items }),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select style={{ width: '100%' }} defaultValue={ownerId || undefined} onChange={(v: string) => (ownerId = v)} options={r.owners.map((o) => ({ value: o.id, label: `${o.name} ${o.phone}` }))} />
          <Input placeholder={t('frontdesk.note')} maxLength={200} onChange={(e) => (note = e.target.value)} />
        </Space>
      ),
      onOk: () => issue.mutateAsync({ r, ownerId, note }),
    });
  };
  if (!q.data?.items.length) return null;
  return (
    <Card size="small" title={t('frontdesk.pass.portalRequests')} style={{ marginBottom: 12 }} data-testid="portal-pass-requests">
      <p style={{ color: '#666', marginTop: 0 }}>{t('frontdesk.pass.portalRequestsHelp')}</p>
      <Table<TStaffPassRequest>
        rowKey="id"
        size="small"
        dataSource={q.data.items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('frontdesk.pass.unit'), dataIndex: 'unitPath', width: 130 },
          { title: t('frontdesk.pass.resident'), render: (_, r) => `${r.requesterName}（${t(`frontdesk.relation.${r.relation}`)}）`, width: 140 },
          { title: t('frontdesk.pass.items'), dataIndex: 'items', render: (v, r) => `${v} · ${r.pieces}${t('frontdesk.pass.pieceUnit')}` },
          { title: t('frontdesk.pass.validOn'), render: (_, r) => `${r.validOn} ${r.timeOut}`, width: 140 },
          { title: t('frontdesk.pass.plate'), dataIndex: 'vehiclePlate', width: 100 },
          {
            title: '',
            width: 150,
            render: (_, r) =>
              can('frontdesk.desk') && (
                <Button size="small" onClick={() => ask(r)} disabled={!r.owners.length}>
                  {t('frontdesk.pass.phoneIssue')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

function IssueModal({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [text, setText] = useState('');
  const [hit, setHit] = useState<TLookupHit | null>(null);
  const search = useDebounced(text, 300);
  const hits = useQuery({ queryKey: ['lookup', projectId, search], queryFn: () => api.get<z.infer<typeof ZLookupResult>>(`/api/lookup?${qs({ q: search, projectId })}`), enabled: search.length >= 2 });
  const owners = useQuery({
    queryKey: ['lookup-owners', hit?.unitId],
    queryFn: () => api.get<z.infer<typeof ZLookupResult>>(`/api/lookup?${qs({ q: hit!.path, projectId })}`),
    enabled: hit?.relation === 'tenant',
    select: (r) => r.hits.filter((h) => h.unitId === hit!.unitId && h.relation === 'owner' && h.customerId),
  });
  // Most units have one owner: the desk need not pick them.
  useEffect(() => {
    if (owners.data?.length === 1) form.setFieldValue('ownerId', owners.data[0].customerId);
  }, [owners.data, form]);
  const residents = (hits.data?.hits ?? []).filter((h) => h.customerId && (h.relation === 'owner' || h.relation === 'tenant'));
  const send = useFormAction(
    form,
    (v) => {
      const { ownerId, method, note, validOn, ...rest } = v as Record<string, unknown>;
      return api.post<TPass>('/api/release-passes', {
        ...rest,
        projectId,
        unitId: hit?.unitId,
        customerId: hit?.customerId,
        idChecked: true,
        validOn: validOn ? (validOn as dayjs.Dayjs).format('YYYY-MM-DD') : undefined,
        ...(hit?.relation === 'tenant' && ownerId ? { ownerConfirmation: { ownerId, method, note: note ?? '' } } : {}),
      });
    },
    async (p) => {
      await qc.invalidateQueries({ queryKey: ['release-passes'] });
      window.open(`/frontdesk/passes/${p.id}/print`, '_blank');
      onClose();
    },
  );
  return (
    <Modal open title={t('frontdesk.pass.issue')} onCancel={onClose} onOk={() => form.submit()} okText={t('frontdesk.pass.issueAndPrint')} confirmLoading={send.isPending} width={560}>
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} initialValues={{ pieces: 1, method: 'phone', validOn: dayjs() }}>
        <Form.Item label={t('frontdesk.pass.resident')} name="customerId" required help={hit ? `${hit.path} · ${t(`frontdesk.relation.${hit.relation}`)}` : t('frontdesk.pass.residentHelp')}>
          <Select
            showSearch
            autoFocus
            filterOption={false}
            onSearch={setText}
            placeholder={t('frontdesk.pass.residentHelp')}
            options={residents.map((h) => ({ value: `${h.customerId}|${h.unitId}`, label: `${h.path} ${h.customerName}（${t(`frontdesk.relation.${h.relation}`)}）` }))}
            onChange={(v: string) => setHit(residents.find((h) => `${h.customerId}|${h.unitId}` === v) ?? null)}
          />
        </Form.Item>
        {hit?.relation === 'tenant' && (
          <Card size="small" type="inner" title={t('frontdesk.pass.ownerConfirm')} style={{ marginBottom: 12 }}>
            <Form.Item label={t('frontdesk.pass.owner')} name="ownerId" rules={[{ required: true, message: t('fieldErrors.required') }]}>
              <Select options={(owners.data ?? []).map((o) => ({ value: o.customerId!, label: `${o.customerName} ${o.phone ?? ''}` }))} />
            </Form.Item>
            <Form.Item name="method" label={t('frontdesk.pass.confirmMethod')}>
              <Radio.Group options={(['phone', 'portal'] as const).map((m) => ({ value: m, label: t(`frontdesk.pass.method.${m}`) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('frontdesk.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </Card>
        )}
        <Space.Compact block>
          <Form.Item label={t('frontdesk.pass.bearer')} name="bearerName" rules={[{ required: true, message: t('fieldErrors.required') }]} style={{ width: '50%' }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label={t('frontdesk.phone')} name="bearerPhone" rules={[{ required: true, message: t('fieldErrors.required') }]} style={{ width: '50%' }}>
            <Input maxLength={20} />
          </Form.Item>
        </Space.Compact>
        <Form.Item label={t('frontdesk.pass.items')} name="items" rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Form.Item label={t('frontdesk.pass.pieces')} name="pieces">
            <InputNumber min={1} max={999} />
          </Form.Item>
          <Form.Item label={t('frontdesk.pass.validOn')} name="validOn">
            <DatePicker allowClear={false} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        <p style={{ color: '#666' }}>{t('frontdesk.pass.idCheckedNote')}</p>
      </Form>
    </Modal>
  );
}
