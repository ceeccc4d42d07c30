// FD-02: the shift handover log. The incoming person reads the previous log — with the open matters
// carried over — and signs it; only then may they write their own. Unsigned logs are flagged.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, List, Modal, Radio, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { TCarried, TShiftLog, ZShiftLogList } from '../../../../common/frontdesk';
import { api, ApiError, qs } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { useSession } from '../../lib/session';

type Summary = z.infer<typeof ZShiftLogList>['items'][number];
const fmt = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '');

export function CarriedList({ carried }: { carried: TCarried }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered>
      {(['cases', 'orders', 'passes', 'lostItems'] as const).map((k) => (
        <Descriptions.Item key={k} label={`${t(`frontdesk.log.carried.${k}`)}（${carried[k].length}）`}>
          {carried[k].length ? carried[k].map((x) => `${x.number} ${x.label}`).join('；') : t('frontdesk.none')}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function ShiftLogsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [month, setMonth] = useState(dayjs());
  const [open, setOpen] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const query = qs({ projectId, month: month.format('YYYY-MM') });
  const q = useQuery({ queryKey: ['shift-logs', query], queryFn: () => api.get<z.infer<typeof ZShiftLogList>>(`/api/shift-logs?${query}`), enabled: !!projectId });
  const head = q.data?.latestUnsignedId;
  return (
    <Card
      size="small"
      title={t('frontdesk.log.title')}
      extra={
        <Space>
          <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
          {can('frontdesk.desk') && (
            <Button type="primary" disabled={!q.data?.canStart} onClick={() => setStarting(true)} title={q.data?.canStart ? '' : t('errors.sign_previous_first')}>
              {t('frontdesk.log.start')}
            </Button>
          )}
        </Space>
      }
    >
      {head && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('frontdesk.log.signFirst')}
          action={
            <Button size="small" type="primary" onClick={() => setOpen(head)}>
              {t('frontdesk.log.readAndSign')}
            </Button>
          }
        />
      )}
      <Table<Summary>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items}
        pagination={{ pageSize: 62, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('frontdesk.log.shift'), width: 130, render: (_, l) => `${l.shiftDate} ${t(`frontdesk.log.shifts.${l.shift}`)}` },
          { title: t('frontdesk.log.writer'), dataIndex: 'writerName', width: 90 },
          { title: t('frontdesk.log.notes'), dataIndex: 'notes', ellipsis: true },
          {
            title: t('frontdesk.log.signed'),
            width: 190,
            render: (_, l) =>
              l.signedAt ? (
                <Space size={4}>
                  {l.signedByName} {fmt(l.signedAt)}
                  {l.signedLate && <Tag color="orange">{t('frontdesk.log.late')}</Tag>}
                </Space>
              ) : l.unsigned ? (
                <Tag color="red">{t('frontdesk.log.unsigned')}</Tag>
              ) : (
                <Tag>{t('frontdesk.log.onDuty')}</Tag>
              ),
          },
          { title: '', width: 60, render: (_, l) => <Button size="small" type="link" href={`/frontdesk/shift-logs/${l.id}/print`} target="_blank" onClick={(e) => e.stopPropagation()}>{t('frontdesk.print')}</Button> },
        ]}
      />
      {open && <LogModal id={open} onClose={() => setOpen(null)} />}
      {starting && (
        <StartModal
          projectId={projectId}
          onClose={() => setStarting(false)}
          onDone={async (l) => {
            setStarting(false);
            await qc.invalidateQueries({ queryKey: ['shift-logs'] });
            message.success(t('ui.saved'));
            setOpen(l.id);
          }}
        />
      )}
    </Card>
  );
}

function StartModal({ projectId, onClose, onDone }: { projectId: string; onClose(): void; onDone(l: TShiftLog): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const send = useFormAction(form, (v) => api.post<TShiftLog>('/api/shift-logs', { projectId, ...v, shiftDate: (v.shiftDate as dayjs.Dayjs).format('YYYY-MM-DD') }), onDone);
  const hour = dayjs().hour();
  return (
    <Modal open title={t('frontdesk.log.start')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={send.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} initialValues={{ shiftDate: hour < 8 ? dayjs().subtract(1, 'day') : dayjs(), shift: hour >= 8 && hour < 20 ? 'day' : 'night', notes: '' }}>
        <Space>
          <Form.Item name="shiftDate" label={t('frontdesk.date')}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="shift" label={t('frontdesk.log.shift')}>
            <Radio.Group options={(['day', 'night'] as const).map((s) => ({ value: s, label: t(`frontdesk.log.shifts.${s}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('frontdesk.log.notes')}>
          <Input.TextArea rows={5} maxLength={4000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LogModal({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [read, setRead] = useState(false);
  const [notes, setNotes] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['shift-log', id], queryFn: () => api.get<TShiftLog>(`/api/shift-logs/${id}`) });
  const done = async () => {
    await qc.invalidateQueries({ queryKey: ['shift-logs'] });
    await qc.invalidateQueries({ queryKey: ['shift-log', id] });
    message.success(t('ui.saved'));
  };
  const onError = (e: unknown) => e instanceof ApiError && message.error(e.message);
  const sign = useMutation({ mutationFn: (l: TShiftLog) => api.post(`/api/shift-logs/${l.id}/sign`, { version: l.version, readConfirmed: true }), onSuccess: done, onError });
  const save = useMutation({ mutationFn: (l: TShiftLog) => api.put(`/api/shift-logs/${l.id}`, { version: l.version, notes: notes ?? l.notes }), onSuccess: done, onError });
  const l = q.data;
  return (
    <Modal open width={760} onCancel={onClose} footer={null} title={l ? `${l.shiftDate} ${t(`frontdesk.log.shifts.${l.shift}`)} · ${l.writerName}` : ''}>
      {l && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {l.actions.includes('edit') ? (
            <>
              <Input.TextArea rows={6} maxLength={4000} value={notes ?? l.notes} onChange={(e) => setNotes(e.target.value)} />
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate(l)}>
                {t('ui.save')}
              </Button>
            </>
          ) : (
            <div style={{ whiteSpace: 'pre-wrap', padding: 8, background: '#fafafa' }}>{l.notes || t('frontdesk.none')}</div>
          )}
          <b>{l.signedAt ? t('frontdesk.log.carriedSigned') : t('frontdesk.log.carriedNow')}</b>
          <CarriedList carried={l.carried} />
          {l.reviews.length > 0 && (
            <List size="small" header={<b>{t('frontdesk.review.title')}</b>} dataSource={l.reviews} renderItem={(r) => <List.Item>{`${r.reviewerName} · ${r.minutes}${t('frontdesk.review.minuteUnit')} · ${r.findings}`}</List.Item>} />
          )}
          {l.signedAt ? (
            <Alert type={l.signedLate ? 'warning' : 'success'} title={`${t('frontdesk.log.signedBy')} ${l.signedByName} ${fmt(l.signedAt)}${l.signedLate ? ` · ${t('frontdesk.log.late')}` : ''}`} />
          ) : (
            l.actions.includes('sign') && (
              <Space>
                <Checkbox checked={read} onChange={(e) => setRead(e.target.checked)}>
                  {t('frontdesk.log.readConfirm')}
                </Checkbox>
                <Button type="primary" disabled={!read} loading={sign.isPending} onClick={() => sign.mutate(l)}>
                  {t('frontdesk.log.sign')}
                </Button>
              </Space>
            )
          )}
        </Space>
      )}
    </Modal>
  );
}
