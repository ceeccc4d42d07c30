// X-03, FD-06: 场地预订 — the rooms of the resident's project that residents may book (the gym, the clubhouse
// meeting room), a day's free hours, a booking, and the resident's own bookings to cancel.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Form, Input, List, Popup, Selector, Tag, Toast } from 'antd-mobile';
import { Count } from '../Count';
import { useTranslation } from 'react-i18next';
import type { TPortalBooking, TPortalRoom, TPortalSlots } from '../../../common/portal-errands';
import { api, errorText } from '../api';
import { useSending } from '../sending';
import { fmt } from '../i18n';
import { useMe } from '../session';

const ymd = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const hm = (iso: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
const statusColor = { booked: 'primary', used: 'success', cancelled: 'default' } as const;

export default function BookingsPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const units = useMe().data!.units.filter((u) => u.allowed);
  const rooms = useQuery({ queryKey: ['resident-rooms'], queryFn: () => api.get<TPortalRoom[]>('/api/resident/rooms') });
  const mine = useQuery({ queryKey: ['resident-bookings'], queryFn: () => api.get<TPortalBooking[]>('/api/resident/room-bookings') });
  const [room, setRoom] = useState<TPortalRoom | null>(null);
  const days = Array.from({ length: 7 }, (_, i) => ymd(new Date(Date.now() + i * 86_400_000)));
  const [date, setDate] = useState(days[0]);
  const [picked, setPicked] = useState<number[]>([]);
  const [purpose, setPurpose] = useState('');
  const [attendees, setAttendees] = useState(1);
  const [requirements, setRequirements] = useState('');
  const { busy, send } = useSending();
  const slots = useQuery({ queryKey: ['resident-slots', room?.id, date], queryFn: () => api.get<TPortalSlots>(`/api/resident/rooms/${room!.id}/slots?date=${date}`), enabled: !!room });
  const unit = units.find((u) => u.projectId === room?.projectId);
  const dayLabel = (d: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { month: 'numeric', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const toggle = (i: number) => {
    const next = picked.includes(i) ? picked.filter((x) => x !== i) : [...picked, i].sort((a, b) => a - b);
    setPicked(next);
  };
  const submit = async () => {
    if (!room || !unit || !slots.data) return;
    if (!picked.length || picked[picked.length - 1] - picked[0] !== picked.length - 1) return void Toast.show({ content: t('portal.errands.bookings.pickSlots') });
    if (!purpose.trim()) return void Toast.show({ content: t('portal.errands.bookings.required') });
    await send(async () => {
      const s = slots.data.slots;
      await api.post<TPortalBooking>('/api/resident/room-bookings', { roomId: room.id, unitId: unit.unitId, startsAt: s[picked[0]].startsAt, endsAt: s[picked[picked.length - 1]].endsAt, purpose, attendees, requirements });
      Toast.show({ icon: 'success', content: t('portal.errands.bookings.booked') });
      setRoom(null);
      setPicked([]);
      await qc.invalidateQueries({ queryKey: ['resident-bookings'] });
    }, async () => {
      await qc.invalidateQueries({ queryKey: ['resident-slots'] });
    });
  };
  const cancel = async (b: TPortalBooking) => {
    if (!(await Dialog.confirm({ content: t('portal.errands.bookings.cancelConfirm') }))) return;
    try {
      await api.post(`/api/resident/room-bookings/${b.id}/cancel`, { version: b.version });
      Toast.show({ icon: 'success', content: t('portal.errands.bookings.cancelled') });
      await qc.invalidateQueries({ queryKey: ['resident-bookings'] });
    } catch (e) {
      Toast.show({ content: errorText(e, t('portal.error')) });
    }
  };
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.errands.bookings.title')}</h1>
      <List header={t('portal.errands.bookings.rooms')} style={{ marginBottom: 12 }}>
        {rooms.data?.length === 0 && <List.Item>{t('portal.errands.bookings.none')}</List.Item>}
        {rooms.data?.map((r) => (
          <List.Item
            key={r.id}
            description={`${t('portal.errands.bookings.capacity', { n: r.capacity })} · ${r.feePerHour ? t('portal.errands.bookings.feePerHour', { fee: (r.feePerHour / 100).toFixed(0) }) : t('portal.errands.bookings.free')}${r.equipment ? ` · ${r.equipment}` : ''}`}
            extra={
              <Button size="middle" color="primary" fill="outline" onClick={() => (setRoom(r), setPicked([]), setDate(days[0]))} data-testid="room-book">
                {t('portal.paid.order')}
              </Button>
            }
          >
            {r.name}
          </List.Item>
        ))}
      </List>
      <List header={t('portal.errands.bookings.mine')}>
        {mine.data?.length === 0 && <List.Item>{t('portal.errands.bookings.noneMine')}</List.Item>}
        {mine.data?.map((b) => (
          <List.Item
            key={b.id}
            description={`${fmt(b.startsAt)}–${hm(b.endsAt)} · ${b.purpose}${b.fee ? ` · ${t('portal.errands.bookings.fee', { fee: (b.fee / 100).toFixed(2) })}` : ''}`}
            extra={
              b.canCancel ? (
                <Button size="middle" color="danger" fill="outline" onClick={() => cancel(b)} data-testid="booking-cancel">
                  {t('portal.errands.bookings.cancel')}
                </Button>
              ) : (
                <Tag color={statusColor[b.status]}>{t(`portal.errands.bookings.status.${b.status}`)}</Tag>
              )
            }
            data-testid="my-booking"
          >
            {b.roomName}
          </List.Item>
        ))}
      </List>
      <Popup visible={!!room} onMaskClick={() => setRoom(null)} destroyOnClose bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16, maxHeight: '85vh', overflowY: 'auto', overflowX: 'hidden', width: '100vw', boxSizing: 'border-box' }}>
        {room && (
          <>
            <h2 style={{ fontSize: 18, marginTop: 0 }}>{room.name}</h2>
            <div className="portal-muted" style={{ marginBottom: 6 }}>
              {t('portal.errands.bookings.date')}
            </div>
            <div style={{ display: 'flex', gap: 8, overflowX: 'auto', paddingBottom: 8, maxWidth: '100%' }}>
              {days.map((d) => (
                <Button key={d} size="middle" color={d === date ? 'primary' : 'default'} onClick={() => (setDate(d), setPicked([]))} style={{ flex: 'none', minHeight: 44 }}>
                  {dayLabel(d)}
                </Button>
              ))}
            </div>
            <div className="portal-muted" style={{ margin: '8px 0 6px' }}>
              {t('portal.errands.bookings.slots')}
            </div>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8 }} data-testid="room-slots">
              {slots.data?.slots.map((s, i) => (
                <Button key={s.startsAt} size="middle" disabled={!s.free} color={picked.includes(i) ? 'primary' : 'default'} onClick={() => toggle(i)} style={{ minHeight: 44, padding: '4px 2px' }} data-testid="room-slot">
                  {hm(s.startsAt)}
                  {s.taken && <div style={{ fontSize: 12 }}>{t('portal.errands.bookings.taken')}</div>}
                </Button>
              ))}
            </div>
            <Form layout="vertical">
              <Form.Item label={<label htmlFor="booking-purpose">{t('portal.errands.bookings.purpose')}</label>}>
                <Input id="booking-purpose" placeholder={t('portal.errands.bookings.purposePlaceholder')} value={purpose} onChange={setPurpose} maxLength={200} data-testid="booking-purpose" />
              </Form.Item>
              <Form.Item label={<label htmlFor="booking-attendees">{t('portal.errands.bookings.attendees')}</label>}>
                <Count id="booking-attendees" max={room.capacity} value={attendees} onChange={setAttendees} />
              </Form.Item>
              <Form.Item label={<label htmlFor="booking-req">{t('portal.errands.bookings.requirements')}</label>}>
                <Input id="booking-req" value={requirements} onChange={setRequirements} maxLength={500} />
              </Form.Item>
            </Form>
            {units.length > 1 && unit && <Selector columns={1} options={[{ label: `${unit.projectName} ${unit.path}`, value: unit.unitId }]} value={[unit.unitId]} />}
            <Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="booking-submit">
              {t('portal.errands.bookings.submit')}
            </Button>
          </>
        )}
      </Popup>
    </div>
  );
}
