// FD-04: the printed hand-back slip (失物领取交接单) of a found item — the item, where and when it was
// found and kept, the receiver's name, phone and (masked) ID number, the drawn signature, the clerk who
// handed it back; the lost report it was matched with. A4, with lines for the paper copy's signatures.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TLostItem } from '../../../../common/frontdesk';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { PrintHeading, SignatureLines, useAutoPrint, printCell } from '../print-parts';
import '../print.css';

const cell = printCell;

export function LostSlipPrintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({ queryKey: ['lost-item', id], queryFn: () => api.get<TLostItem>(`/api/lost-items/${id}`) });
  const me = useMe();
  useAutoPrint(q.data);
  const l = q.data;
  if (!l) return null;
  const row = (label: string, value: React.ReactNode) => (
    <tr>
      <th style={{ ...cell, width: 120, textAlign: 'left', background: '#f5f5f5' }}>{label}</th>
      <td style={{ ...cell, whiteSpace: 'pre-wrap' }}>{value}</td>
    </tr>
  );
  const r = l.returned;
  return (
    <div style={{ width: '190mm', margin: '0 auto', padding: '10mm 0', fontSize: 14, color: '#000', background: '#fff' }} data-testid="lost-slip">
      <style>{'@page { size: A4; margin: 10mm; }'}</style>
      <PrintHeading me={me.data} projectId={l.projectId} title={t('frontdesk.lost.slipTitle')} />
      <p style={{ display: 'flex', justifyContent: 'space-between', margin: '4px 0' }}>
        <span>
          {t('frontdesk.lost.number')}：<b>{l.number}</b>
        </span>
        {l.matchedNumber && (
          <span>
            {t('frontdesk.lost.matchedReport')}：<b>{l.matchedNumber}</b>
          </span>
        )}
      </p>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {row(t('frontdesk.lost.category'), t(`frontdesk.lost.categories.${l.category}`))}
          {row(t('frontdesk.lost.description'), l.description)}
          {row(t('frontdesk.lost.foundAt'), `${l.happenedOn} ${l.place}`)}
          {row(t('frontdesk.lost.finder'), `${l.personName} ${l.personPhone}`)}
          {row(t('frontdesk.lost.storedAt'), l.storedAt || '—')}
          {row(t('frontdesk.lost.receiver'), r ? r.receiverName : '')}
          {row(t('frontdesk.phone'), r ? r.receiverPhone : '')}
          {row(t('frontdesk.lost.receiverId'), r ? r.receiverIdNumber : '')}
          {row(t('frontdesk.lost.returnedAt'), r ? dayjs(r.at).format('YYYY-MM-DD HH:mm') : '')}
          {row(t('frontdesk.lost.returnedBy'), r?.byName ?? '')}
          {row(
            t('frontdesk.lost.receiverSign'),
            r?.signatureUrl ? <img src={r.signatureUrl} alt={t('frontdesk.lost.receiverSign')} style={{ height: '22mm', maxWidth: '100%' }} /> : <span style={{ display: 'inline-block', height: '18mm' }}>{r ? t('frontdesk.lost.signedOnPaper') : ''}</span>,
          )}
        </tbody>
      </table>
      <p style={{ fontSize: 12, margin: '8px 0' }}>{t('frontdesk.lost.slipStatement')}</p>
      {!r && <p style={{ fontSize: 12, color: '#cf1322' }}>{t('frontdesk.lost.slipNotReturned')}</p>}
      <SignatureLines labels={[t('frontdesk.lost.receiverSign'), t('frontdesk.lost.deskSign')]} dateLabel={t('frontdesk.date')} />
    </div>
  );
}
