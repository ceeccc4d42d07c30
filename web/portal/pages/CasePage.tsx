// one request — its photos, its orders with deadlines, the progress, signing the acceptance and rating.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, List, Popup, Selector, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { VERDICTS } from '../../../common/desk';
import type { TPortalCaseDetail, TPortalOrder } from '../../../common/residents';
import { api, errorText } from '../api';
import { useSending } from '../sending';
import { fmt } from '../i18n';
import { SignaturePad } from '../SignaturePad';

export default function CasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const key = ['resident-case', id];
  const c = useQuery({ queryKey: key, queryFn: () => api.get<TPortalCaseDetail>(`/api/resident/cases/${id}`), refetchInterval: 20_000 });
  const [signing, setSigning] = useState<TPortalOrder | null>(null);
  const [rating, setRating] = useState<TPortalOrder | null>(null);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['resident-cases'] }), qc.invalidateQueries({ queryKey: ['resident-me'] })]);

  if (!c.data) return <div className="portal-page">{c.isError ? errorText(c.error, t('portal.error')) : t('portal.loading')}</div>;
  const k = c.data;
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.detail.title')}</h1>
      <div className="portal-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span className="portal-muted">
            {t('portal.detail.number')} {k.number}
          </span>
          <Tag color="primary">{t(`ui.caseStatus.${k.status}`)}</Tag>
        </div>
        <p style={{ margin: '10px 0' }} data-testid="case-content">{k.content}</p>
        <div className="portal-muted">
          {t('portal.detail.createdAt')} {fmt(k.createdAt)}
          {k.path ? ` · ${k.path}` : ''}
        </div>
        {k.reply && (
          <p>
            <strong>{t('portal.detail.reply')}：</strong>
            {k.reply}
          </p>
        )}
        {k.photos.length > 0 && (
          <div className="portal-photos" style={{ marginTop: 10 }}>
            {k.photos.map((p, i) => (
              <img key={p.id} src={p.url} alt={`${t('portal.detail.photos')} ${i + 1}`} data-testid="case-photo" />
            ))}
          </div>
        )}
      </div>

      {k.orders.map((o) => (
        <div className="portal-card" key={o.id} data-testid="portal-order">
          <div style={{ display: 'flex', justifyContent: 'space-between' }}>
            <strong>
              {t('portal.detail.order')} {o.number}
            </strong>
            <Tag color={['completed', 'closed', 'followed_up'].includes(o.status) ? 'success' : 'primary'} data-testid="order-status">
              {t(`ui.woStatus.${o.status}`)}
            </Tag>
          </div>
          <List style={{ '--border-top': 'none', '--padding-left': '0' } as React.CSSProperties}>
            <List.Item extra={o.location}>{t('ui.order.location')}</List.Item>
            {o.assigneeName && <List.Item extra={o.assigneeName}>{t('portal.detail.assignee')}</List.Item>}
            {o.result && <List.Item description={o.result}>{t('portal.detail.result')}</List.Item>}
            {o.deadlines
              .filter((d) => ['dispatch', 'completion', 'followup'].includes(d.kind))
              .map((d) => (
                <List.Item key={d.kind} extra={d.metAt ? t('portal.detail.met') : <span className={d.overdue ? 'portal-overdue' : ''}>{d.overdue ? t('portal.detail.overdue') : t('portal.detail.due', { at: fmt(d.dueAt) })}</span>}>
                  {t(`ui.deadline.${d.kind}`)}
                </List.Item>
              ))}
          </List>
          {o.signed && <Tag color="success">{t('portal.detail.signed')}</Tag>}
          {o.rating && (
            <Tag color="success" style={{ marginLeft: 8 }}>
              {t('portal.detail.rated', { verdict: t(`ui.verdict.${o.rating.verdict}`) })}
            </Tag>
          )}
          <div style={{ display: 'flex', gap: 8, marginTop: 10 }}>
            {o.canSign && (
              <Button color="primary" block onClick={() => setSigning(o)} data-testid="order-sign">
                {t('portal.detail.sign')}
              </Button>
            )}
            {o.canRate && (
              <Button color="primary" fill="outline" block onClick={() => setRating(o)} data-testid="order-rate">
                {t('portal.detail.rate')}
              </Button>
            )}
          </div>
        </div>
      ))}

      <div className="portal-card">
        <h2 style={{ fontSize: 17, margin: '0 0 8px' }}>{t('portal.detail.timeline')}</h2>
        <Steps direction="vertical" current={k.timeline.length - 1}>
          {k.timeline.map((e, i) => (
            <Steps.Step key={i} status="finish" title={t(`portal.event.${e.entity === 'work_order' && e.action === 'create' ? 'order_create' : e.action}`, { defaultValue: e.action })} description={`${fmt(e.at)} · ${e.number}`} />
          ))}
        </Steps>
      </div>

      <SignPopup order={signing} onClose={() => setSigning(null)} onDone={refresh} />
      <RatePopup order={rating} onClose={() => setRating(null)} onDone={refresh} />
    </div>
  );
}

function SignPopup({ order, onClose, onDone }: { order: TPortalOrder | null; onClose(): void; onDone(): Promise<unknown> }) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState<string>();
  const [opinion, setOpinion] = useState('');
  const { busy, send } = useSending();
  const submit = async () => {
    if (!order) return;
    if (!signature) return void Toast.show({ content: t('portal.detail.signFirst') });
    await send(async () => {
      await api.post(`/api/resident/orders/${order.id}/acceptance`, { version: order.version, signature, opinion: opinion || undefined });
      Toast.show({ icon: 'success', content: t('portal.detail.signed') });
      await onDone();
      onClose();
    });
  };
  return (
    <Popup visible={!!order} onMaskClick={onClose} destroyOnClose bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16 }}>
      <h2 style={{ fontSize: 18, marginTop: 0 }}>{t('portal.detail.signTitle')}</h2>
      <SignaturePad onChange={setSignature} />
      <label htmlFor="sign-opinion" className="portal-muted" style={{ display: 'block', margin: '12px 0 4px' }}>
        {t('portal.detail.opinion')}
      </label>
      <Input id="sign-opinion" value={opinion} onChange={setOpinion} maxLength={200} />
      <Button block color="primary" size="large" loading={busy} onClick={submit} style={{ marginTop: 12 }} data-testid="sign-confirm">
        {t('portal.detail.confirmSign')}
      </Button>
    </Popup>
  );
}

function RatePopup({ order, onClose, onDone }: { order: TPortalOrder | null; onClose(): void; onDone(): Promise<unknown> }) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<(typeof VERDICTS)[number]>();
  const [solved, setSolved] = useState<'yes' | 'no'>();
  const [note, setNote] = useState('');
  const { busy, send } = useSending();
  const submit = async () => {
    if (!order || !verdict || !solved) return;
    await send(async () => {
      await api.post(`/api/resident/orders/${order.id}/rating`, { verdict, solved: solved === 'yes', note });
      Toast.show({ icon: 'success', content: t('portal.detail.thanks') });
      await onDone();
      onClose();
    });
  };
  return (
    <Popup visible={!!order} onMaskClick={onClose} destroyOnClose bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16 }}>
      <h2 style={{ fontSize: 18, marginTop: 0 }}>{t('portal.detail.rateTitle')}</h2>
      <Selector columns={3} options={VERDICTS.map((v) => ({ label: t(`ui.verdict.${v}`), value: v }))} value={verdict ? [verdict] : []} onChange={(v) => setVerdict(v[0])} data-testid="rate-verdict" />
      <p className="portal-muted">{t('portal.detail.solved')}</p>
      <Selector
        columns={2}
        options={[
          { label: t('portal.detail.yes'), value: 'yes' },
          { label: t('portal.detail.no'), value: 'no' },
        ]}
        value={solved ? [solved] : []}
        onChange={(v) => setSolved(v[0] as 'yes' | 'no')}
        data-testid="rate-solved"
      />
      <label htmlFor="rate-note" className="portal-muted" style={{ display: 'block', margin: '12px 0 4px' }}>
        {t('portal.detail.note')}
      </label>
      <TextArea id="rate-note" value={note} onChange={setNote} rows={2} maxLength={500} />
      <Button block color="primary" size="large" loading={busy} disabled={!verdict || !solved} onClick={submit} style={{ marginTop: 12 }} data-testid="rate-submit">
        {t('portal.detail.submitRating')}
      </Button>
    </Popup>
  );
}
