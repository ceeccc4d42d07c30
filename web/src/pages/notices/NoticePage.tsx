// NT-01..NT-04: one notice — its text and validity, the actions the server allows (submit, approve,
// publish, take down), posting photos, the history of its steps and, for offices and villas, the
// delivery record of every unit with the coverage.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Image, Input, Modal, Progress, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import { STAFF_DELIVERY_METHODS, type TNoticeAction, type TNoticeDetail, type ZDeliveries } from '../../../../common/notices';
import { api, ApiError } from '../../lib/api';
import { DraftModal, statusColour } from './NoticesPage';

const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
const TRANSITIONS: TNoticeAction[] = ['submit', 'approve', 'reject', 'publish', 'expire', 'take_down'];

function readAsDataUrl(file: File) {
  return new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export function NoticePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: ['notice', id], queryFn: () => api.get<TNoticeDetail>(`/api/notices/${id}`) });
  const n = q.data;
  // NT-04: deliveries follow the posting, so drafts and notices awaiting approval show none
  const delivering = !!n && n.coverage.required && ['published', 'expired', 'taken_down'].includes(n.status);
  const deliveries = useQuery({ queryKey: ['notice-deliveries', id], queryFn: () => api.get<z.infer<typeof ZDeliveries>>(`/api/notices/${id}/deliveries`), enabled: delivering });
  const refresh = (d?: TNoticeDetail) => {
    if (d) client.setQueryData(['notice', id], d);
    void client.invalidateQueries({ queryKey: ['notice', id] });
    void client.invalidateQueries({ queryKey: ['notices'] });
    void client.invalidateQueries({ queryKey: ['notice-deliveries', id] });
    void client.invalidateQueries({ queryKey: ['notice-figures'] });
  };
  const onError = (e: unknown) => e instanceof ApiError && message.error(e.message);
  const step = useMutation({
    mutationFn: (b: { action: TNoticeAction; reason?: string }) => api.post<TNoticeDetail>(`/api/notices/${id}/transitions`, { ...b, version: n!.version }),
    onSuccess: (d) => {
      message.success(t('notice.saved'));
      setRejecting(false);
      refresh(d);
    },
    onError,
  });
  const photo = useMutation({
    mutationFn: async (b: { kind: 'posting' | 'takedown'; file: File }) => api.post(`/api/notices/${id}/photos`, { kind: b.kind, name: b.file.name, data: await readAsDataUrl(b.file) }),
    onSuccess: () => refresh(),
    onError,
  });
  if (!n) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={
          <Space wrap>
            <span>{n.number}</span>
            <Tag color={statusColour[n.status]} data-testid="notice-status">{t(`notice.statuses.${n.status}`)}</Tag>
            {n.takeDownOverdue && <Tag color="red">{t('notice.takeDownOverdue')}</Tag>}
            {n.takenDownLate && <Tag color="orange">{t('notice.takenDownLate')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {TRANSITIONS.filter((a) => n.actions.includes(a)).map((a) =>
              a === 'reject' ? (
                <Button key={a} danger data-testid="notice-reject" onClick={() => setRejecting(true)}>{t('notice.actions.reject')}</Button>
              ) : (
                <Button key={a} data-testid={`notice-${a}`} type={a === 'approve' || a === 'publish' ? 'primary' : 'default'} loading={step.isPending && step.variables?.action === a} onClick={() => step.mutate({ action: a })}>
                  {t(`notice.actions.${a}`)}
                </Button>
              ),
            )}
            {n.actions.includes('edit') && <Button onClick={() => setEditing(true)}>{t('notice.actions.edit')}</Button>}
            <Link to={`/notices/${n.id}/print`} target="_blank"><Button>{t('notice.print')}</Button></Link>
          </Space>
        }
      >
        <Typography.Title level={4} style={{ textAlign: 'center' }}>{n.title}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label={t('notice.kind')}>{t(`notice.kinds.${n.kind}`)}{n.period ? ` · ${n.period}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('notice.validity')}>{n.validFrom} ~ {n.validTo}</Descriptions.Item>
          <Descriptions.Item label={t('notice.boardLocation')}>{n.boardLocation || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('notice.createdBy')}>{n.createdByName} {fmt(n.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('notice.approvedBy')}>{n.approvedByName ? `${n.approvedByName} ${fmt(n.approvedAt)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('notice.publishedAt')}>{fmt(n.publishedAt)}{n.upDays !== null ? ` · ${t('notice.upDays', { days: n.upDays })}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('notice.takeDownDueAt')}>{fmt(n.takeDownDueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('notice.takenDownAt')}><span data-testid="notice-taken-down-at">{fmt(n.takenDownAt)}</span></Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('notice.photos')}
        extra={
          n.actions.includes('photo') && (
            <Space>
              {(['posting', 'takedown'] as const).map((kind) => (
                <Upload key={kind} accept="image/*" showUploadList={false} beforeUpload={(file) => (photo.mutate({ kind, file }), false)}>
                  <Button loading={photo.isPending && photo.variables?.kind === kind}>{t(`notice.photoKinds.${kind}`)}</Button>
                </Upload>
              ))}
            </Space>
          )
        }
      >
        {n.photos.length ? (
          <Image.PreviewGroup>
            <Space wrap>
              {n.photos.map((p) => (
                <div key={p.id} style={{ textAlign: 'center' }}>
                  <Image src={p.url} width={140} height={100} style={{ objectFit: 'cover' }} />
                  <div style={{ fontSize: 12 }}>{t(`notice.photoKinds.${p.kind}`)} {fmt(p.createdAt)}</div>
                </div>
              ))}
            </Space>
          </Image.PreviewGroup>
        ) : (
          <Typography.Text type="secondary">{t('notice.noPhotos')}</Typography.Text>
        )}
      </Card>
      {delivering && <DeliveryCard notice={n} rows={deliveries.data?.units ?? []} loading={deliveries.isPending} onDone={() => refresh()} />}
      <Card size="small" title={t('notice.events')}>
        <Timeline
          items={n.events.map((e) => ({
            children: `${fmt(e.at)} ${e.actorName ?? t('notice.system')} · ${t(`notice.eventActions.${e.action}`, { defaultValue: e.action })}${e.reason ? `：${e.reason}` : ''}`,
          }))}
        />
      </Card>
      {editing && <DraftModal projectId={n.projectId} notice={n} onClose={() => setEditing(false)} onDone={(d) => refresh(d)} />}
      <Modal open={rejecting} title={t('notice.actions.reject')} onCancel={() => setRejecting(false)} onOk={() => step.mutate({ action: 'reject', reason })} confirmLoading={step.isPending}>
        <Input.TextArea rows={3} maxLength={200} placeholder={t('notice.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}

/** NT-04: every unit with its delivery record; the undelivered ones first, selectable for one record. */
function DeliveryCard({ notice, rows, loading, onDone }: { notice: TNoticeDetail; rows: z.infer<typeof ZDeliveries>['units']; loading: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [method, setMethod] = useState<(typeof STAFF_DELIVERY_METHODS)[number]>('receipt');
  const [recipient, setRecipient] = useState('');
  const record = useMutation({
    mutationFn: () => api.post<{ recorded: number }>(`/api/notices/${notice.id}/deliveries`, { unitIds: selected, method, recipient }),
    onSuccess: (r) => {
      message.success(t('notice.recorded', { count: r.recorded }));
      setSelected([]);
      onDone();
    },
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const c = notice.coverage;
  const canRecord = notice.actions.includes('deliver');
  return (
    <Card size="small" title={t('notice.deliveries')} extra={<Typography.Text type="secondary">{t('notice.deliveryRequired')}</Typography.Text>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('notice.coverage')}</span>
        <Progress percent={Math.round(c.ratio * 1000) / 10} style={{ width: 200 }} status={c.delivered < c.units ? 'exception' : 'success'} />
        <span>{t('notice.coverageText', { delivered: c.delivered, units: c.units, percent: Math.round(c.ratio * 1000) / 10 })}</span>
      </Space>
      {canRecord && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select value={method} onChange={setMethod} style={{ width: 120 }} options={STAFF_DELIVERY_METHODS.map((m) => ({ value: m, label: t(`notice.methods.${m}`) }))} />
          <Input placeholder={t('notice.recipient')} value={recipient} onChange={(e) => setRecipient(e.target.value)} style={{ width: 160 }} maxLength={60} />
          <Button type="primary" disabled={!selected.length} loading={record.isPending} onClick={() => record.mutate()}>
            {t('notice.recordSelected', { count: selected.length })}
          </Button>
        </Space>
      )}
      <Table
        rowKey="unitId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowSelection={canRecord ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: !!r.method }) } : undefined}
        columns={[
          { title: t('notice.unit'), dataIndex: 'path', width: 200 },
          { title: t('notice.method'), dataIndex: 'method', width: 110, render: (v) => (v ? t(`notice.methods.${v}`) : <Tag color="red">{t('notice.notDelivered')}</Tag>) },
          { title: t('notice.recipient'), dataIndex: 'recipient', width: 120, render: (v) => v || '—' },
          { title: t('notice.deliveredAt'), dataIndex: 'deliveredAt', width: 150, render: fmt },
          { title: t('notice.recordedBy'), dataIndex: 'recordedByName', width: 100, render: (v) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
