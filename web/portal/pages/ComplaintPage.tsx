// X-03, CP-01: one complaint — its state, the desk's reply and resolution, the steps, and the resident's verdict.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Popup, Selector, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { VERDICTS } from '../../../common/desk';
import type { TPortalComplaint } from '../../../common/portal-services';
import { api, errorText } from '../api';
import { useSending } from '../sending';
import { fmt } from '../i18n';

export default function ComplaintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const key = ['resident-complaint', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<TPortalComplaint>(`/api/resident/complaints/${id}`), refetchInterval: 20_000 });
  const [rating, setRating] = useState(false);
  const [verdict, setVerdict] = useState<(typeof VERDICTS)[number]>();
  const [note, setNote] = useState('');
  const { busy, send } = useSending();
  if (!q.data) return <div className="portal-page">{q.isError ? errorText(q.error, t('portal.error')) : t('portal.loading')}</div>;
  const k = q.data;
  const submit = async () => {
    if (!verdict) return;
    await send(async () => {
      await api.post(`/api/resident/complaints/${k.caseId}/verdict`, { version: k.version, verdict, note });
      Toast.show({ icon: 'success', content: t('portal.detail.thanks') });
      setRating(false);
      await Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['resident-cases'] })]);
    });
  };
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.complaint.title')}</h1>
      <div className="portal-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span className="portal-muted">
            {t('portal.detail.number')} {k.number} · {t(`ui.complaintType.${k.type}`)}
          </span>
          <Tag color={k.status === 'closed' ? 'success' : k.status === 'resolved' ? 'warning' : 'primary'} data-testid="complaint-status">
            {t(`portal.complaint.status.${k.status}`)}
          </Tag>
        </div>
        <p style={{ margin: '10px 0' }}>{k.content}</p>
        <div className="portal-muted">
          {t('portal.detail.createdAt')} {fmt(k.createdAt)}
          {k.path ? ` · ${k.path}` : ''}
        </div>
        {k.replyDueAt && !k.reply && <div className="portal-muted">{t('portal.detail.replyDue')} {fmt(k.replyDueAt)}</div>}
        {k.reply && (
          <p>
            <strong>{t('portal.detail.reply')}：</strong>
            {k.reply}
          </p>
        )}
        {k.resolution && (
          <p>
            <strong>{t('portal.complaint.resolution')}：</strong>
            {k.resolution}
          </p>
        )}
        {k.verdict && <Tag color={k.verdict === 'unsatisfied' ? 'danger' : 'success'}>{t('portal.complaint.rated', { verdict: t(`ui.verdict.${k.verdict}`) })}</Tag>}
        {k.canRate && (
          <Button block color="primary" style={{ marginTop: 10 }} onClick={() => setRating(true)} data-testid="complaint-rate">
            {t('portal.complaint.rate')}
          </Button>
        )}
      </div>
      <div className="portal-card">
        <h2 style={{ fontSize: 17, margin: '0 0 8px' }}>{t('portal.detail.timeline')}</h2>
        <Steps direction="vertical" current={k.timeline.length - 1}>
          {k.timeline.map((e, i) => (
            <Steps.Step key={i} status="finish" title={t(`portal.event.${e.action}`, { defaultValue: e.action })} description={fmt(e.at)} />
          ))}
        </Steps>
      </div>
      <Popup visible={rating} onMaskClick={() => setRating(false)} destroyOnClose bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16 }}>
        <h2 style={{ fontSize: 18, marginTop: 0 }}>{t('portal.complaint.rateTitle')}</h2>
        <Selector columns={3} options={VERDICTS.map((v) => ({ label: t(`ui.verdict.${v}`), value: v }))} value={verdict ? [verdict] : []} onChange={(v) => setVerdict(v[0])} />
        <p className="portal-muted">{t('portal.complaint.unsatisfiedHint')}</p>
        <label htmlFor="complaint-note" className="portal-muted" style={{ display: 'block', margin: '12px 0 4px' }}>
          {t('portal.detail.note')}
        </label>
        <TextArea id="complaint-note" value={note} onChange={setNote} rows={2} maxLength={500} />
        <Button block color="primary" size="large" loading={busy} disabled={!verdict} onClick={submit} style={{ marginTop: 12 }} data-testid="complaint-rate-submit">
          {t('portal.detail.submitRating')}
        </Button>
      </Popup>
    </div>
  );
}
