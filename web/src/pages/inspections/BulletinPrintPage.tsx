// QI-04: the month's bulletin on one A4 sheet: number, ranking with pass/fail and change, the pass rate,
// the remarks, issued by the quality department.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TBulletin } from '../../../../common/inspections';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { pct } from './ResultsPage';
import { useAutoPrint } from '../print-parts';
import '../print.css';

const cell: React.CSSProperties = { border: '1px solid #000', padding: '4px 6px', textAlign: 'center' };

export function BulletinPrintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({ queryKey: ['inspection-bulletin', id], queryFn: () => api.get<TBulletin>(`/api/inspection-bulletins/${id}`) });
  const me = useMe();
  useAutoPrint(q.data);
  const b = q.data;
  if (!b) return null;
  const done = b.items.filter((i) => i.score != null);
  return (
    <div style={{ width: '190mm', margin: '0 auto', padding: '10mm 0', fontSize: 13, color: '#000', background: '#fff' }} data-testid="bulletin-print-sheet">
      <div style={{ textAlign: 'center', marginBottom: 8 }}>
        <div style={{ fontSize: 14 }}>{me.data?.companyName}</div>
        <b style={{ fontSize: 20 }}>{t('inspection.bulletinOf', { month: b.month })}</b>
        <div style={{ marginTop: 4 }}>{b.number ?? t('inspection.bulletinStatus.draft')}</div>
      </div>
      <p>
        {t('inspection.passRate')}：{pct(b.passRate)}（{t('inspection.passedCount', { passed: done.filter((i) => i.passed).length, done: done.length })}）
      </p>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            {[t('inspection.rank'), t('inspection.project'), t('inspection.score'), t('inspection.result'), t('inspection.previous'), t('inspection.change'), t('inspection.findingsCount')].map((h) => (
              <th key={h} style={{ ...cell, background: '#f5f5f5' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {b.items.map((i) => (
            <tr key={i.projectId}>
              <td style={cell}>{i.rank ?? '—'}</td>
              <td style={{ ...cell, textAlign: 'left' }}>{i.projectName}</td>
              <td style={cell}>{i.score ?? '—'}</td>
              <td style={cell}>{i.score == null ? t('inspection.notInspected') : i.passed ? t('inspection.passed') : t('inspection.failed')}</td>
              <td style={cell}>{i.previousScore ?? '—'}</td>
              <td style={cell}>{i.change == null ? '—' : i.change > 0 ? `+${i.change}` : i.change}</td>
              <td style={cell}>{i.findings}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>
        {t('inspection.remarks')}：{b.remarks || '—'}
      </p>
      <div style={{ textAlign: 'right', marginTop: 24 }}>
        <div>{t('inspection.printIssuer')}</div>
        <div>{b.publishedAt ? dayjs(b.publishedAt).format('YYYY-MM-DD') : ''}</div>
      </div>
    </div>
  );
}
