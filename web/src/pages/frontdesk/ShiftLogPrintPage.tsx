// FD-02: the printed handover log of one shift — notes, the open matters handed over, the reviews of
// recorded calls logged in it (FD-03) and who signed.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TShiftLog } from '../../../../common/frontdesk';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { PrintHeading, SignatureLines, useAutoPrint, printCell } from '../print-parts';
import '../print.css';

const cell = printCell;

export function ShiftLogPrintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({ queryKey: ['shift-log', id], queryFn: () => api.get<TShiftLog>(`/api/shift-logs/${id}`) });
  const me = useMe();
  useAutoPrint(q.data);
  const l = q.data;
  if (!l) return null;
  const row = (label: string, value: React.ReactNode) => (
    <tr>
      <th style={{ ...cell, width: 110, textAlign: 'left', background: '#f5f5f5' }}>{label}</th>
      <td style={{ ...cell, whiteSpace: 'pre-wrap' }}>{value}</td>
    </tr>
  );
  return (
    <div style={{ width: '190mm', margin: '0 auto', padding: '10mm 0', fontSize: 13, color: '#000', background: '#fff' }}>
      <PrintHeading me={me.data} projectId={l.projectId} title={t('frontdesk.log.printTitle')} />
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {row(t('frontdesk.log.shift'), `${l.shiftDate} ${t(`frontdesk.log.shifts.${l.shift}`)}`)}
          {row(t('frontdesk.log.writer'), `${l.writerName} ${dayjs(l.startedAt).format('MM-DD HH:mm')}`)}
          {row(t('frontdesk.log.notes'), l.notes)}
          {(['cases', 'orders', 'passes', 'lostItems'] as const).map((k) => row(`${t(`frontdesk.log.carried.${k}`)}（${l.carried[k].length}）`, l.carried[k].map((x) => `${x.number} ${x.label}`).join('\n') || t('frontdesk.none')))}
          {row(t('frontdesk.review.title'), l.reviews.map((r) => `${r.reviewerName} ${r.minutes}${t('frontdesk.review.minuteUnit')}：${r.findings}`).join('\n') || t('frontdesk.none'))}
          {row(t('frontdesk.log.signedBy'), l.signedAt ? `${l.signedByName} ${dayjs(l.signedAt).format('MM-DD HH:mm')}${l.signedLate ? `（${t('frontdesk.log.late')}）` : ''}` : t('frontdesk.log.unsigned'))}
        </tbody>
      </table>
      <SignatureLines labels={[t('frontdesk.log.handOver'), t('frontdesk.log.takeOver')]} dateLabel={t('frontdesk.date')} />
    </div>
  );
}
