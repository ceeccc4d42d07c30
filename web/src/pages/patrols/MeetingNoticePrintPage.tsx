// FD-06: the meeting notice (会议通知) of one booking, printed on A4 for the lobby, the room's door and the
// attendees — the notice text the client gave, the meeting's time and place, who booked it, the agreed
// setup (客户要求) and the service centre's line to call.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TBooking } from '../../../../common/rooms';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { PrintHeading, printCell, useAutoPrint } from '../print-parts';
import '../print.css';

export function MeetingNoticePrintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({ queryKey: ['booking', id], queryFn: () => api.get<TBooking>(`/api/room-bookings/${id}`) });
  const me = useMe();
  useAutoPrint(q.data);
  const b = q.data;
  if (!b) return null;
  const start = dayjs(b.startsAt);
  const row = (label: string, value: React.ReactNode) => (
    <tr>
      <th style={{ ...printCell, width: 120, textAlign: 'left', background: '#f5f5f5' }}>{label}</th>
      <td style={{ ...printCell, whiteSpace: 'pre-wrap' }}>{value}</td>
    </tr>
  );
  return (
    <div style={{ width: '190mm', margin: '0 auto', padding: '10mm 0', fontSize: 15, color: '#000', background: '#fff' }} data-testid="meeting-notice">
      <PrintHeading me={me.data} projectId={b.projectId} title={t('patrol.rooms.noticeTitle')} />
      <p style={{ whiteSpace: 'pre-wrap', textIndent: '2em', lineHeight: 1.9, minHeight: '30mm', margin: '12px 0' }}>{b.notice || t('patrol.rooms.noticeDefault', { purpose: b.purpose })}</p>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {row(t('patrol.rooms.subject'), b.purpose)}
          {row(t('patrol.rooms.time'), `${start.format(t('patrol.rooms.dateFormat'))}（${t(`patrol.rooms.weekdays.${start.day()}`)}）${start.format('HH:mm')}–${dayjs(b.endsAt).format('HH:mm')}`)}
          {row(t('patrol.rooms.place'), b.roomName)}
          {row(t('patrol.rooms.headcount'), b.attendees)}
          {row(t('patrol.rooms.contact'), `${b.bookerName} ${b.bookerPhone}`)}
          {row(t('patrol.rooms.requirements'), b.requirements || t('patrol.rooms.noRequirements'))}
        </tbody>
      </table>
      <p style={{ fontSize: 13, margin: '10px 0' }}>{t('patrol.rooms.noticeFooter')}</p>
      <p style={{ textAlign: 'right', marginTop: 24, lineHeight: 1.8 }}>
        {me.data?.projects.find((p) => p.id === b.projectId)?.name} {t('patrol.rooms.serviceCentre')}
        <br />
        {dayjs().format(t('patrol.rooms.dateFormat'))}
      </p>
    </div>
  );
}
