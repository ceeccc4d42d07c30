// FD-01: the printed item release pass (携物出门单) on A4 or A5, with its number and check code for the gate.
import { Segmented } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TPass } from '../../../../common/frontdesk';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { PrintHeading, SignatureLines, useAutoPrint, printCell } from '../print-parts';
import '../print.css';

const cell = printCell;

export function PassPrintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const size = params.get('size') === 'a5' ? 'a5' : 'a4';
  const q = useQuery({ queryKey: ['release-pass', id], queryFn: () => api.get<TPass>(`/api/release-passes/${id}`) });
  const me = useMe();
  useAutoPrint(q.data, size);
  const p = q.data;
  if (!p) return null;
  const row = (label: string, value: React.ReactNode) => (
    <tr>
      <th style={{ ...cell, width: 100, textAlign: 'left', background: '#f5f5f5' }}>{label}</th>
      <td style={cell}>{value}</td>
    </tr>
  );
  const a5 = size === 'a5';
  return (
    <div style={{ width: a5 ? '130mm' : '190mm', margin: '0 auto', padding: a5 ? '6mm 0' : '10mm 0', fontSize: a5 ? 12 : 14, color: '#000', background: '#fff' }}>
      <style>{`@page { size: ${a5 ? 'A5' : 'A4'}; margin: 8mm; } @media print { .fd-no-print { display: none; } }`}</style>
      <div className="fd-no-print" style={{ marginBottom: 8 }}>
        <Segmented value={size} options={[{ value: 'a4', label: 'A4' }, { value: 'a5', label: 'A5' }]} onChange={(v) => setParams({ size: String(v) })} />
      </div>
      <PrintHeading me={me.data} projectId={p.projectId} title={t('frontdesk.pass.printTitle')} compact={a5} />
      <p style={{ display: 'flex', justifyContent: 'space-between', margin: '4px 0' }}>
        <span>
          {t('frontdesk.pass.number')}：<b>{p.number}</b>
        </span>
        <span>
          {t('frontdesk.pass.checkCode')}：<b style={{ fontSize: a5 ? 16 : 20, letterSpacing: 2 }}>{p.checkCode}</b>
        </span>
      </p>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {row(t('frontdesk.pass.unit'), p.unitPath)}
          {row(t('frontdesk.pass.resident'), `${p.customerName}（${t(`frontdesk.relation.${p.relation}`)}）`)}
          {row(t('frontdesk.pass.bearer'), `${p.bearerName} ${p.bearerPhone}`)}
          {row(t('frontdesk.pass.items'), `${p.items}（${p.pieces}${t('frontdesk.pass.pieceUnit')}）`)}
          {row(t('frontdesk.pass.validOn'), p.validOn)}
          {row(t('frontdesk.pass.confirm'), p.ownerConfirmation ? `${p.ownerConfirmation.ownerName} · ${t(`frontdesk.pass.method.${p.ownerConfirmation.method}`)} · ${dayjs(p.ownerConfirmation.at).format('MM-DD HH:mm')} ${p.ownerConfirmation.note}` : t('frontdesk.pass.ownerSelf'))}
          {row(t('frontdesk.pass.issuedBy'), `${p.issuedByName} ${dayjs(p.issuedAt).format('YYYY-MM-DD HH:mm')}`)}
          {row(t('frontdesk.pass.gateNote'), p.state === 'void' ? `${t('frontdesk.pass.states.void')}：${p.voidReason}` : t('frontdesk.pass.gateHelp'))}
        </tbody>
      </table>
      <SignatureLines labels={a5 ? [t('frontdesk.pass.residentSign'), t('frontdesk.pass.gateSign')] : [t('frontdesk.pass.residentSign'), t('frontdesk.pass.deskSign'), t('frontdesk.pass.gateSign')]} dateLabel={t('frontdesk.date')} />
    </div>
  );
}
