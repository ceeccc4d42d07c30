// NT-01: a notice printed on A4 for the board — number, title, text, validity, the management office's
// name and date — from the same record.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TNoticeDetail } from '../../../../common/notices';
import { api } from '../../lib/api';
import { useAutoPrint } from '../print-parts';
import '../print.css';

export function NoticePrintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({ queryKey: ['notice', id], queryFn: () => api.get<TNoticeDetail>(`/api/notices/${id}`) });
  useAutoPrint(q.data);
  const n = q.data;
  if (!n) return null;
  const date = dayjs(n.publishedAt ?? n.approvedAt ?? n.createdAt).format('YYYY年M月D日');
  return (
    <div style={{ width: '180mm', minHeight: '260mm', margin: '0 auto', padding: '20mm 0 10mm', fontSize: 16, lineHeight: 2, color: '#000', background: '#fff', display: 'flex', flexDirection: 'column' }}>
      <div style={{ textAlign: 'right', fontSize: 13 }}>{n.number}</div>
      <h1 style={{ textAlign: 'center', fontSize: 26, letterSpacing: 2, margin: '8mm 0' }}>{n.title}</h1>
      <div style={{ whiteSpace: 'pre-wrap', textIndent: 0, flex: 1 }}>{n.body}</div>
      <div style={{ marginTop: '10mm', fontSize: 14 }}>{t('notice.printValidity', { from: n.validFrom, to: n.validTo })}</div>
      <div style={{ textAlign: 'right', marginTop: '12mm' }}>
        <div>{t('notice.printFooter', { project: n.projectName })}</div>
        <div>{date}</div>
      </div>
    </div>
  );
}
