// WO-10, X-05: the A4 service slip (报修受理单) printed from the same order record.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TWorkOrderDetail } from '../../../../common/desk';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { PrintHeading, SignatureLines, useAutoPrint, printCell } from '../print-parts';
import '../print.css';

const cell = printCell;
const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

export function OrderPrintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({ queryKey: ['order', id], queryFn: () => api.get<TWorkOrderDetail>(`/api/work-orders/${id}`) });
  const me = useMe();
  useAutoPrint(q.data);
  const o = q.data;
  if (!o) return null;
  const visit = [...o.events].reverse().find((e) => e.action === 'followed_up' || e.action === 'rework');
  const verdict = (visit?.after ?? {}) as { verdict?: string; solved?: boolean };
  const row = (label: string, value: React.ReactNode, span = 3) => (
    <tr>
      <th style={{ ...cell, width: 110, textAlign: 'left', background: '#f5f5f5' }}>{label}</th>
      <td style={cell} colSpan={span}>
        {value}
      </td>
    </tr>
  );
  return (
    <div style={{ width: '190mm', margin: '0 auto', padding: '10mm 0', fontSize: 13, color: '#000', background: '#fff' }}>
      <PrintHeading me={me.data} projectId={o.projectId} title={t('ui.order.slipTitle')} />
      <p style={{ display: 'flex', justifyContent: 'space-between' }}>
        <span>
          {t('ui.order.number')}：{o.number}
        </span>
        <span>
          {t('ui.order.case')}：{o.caseNumber}
        </span>
      </p>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {row(t('ui.order.location'), o.location)}
          {row(t('ui.order.customer'), `${o.customerName ?? ''} ${o.customerPhone ?? ''}`)}
          {row(t('ui.order.trade'), `${t(`ui.trade.${o.trade}`)} · ${t(`ui.priority.${o.priority}`)} · ${o.paid ? t('ui.order.paid') : t('ui.order.free')}`)}
          {row(t('ui.order.description'), o.description)}
          {row(t('ui.order.reportedAt'), fmt(o.reportedAt))}
          {row(t('ui.order.owner'), o.ownerName)}
          {row(t('ui.order.assignee'), o.assigneeName ?? '')}
          {row(t('ui.order.result'), o.result ?? '')}
          {row(t('ui.order.materials'), o.materials.map((m) => `${m.name}×${m.quantity}${m.unit}`).join('、'))}
          {row(t('ui.order.completedAt'), fmt(o.completedAt))}
          {row(t('ui.order.opinion'), o.acceptance?.opinion ?? '')}
          {row(t('ui.order.signature'), o.signatureUrl ? <img src={o.signatureUrl} alt="" style={{ height: 60 }} /> : <div style={{ height: 60 }} />)}
          {row(
            t('ui.daily.slip.followup'),
            visit ? `${verdict.verdict ? t(`ui.verdict.${verdict.verdict}`) : ''}${verdict.solved === undefined ? '' : ` · ${t(verdict.solved ? 'ui.followup.solved' : 'ui.followup.notSolved')}`} · ${visit.actorName ?? ''} ${fmt(visit.at)}` : t('ui.daily.slip.notVisited'),
          )}
        </tbody>
      </table>
      <SignatureLines labels={[t('ui.daily.slip.staffSign'), t('ui.daily.slip.deskSign')]} dateLabel={t('ui.daily.slip.date')} />
    </div>
  );
}
