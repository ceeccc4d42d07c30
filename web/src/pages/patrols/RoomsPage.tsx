// FD-06: meeting rooms and the gym — the week's bookings per room, a booking form (an overlap is refused by
// the server), cancellation and the record of use (setup, cleaning, a fault becoming a work order).
import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { TBooking, TRoom } from '../../../../common/rooms';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function RoomsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const [week, setWeek] = useState(dayjs().startOf('week'));
  const from = week.format('YYYY-MM-DD');
  const to = week.add(13, 'day').format('YYYY-MM-DD');
  const rooms = useQuery({ queryKey: ['rooms', projectId], queryFn: () => api.get<{ items: TRoom[] }>(`/api/rooms?${qs({ projectId })}`), enabled: !!projectId });
  const bookings = useQuery({ queryKey: ['bookings', projectId, from], queryFn: () => api.get<{ items: TBooking[] }>(`/api/room-bookings?${qs({ projectId, from, to })}`), enabled: !!projectId });
  const [dialog, setDialog] = useState<{ kind: 'book' } | { kind: 'finish' | 'cancel'; b: TBooking } | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('patrol.rooms.title')}
        </Typography.Title>
        <DatePicker picker="week" allowClear={false} value={week} onChange={(d) => d && setWeek(d.startOf('week'))} />
        {can('room.book') && (
          <Button type="primary" onClick={() => setDialog({ kind: 'book' })}>
            {t('patrol.rooms.book')}
          </Button>
        )}
      </Space>
      <Space wrap>
        {rooms.data?.items.map((r) => (
          <Tag key={r.id}>
            {r.name} · {t(`patrol.rooms.kinds.${r.kind}`)} · {r.capacity}人 · {yuan(r.feePerHour)}元/h
          </Tag>
        ))}
      </Space>
      <Table<TBooking>
        size="small"
        rowKey="id"
        loading={bookings.isPending}
        dataSource={bookings.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1260 }}
        expandable={{
          rowExpandable: (b) => !!(b.notice || b.usageNote),
          expandedRowRender: (b) => (
            <Space direction="vertical" size={2}>
              {b.notice && <span>{t('patrol.rooms.notice')}：{b.notice}</span>}
              {b.usageNote && <span>{t('patrol.rooms.usageNote')}：{b.usageNote}</span>}
            </Space>
          ),
        }}
        columns={[
          { title: t('patrol.rooms.time'), render: (_, b) => `${dayjs(b.startsAt).format('MM-DD ddd HH:mm')}–${dayjs(b.endsAt).format('HH:mm')}`, width: 180 },
          { title: t('patrol.rooms.room'), dataIndex: 'roomName', width: 130 },
          { title: t('patrol.rooms.booker'), render: (_, b) => `${b.bookerName} ${b.bookerPhone}`, width: 140 },
          { title: t('patrol.rooms.purpose'), dataIndex: 'purpose', width: 140 },
          { title: t('patrol.rooms.attendees'), dataIndex: 'attendees', width: 70 },
          { title: t('patrol.rooms.requirements'), dataIndex: 'requirements', width: 140 },
          { title: t('patrol.rooms.fee'), dataIndex: 'fee', render: yuan, width: 90 },
          {
            // FD-06: the tasks after use — setup, cleaning, a fault's work order; a past booking not yet recorded is flagged.
            title: t('patrol.rooms.afterUse'),
            width: 200,
            render: (_, b) =>
              b.status === 'used' ? (
                <Space size={2} wrap>
                  <Tag color={b.setupDone ? 'green' : 'orange'}>{t(b.setupDone ? 'patrol.rooms.setupOk' : 'patrol.rooms.setupMissing')}</Tag>
                  <Tag color={b.cleaningDone ? 'green' : 'red'}>{t(b.cleaningDone ? 'patrol.rooms.cleaningOk' : 'patrol.rooms.cleaningMissing')}</Tag>
                  {b.workOrderId && <Tag color="purple">{t('patrol.rooms.faultOrder')}</Tag>}
                </Space>
              ) : b.status === 'booked' && dayjs(b.endsAt).isBefore(dayjs()) ? (
                <Tag color="red">{t('patrol.rooms.notRecorded')}</Tag>
              ) : null,
          },
          { title: '', render: (_, b) => <Tag color={b.status === 'booked' ? 'blue' : b.status === 'used' ? 'green' : 'default'}>{t(`patrol.rooms.statuses.${b.status}`)}</Tag>, width: 80 },
          {
            title: '',
            width: 260,
            render: (_, b) =>
              b.status === 'booked' && can('room.book') ? (
                <Space>
                  <Button size="small" href={`/room-bookings/${b.id}/notice`} target="_blank" data-testid={`notice-${b.id}`}>{t('patrol.rooms.printNotice')}</Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'finish', b })}>{t('patrol.rooms.finish')}</Button>
                  <Button size="small" danger onClick={() => setDialog({ kind: 'cancel', b })}>{t('patrol.rooms.cancel')}</Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {dialog && <BookingDialog dialog={dialog} rooms={rooms.data?.items ?? []} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function BookingDialog({ dialog, rooms, onClose }: { dialog: { kind: 'book' } | { kind: 'finish' | 'cancel'; b: TBooking }; rooms: TRoom[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      if (dialog.kind === 'book') {
        const [s, e] = v.range as [Dayjs, Dayjs];
        const { range: _r, ...rest } = v;
        return api.post('/api/room-bookings', { ...rest, startsAt: s.toISOString(), endsAt: e.toISOString() });
      }
      if (dialog.kind === 'cancel') return api.post(`/api/room-bookings/${dialog.b.id}/cancel`, { version: dialog.b.version, reason: v.reason });
      return api.post(`/api/room-bookings/${dialog.b.id}/finish`, { version: dialog.b.version, usageNote: v.usageNote ?? '', setupDone: !!v.setupDone, cleaningDone: !!v.cleaningDone, fault: (v.fault as string)?.trim() || undefined });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['bookings'] });
      onClose();
    },
    onError: (e) => (e instanceof ApiError && e.body.fields ? form.setFields(e.formFields()) : message.error((e as Error).message)),
  });
  const title = dialog.kind === 'book' ? t('patrol.rooms.book') : dialog.kind === 'cancel' ? t('patrol.rooms.cancel') : t('patrol.rooms.finish');
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ attendees: 10 }} onFinish={(v) => save.mutate(v)}>
        {dialog.kind === 'book' && (
          <>
            <Form.Item name="roomId" label={t('patrol.rooms.room')} rules={[{ required: true }]}>
              <Select options={rooms.map((r) => ({ value: r.id, label: `${r.name}（${r.capacity}人）` }))} />
            </Form.Item>
            <Form.Item name="range" label={t('patrol.rooms.time')} rules={[{ required: true }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Space>
              <Form.Item name="bookerName" label={t('patrol.rooms.booker')} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="bookerPhone" label={t('patrol.rooms.phone')} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="attendees" label={t('patrol.rooms.attendees')}><InputNumber min={1} /></Form.Item>
            </Space>
            <Form.Item name="purpose" label={t('patrol.rooms.purpose')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="requirements" label={t('patrol.rooms.requirements')}><Input /></Form.Item>
            <Form.Item name="notice" label={t('patrol.rooms.notice')}><Input.TextArea rows={2} /></Form.Item>
          </>
        )}
        {dialog.kind === 'cancel' && (
          <Form.Item name="reason" label={t('patrol.rooms.reason')} rules={[{ required: true }]}><Input autoFocus /></Form.Item>
        )}
        {dialog.kind === 'finish' && (
          <>
            <Form.Item name="setupDone" valuePropName="checked"><Checkbox>{t('patrol.rooms.setupDone')}</Checkbox></Form.Item>
            <Form.Item name="cleaningDone" valuePropName="checked"><Checkbox>{t('patrol.rooms.cleaningDone')}</Checkbox></Form.Item>
            <Form.Item name="usageNote" label={t('patrol.rooms.usageNote')}><Input /></Form.Item>
            <Form.Item name="fault" label={t('patrol.rooms.fault')}><Input /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
