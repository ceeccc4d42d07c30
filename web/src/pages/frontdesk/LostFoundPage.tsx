// FD-04: the lost-and-found register — lost reports and found items with photos, matching one to the
// other, the hand-back with the receiver's identity and drawn signature, disposal after the period.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Image, Input, InputNumber, List, Modal, Radio, Segmented, Select, Space, Table, Tag, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import { LOST_CATEGORIES, type TLostCandidate, type TLostItem, type ZFrontdeskSettings, type ZLostList } from '../../../../common/frontdesk';
import { api, ApiError, qs } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { useSession } from '../../lib/session';
import { SignaturePad } from '../workorders/SignaturePad';

const STATE_COLORS: Record<TLostItem['state'], string> = { open: 'blue', matched: 'purple', returned: 'green', disposed: 'default' };
const dataUrl = (f: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });

export function LostFoundPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [dialog, setDialog] = useState<null | { kind: 'new' } | { kind: 'match' | 'return'; item: TLostItem }>(null);
  const query = qs({ projectId, open: filter === 'open' ? 'true' : undefined });
  const q = useQuery({ queryKey: ['lost-items', query], queryFn: () => api.get<z.infer<typeof ZLostList>>(`/api/lost-items?${query}`), enabled: !!projectId });
  const refresh = () => qc.invalidateQueries({ queryKey: ['lost-items'] });
  const dispose = useMutation({
    mutationFn: (x: { item: TLostItem; note: string }) => api.post(`/api/lost-items/${x.item.id}/dispose`, { version: x.item.version, note: x.note }),
    onSuccess: refresh,
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const askDispose = (item: TLostItem) => {
    let note = '';
    modal.confirm({ title: t('frontdesk.lost.disposeTitle', { number: item.number }), content: <Input autoFocus placeholder={t('frontdesk.lost.disposeNote')} onChange={(e) => (note = e.target.value)} />, onOk: () => dispose.mutateAsync({ item, note }) });
  };
  const desk = can('frontdesk.desk');
  return (
    <Card
      size="small"
      title={t('frontdesk.lost.title')}
      extra={
        <Space>
          <Segmented value={filter} onChange={(v) => setFilter(v as 'open' | 'all')} options={[{ value: 'open', label: t('frontdesk.lost.openOnly') }, { value: 'all', label: t('frontdesk.lost.all') }]} />
          {can('settings.write') && <SettingsButton projectId={projectId} onSaved={refresh} />}
          {desk && (
            <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
              {t('frontdesk.lost.register')}
            </Button>
          )}
        </Space>
      }
    >
      <p style={{ color: '#666', marginTop: 0 }}>{t('frontdesk.lost.periodNote', { days: q.data?.unclaimedDays ?? '' })}</p>
      <Table<TLostItem>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('frontdesk.lost.number'), dataIndex: 'number', width: 140 },
          { title: t('frontdesk.lost.kind'), dataIndex: 'kind', width: 140, render: (v, x) => `${t(`frontdesk.lost.kinds.${v}`)} · ${t(`frontdesk.lost.categories.${x.category}`)}` },
          { title: t('frontdesk.lost.description'), dataIndex: 'description', render: (v, x) => <Space>{x.photos.map((p) => <Image key={p.id} src={p.url} width={36} height={36} style={{ objectFit: 'cover' }} />)}{v}</Space> },
          { title: t('frontdesk.lost.place'), width: 150, render: (_, x) => `${x.happenedOn} ${x.place}` },
          { title: t('frontdesk.lost.person'), width: 150, render: (_, x) => `${x.personName} ${x.personPhone}` },
          {
            title: t('frontdesk.lost.state'),
            width: 200,
            render: (_, x) => (
              <Space size={4} wrap>
                <Tag color={STATE_COLORS[x.state]}>{t(`frontdesk.lost.states.${x.state}`)}</Tag>
                {x.matchedNumber && <span>↔ {x.matchedNumber}</span>}
                {x.overdue && <Tag color="red">{t('frontdesk.lost.overdue')}</Tag>}
                {x.likelyMatches > 0 && (
                  <Tag color="gold" style={{ cursor: desk ? 'pointer' : undefined }} onClick={() => desk && setDialog({ kind: 'match', item: x })} data-testid="likely-matches">
                    {t('frontdesk.lost.likelyMatches', { count: x.likelyMatches })}
                  </Tag>
                )}
                {x.returned && <span>{`${x.returned.receiverName} ${dayjs(x.returned.at).format('MM-DD')}`}</span>}
              </Space>
            ),
          },
          {
            title: '',
            width: 190,
            render: (_, x) =>
              desk && (
                <Space size={4}>
                  {x.state === 'open' && <Button size="small" onClick={() => setDialog({ kind: 'match', item: x })}>{t('frontdesk.lost.match')}</Button>}
                  {x.kind === 'found' && (x.state === 'open' || x.state === 'matched') && <Button size="small" type="primary" onClick={() => setDialog({ kind: 'return', item: x })}>{t('frontdesk.lost.return')}</Button>}
                  {x.overdue && x.kind === 'found' && <Button size="small" danger onClick={() => askDispose(x)}>{t('frontdesk.lost.dispose')}</Button>}
                  {x.kind === 'found' && x.state === 'returned' && (
                    <Button size="small" href={`/frontdesk/lost/${x.id}/slip`} target="_blank" data-testid="lost-slip-link">
                      {t('frontdesk.lost.slip')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {dialog?.kind === 'new' && <RegisterModal projectId={projectId} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog?.kind === 'match' && <MatchModal item={dialog.item} onClose={() => setDialog(null)} onDone={refresh} />}
      {dialog?.kind === 'return' && <ReturnModal item={dialog.item} onClose={() => setDialog(null)} onDone={refresh} />}
    </Card>
  );
}

function RegisterModal({ projectId, onClose, onDone }: { projectId: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const send = useFormAction(
    form,
    async (v) => api.post('/api/lost-items', { projectId, ...v, happenedOn: (v.happenedOn as dayjs.Dayjs).format('YYYY-MM-DD'), photos: await Promise.all(files.map(async (f) => ({ name: f.name, data: await dataUrl(f) }))) }),
    () => {
      onDone();
      onClose();
    },
  );
  return (
    <Modal open title={t('frontdesk.lost.register')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={send.isPending} width={560}>
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} initialValues={{ kind: 'found', happenedOn: dayjs(), storedAt: t('frontdesk.lost.defaultStore') }}>
        <Form.Item name="kind">
          <Radio.Group optionType="button" options={(['found', 'lost'] as const).map((k) => ({ value: k, label: t(`frontdesk.lost.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('frontdesk.lost.category')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <Select data-testid="lost-category" options={LOST_CATEGORIES.map((c) => ({ value: c, label: t(`frontdesk.lost.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('frontdesk.lost.description')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
          <Input.TextArea rows={2} maxLength={500} autoFocus />
        </Form.Item>
        <Space>
          <Form.Item name="happenedOn" label={t('frontdesk.date')}>
            <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="place" label={t('frontdesk.lost.place')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="personName" label={t('frontdesk.lost.person')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="personPhone" label={t('frontdesk.phone')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input maxLength={20} />
          </Form.Item>
        </Space>
        <Form.Item name="storedAt" label={t('frontdesk.lost.storedAt')}>
          <Input maxLength={100} />
        </Form.Item>
        <Upload accept="image/*" capture="environment" multiple listType="picture" beforeUpload={(f) => (setFiles((x) => [...x, f].slice(0, 4)), false)} onRemove={(f) => setFiles((x) => x.filter((y) => y.name !== f.name))}>
          <Button>{t('frontdesk.lost.photos')}</Button>
        </Upload>
      </Form>
    </Modal>
  );
}

/** FD-04: the open items of the other kind, the likeliest first with why; the clerk picks the one that is it. */
function MatchModal({ item, onClose, onDone }: { item: TLostItem; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [chosen, setChosen] = useState<TLostCandidate | undefined>();
  const c = useQuery({ queryKey: ['lost-candidates', item.id], queryFn: () => api.get<{ items: TLostCandidate[] }>(`/api/lost-items/${item.id}/candidates`) });
  const send = useFormAction(
    form,
    () => api.post(`/api/lost-items/${item.id}/match`, { version: item.version, otherId: chosen?.item.id ?? '', otherVersion: chosen?.item.version ?? 0 }),
    () => {
      onDone();
      onClose();
    },
  );
  return (
    <Modal
      open
      width={680}
      title={`${t('frontdesk.lost.match')} · ${item.number} ${t(`frontdesk.lost.categories.${item.category}`)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !chosen }}
      okText={t('frontdesk.lost.matchConfirm')}
      confirmLoading={send.isPending}
    >
      <p style={{ margin: '0 0 8px' }}>
        {item.happenedOn} {item.place} · {item.description}
      </p>
      <Form form={form} onFinish={() => send.mutate({})}>
        <Form.Item name="otherId" style={{ marginBottom: 0 }}>
          <List
            size="small"
            bordered
            loading={c.isPending}
            style={{ maxHeight: 380, overflow: 'auto' }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('frontdesk.lost.noCandidates')} /> }}
            dataSource={c.data?.items}
            renderItem={(x) => (
              <List.Item
                data-testid="lost-candidate"
                onClick={() => setChosen(x)}
                style={{ cursor: 'pointer', background: chosen?.item.id === x.item.id ? '#e6f4ff' : undefined }}
                actions={[<Radio key="r" checked={chosen?.item.id === x.item.id} onChange={() => setChosen(x)} aria-label={x.item.number} />]}
              >
                <List.Item.Meta
                  avatar={x.item.photos[0] ? <Image src={x.item.photos[0].url} width={44} height={44} style={{ objectFit: 'cover' }} preview={false} /> : undefined}
                  title={
                    <Space size={4} wrap>
                      <span>{x.item.number}</span>
                      <Tag>{t(`frontdesk.lost.categories.${x.item.category}`)}</Tag>
                      {x.score > 0 ? x.reasons.map((r) => <Tag key={r} color="green">{t(`frontdesk.lost.reasons.${r}`)}</Tag>) : <Tag>{t('frontdesk.lost.noReason')}</Tag>}
                    </Space>
                  }
                  description={`${x.item.happenedOn}（${t('frontdesk.lost.daysApart', { days: x.days })}） ${x.item.place} · ${x.item.description}`}
                />
              </List.Item>
            )}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReturnModal({ item, onClose, onDone }: { item: TLostItem; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [signature, setSignature] = useState<string | undefined>();
  const send = useFormAction(form, (v) => api.post(`/api/lost-items/${item.id}/return`, { version: item.version, ...v, signature: signature ?? '' }), () => {
    onDone();
    onClose();
  });
  return (
    <Modal open title={`${t('frontdesk.lost.return')} · ${item.number} ${item.description}`} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ disabled: !signature }} confirmLoading={send.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
        <Space>
          <Form.Item name="receiverName" label={t('frontdesk.lost.receiver')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input maxLength={100} autoFocus />
          </Form.Item>
          <Form.Item name="receiverPhone" label={t('frontdesk.phone')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input maxLength={20} />
          </Form.Item>
        </Space>
        <Form.Item name="receiverIdNumber" label={t('frontdesk.lost.receiverId')} rules={[{ required: true, message: t('fieldErrors.required') }]} help={t('frontdesk.lost.receiverIdHelp')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label={t('frontdesk.lost.receiverSign')} required>
          <SignaturePad onChange={setSignature} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SettingsButton({ projectId, onSaved }: { projectId: string; onSaved(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const s = useQuery({ queryKey: ['frontdesk-settings', projectId], queryFn: () => api.get<z.infer<typeof ZFrontdeskSettings>>(`/api/projects/${projectId}/frontdesk-settings`), enabled: open });
  const qc = useQueryClient();
  const send = useFormAction(form, (v) => api.put(`/api/projects/${projectId}/frontdesk-settings`, { unclaimedDays: v.unclaimedDays, version: s.data?.version ?? 0 }), async () => {
    await qc.invalidateQueries({ queryKey: ['frontdesk-settings'] });
    onSaved();
    setOpen(false);
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('frontdesk.lost.settings')}</Button>
      {open && s.data && (
        <Modal open title={t('frontdesk.lost.settings')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={send.isPending}>
          <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} initialValues={{ unclaimedDays: s.data.unclaimedDays }}>
            <Form.Item name="unclaimedDays" label={t('frontdesk.lost.unclaimedDays')}>
              <InputNumber min={7} max={3650} autoFocus />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
