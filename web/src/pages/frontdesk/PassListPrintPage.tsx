// FD-01: the month's passes on A4 landscape, filed with the month's archive.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { ZPassList } from '../../../../common/frontdesk';
import { api, qs } from '../../lib/api';
import { useMe } from '../../lib/session';
import { PrintHeading, SignatureLines, useAutoPrint } from '../print-parts';
import '../print.css';

const cell: React.CSSProperties = { border: '1px solid #000', padding: '3px 5px', verticalAlign: 'top' };

export function PassListPrintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const projectId = params.get('projectId') ?? '';
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const q = useQuery({ queryKey: ['release-passes', projectId, month], queryFn: () => api.get<z.infer<typeof ZPassList>>(`/api/release-passes?${qs({ projectId, month })}`) });
  const me = useMe();
  useAutoPrint(q.data);
  if (!q.data) return null;
  const heads = [t('frontdesk.pass.number'), t('frontdesk.pass.unit'), t('frontdesk.pass.resident'), t('frontdesk.pass.bearer'), t('frontdesk.pass.items'), t('frontdesk.pass.confirm'), t('frontdesk.pass.issuedBy'), t('frontdesk.pass.state')];
  return (
    <div style={{ width: '277mm', margin: '0 auto', padding: '6mm 0', fontSize: 11, color: '#000', background: '#fff' }}>
      <style>{'@page { size: A4 landscape; margin: 8mm; }'}</style>
      <PrintHeading me={me.data} projectId={projectId} title={`${t('frontdesk.pass.listTitle')} ${month}`} />
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            {heads.map((h) => (
              <th key={h} style={{ ...cell, background: '#f0f0f0' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {q.data.items.map((p) => (
            <tr key={p.id}>
              <td style={cell}>{p.number}</td>
              <td style={cell}>{p.unitPath}</td>
              <td style={cell}>{`${p.customerName}（${t(`frontdesk.relation.${p.relation}`)}）`}</td>
              <td style={cell}>{p.bearerName}</td>
              <td style={cell}>{`${p.items}（${p.pieces}${t('frontdesk.pass.pieceUnit')}）`}</td>
              <td style={cell}>{p.ownerConfirmation ? `${p.ownerConfirmation.ownerName} ${t(`frontdesk.pass.method.${p.ownerConfirmation.method}`)}` : ''}</td>
              <td style={cell}>{`${p.issuedByName} ${dayjs(p.issuedAt).format('MM-DD HH:mm')}`}</td>
              <td style={cell}>{`${t(`frontdesk.pass.states.${p.state}`)}${p.usedAt ? ` ${dayjs(p.usedAt).format('MM-DD HH:mm')} ${p.gate ?? ''}` : ''}${p.voidReason ? ` ${p.voidReason}` : ''}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('frontdesk.pass.listTotal', { count: q.data.items.length, used: q.data.items.filter((p) => p.state === 'used').length })}</p>
      <SignatureLines labels={[t('frontdesk.pass.listBy'), t('frontdesk.pass.listChecked')]} dateLabel={t('frontdesk.date')} />
    </div>
  );
}
