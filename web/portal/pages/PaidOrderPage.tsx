// X-03, PS-03: one paid order — the desk's quote agreed (or declined) before work starts, then its progress.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Input, List, Steps, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TPortalPaidOrder } from '../../../common/portal-services';
import { api, errorText } from '../api';
import { useSending } from '../sending';
import { fmt } from '../i18n';
import { paidState } from './PaidPage';

export default function PaidOrderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const key = ['resident-paid-order', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<TPortalPaidOrder>(`/api/resident/paid-orders/${id}`), refetchInterval: 20_000 });
  const [note, setNote] = useState('');
  const { busy, send } = useSending();
  if (!q.data) return <div className="portal-page">{q.isError ? errorText(q.error, t('portal.error')) : t('portal.loading')}</div>;
  const o = q.data;
  const answer = async (how: 'agree' | 'decline') => {
    if (how === 'agree' && !(await Dialog.confirm({ content: t('portal.paid.agreeConfirm', { fee: o.fee.toFixed(2) }), confirmText: t('portal.paid.agree'), cancelText: t('ui.cancel') }))) return;
    await send(async () => {
      await api.post(`/api/resident/paid-orders/${o.orderId}/${how}`, { version: o.version, note });
      await Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['resident-paid'] }), qc.invalidateQueries({ queryKey: ['resident-me'] })]);
    }, async () => {
      await qc.invalidateQueries({ queryKey: key }); // a changed quote is shown afresh
    });
  };
  const s = paidState(o);
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.paid.detail')}</h1>
      <div className="portal-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <strong>{o.itemName}</strong>
          <Tag color={s.color} data-testid="paid-state">
            {t(s.key)}
          </Tag>
        </div>
        <List style={{ '--border-top': 'none', '--padding-left': '0' } as React.CSSProperties}>
          <List.Item extra={o.number}>{t('portal.detail.number')}</List.Item>
          {o.path && <List.Item extra={o.path}>{t('portal.complain.unit')}</List.Item>}
          <List.Item extra={o.preferredTime}>{t('portal.paid.preferredTime')}</List.Item>
          <List.Item extra={<span className="portal-price" data-testid="paid-fee">¥{o.fee.toFixed(2)}</span>} description={o.expectedResult}>
            {t('portal.paid.fee')}
          </List.Item>
          {o.appointmentAt && <List.Item extra={fmt(o.appointmentAt)}>{t('portal.paid.appointment')}</List.Item>}
          {o.collected && <List.Item extra={<Tag color="success">{t('portal.paid.collected')}</Tag>}>{t('portal.paid.fee')}</List.Item>}
        </List>
        {!o.quoted && <div className="portal-muted">{t('portal.paid.waitingQuote')}</div>}
        {o.declinedAt && <div className="portal-muted">{t('portal.paid.declined')}</div>}
        {o.canAgree && (
          <>
            <label htmlFor="paid-note" className="portal-muted" style={{ display: 'block', margin: '8px 0 4px' }}>
              {t('portal.paid.declineNote')}
            </label>
            <div className="portal-input">
              <Input id="paid-note" value={note} onChange={setNote} maxLength={200} />
            </div>
            <div style={{ display: 'flex', gap: 8, marginTop: 10 }}>
              <Button block color="primary" loading={busy} onClick={() => void answer('agree')} data-testid="paid-agree">
                {t('portal.paid.agree')}
              </Button>
              <Button block color="danger" fill="outline" loading={busy} onClick={() => void answer('decline')} data-testid="paid-decline">
                {t('portal.paid.decline')}
              </Button>
            </div>
          </>
        )}
      </div>
      <div className="portal-card">
        <h2 style={{ fontSize: 17, margin: '0 0 8px' }}>{t('portal.paid.timeline')}</h2>
        <Steps direction="vertical" current={o.timeline.length - 1}>
          {o.timeline.map((e, i) => (
            <Steps.Step key={i} status="finish" title={t(`portal.event.${e.action}`, { defaultValue: e.action })} description={fmt(e.at)} />
          ))}
        </Steps>
      </div>
    </div>
  );
}
