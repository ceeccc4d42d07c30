// PS-05: the service notice (有偿服务通知单) on one A4 sheet — three copies cut apart along the dashed
// lines (finance, the doing department, the archive), each printed with its own current state.
import { formatYuan, yuanInWords } from '../../../../common/money';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TPaidOrder } from '../../../../common/paid';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { PrintHeading, SignatureLines, useAutoPrint } from '../print-parts';
import '../print.css';

const cell: React.CSSProperties = { border: '1px solid #000', padding: '3px 6px', verticalAlign: 'top' };
const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

export function PaidNoticePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({ queryKey: ['paid', id], queryFn: () => api.get<TPaidOrder>(`/api/paid-orders/${id}`) });
  const me = useMe();
  useAutoPrint(q.data);
  const p = q.data;
  if (!p) return null;
  const receipt = p.receipts.find((r) => !r.voidedAt);
  const th = (label: string) => <th style={{ ...cell, width: 90, textAlign: 'left', background: '#f5f5f5', fontWeight: 'normal' }}>{label}</th>;
  return (
    <div style={{ width: '190mm', margin: '0 auto', fontSize: 12, color: '#000', background: '#fff' }}>
      {(['finance', 'department', 'archive'] as const).map((copy, i) => (
        <section key={copy} data-testid={`notice-${copy}`} style={{ height: '90mm', padding: '3mm 0', borderBottom: i < 2 ? '1px dashed #000' : undefined, boxSizing: 'border-box' }}>
          <PrintHeading me={me.data} projectId={p.projectId} title={t('ui.paid.noticeTitle')} compact />
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
            <span>{t(`ui.paid.${copy}Copy`)}</span>
            <span>
              {t('ui.order.number')}：{p.orderNumber}
            </span>
          </div>
          <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 4 }}>
            <tbody>
              <tr>
                {th(t('ui.order.customer'))}
                <td style={cell}>
                  {p.customerName} {p.customerPhone}
                </td>
                {th(t('ui.order.location'))}
                <td style={cell}>{p.location}</td>
              </tr>
              <tr>
                {th(t('ui.paid.item'))}
                <td style={cell}>
                  {p.itemName} × {p.quantity}
                </td>
                {th(t('ui.paid.fee'))}
                <td style={cell}>{formatYuan(p.fee)}（{p.agreedAt ? `${t('ui.paid.agreedAt')} ${fmt(p.agreedAt)}` : t('ui.paid.notAgreed')}）</td>
              </tr>
              <tr>
                {th(t('ui.daily.notice.amountInWords'))}
                <td style={cell} colSpan={3} data-testid="amount-in-words">
                  {yuanInWords(p.fee)}
                </td>
              </tr>
              <tr>
                {th(t('ui.order.description'))}
                <td style={cell} colSpan={3}>
                  {p.description}
                </td>
              </tr>
              <tr>
                {th(t('ui.paid.expectedResult'))}
                <td style={cell}>{p.expectedResult}</td>
                {th(t('ui.paid.appointment'))}
                <td style={cell}>{fmt(p.appointmentAt) || p.preferredTime}</td>
              </tr>
              <tr>
                {th(t('ui.order.department'))}
                <td style={cell}>
                  {t(`ui.department.${p.department}`)} {p.assigneeName ?? ''}
                </td>
                {th(t('ui.paid.receipt'))}
                <td style={cell}>{receipt ? `${receipt.number} · ${formatYuan(receipt.amount)} · ${t(`ui.payMethod.${receipt.method}`)}` : ''}</td>
              </tr>
              <tr>
                {th(t('ui.paid.registeredBy'))}
                <td style={cell}>
                  {p.registeredBy} {fmt(p.registeredAt)}
                </td>
                {th(t('ui.paid.copyState'))}
                <td style={cell}>
                  <b>{t(`ui.noticeCopy.${p.copies[copy]}`)}</b>
                </td>
              </tr>
            </tbody>
          </table>
          <SignatureLines
            labels={[t('ui.paid.customerSign'), t('ui.daily.notice.financeSign'), t('ui.daily.notice.departmentSign')]}
            dateLabel={t('ui.daily.notice.date')}
          />
        </section>
      ))}
    </div>
  );
}
