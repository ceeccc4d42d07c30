// X-03, PS-01..PS-03: 有偿服务 — the project's public price list, an order at the listed price, and the
// resident's paid orders with the quote to agree.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, List, Popup, Stepper, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TPriceList, TServiceItem } from '../../../common/paid';
import type { TPortalPaidOrder } from '../../../common/portal-services';
import { api } from '../api';
import { NoHome } from '../PlaceFields';
import { useSending } from '../sending';
import { fmt } from '../i18n';
import { useMe } from '../session';

export function paidState(o: TPortalPaidOrder): { key: string; color: 'primary' | 'warning' | 'success' | 'default' } {
  if (o.status === 'cancelled') return { key: 'ui.woStatus.cancelled', color: 'default' };
  if (o.agreedAt) return ['completed', 'closed', 'followed_up'].includes(o.status) ? { key: `ui.woStatus.${o.status}`, color: 'success' } : { key: 'portal.paid.agreed', color: 'success' };
  if (o.declinedAt) return { key: 'portal.paid.waitingQuote', color: 'default' };
  return o.canAgree ? { key: 'portal.paid.toAgree', color: 'warning' } : { key: 'portal.paid.waitingQuote', color: 'primary' };
}

export default function PaidPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const units = useMe().data!.units.filter((u) => u.allowed);
  const unitId = units[0]?.unitId;
  const list = useQuery({ queryKey: ['resident-price-list', unitId], queryFn: () => api.get<TPriceList>(`/api/resident/units/${unitId}/price-list`), enabled: !!unitId });
  const orders = useQuery({ queryKey: ['resident-paid'], queryFn: () => api.get<TPortalPaidOrder[]>('/api/resident/paid-orders') });
  const [item, setItem] = useState<TServiceItem | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [description, setDescription] = useState('');
  const [preferredTime, setPreferredTime] = useState('');
  const { busy, send } = useSending();
  if (!unitId)
    return <NoHome title={t('portal.paid.title')} text={t('portal.paid.noAllowedUnit')} />;
  const submit = async () => {
    if (!item) return;
    if (!description.trim() || !preferredTime.trim()) return void Toast.show({ content: t('portal.paid.required') });
    await send(async () => {
      const r = await api.post<{ orderId: string; number: string }>('/api/resident/paid-orders', { unitId, itemId: item.id, quantity, description, preferredTime });
      Toast.show({ icon: 'success', content: t('portal.paid.submitted', { number: r.number }) });
      setItem(null);
      await qc.invalidateQueries({ queryKey: ['resident-paid'] });
      navigate(`/paid/${r.orderId}`);
    });
  };
  const byCategory = (list.data?.items ?? []).reduce<Record<string, TServiceItem[]>>((m, i) => ({ ...m, [i.category]: [...(m[i.category] ?? []), i] }), {});
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.paid.title')}</h1>
      {!!orders.data?.length && (
        <List header={t('portal.paid.mine')} style={{ marginBottom: 12 }}>
          {orders.data.map((o) => {
            const s = paidState(o);
            return (
              <List.Item key={o.orderId} arrowIcon onClick={() => navigate(`/paid/${o.orderId}`)} description={`${o.number} · ${fmt(o.createdAt)}`} extra={<Tag color={s.color}>{t(s.key)}</Tag>} data-testid="paid-order">
                {o.itemName}
              </List.Item>
            );
          })}
        </List>
      )}
      <div className="portal-card portal-muted">{t('portal.paid.intro')}</div>
      {Object.entries(byCategory).map(([category, items]) => (
        <List key={category} header={t(`ui.priceList.categories.${category}`)} style={{ marginBottom: 12 }}>
          {items.map((i) => (
            <List.Item
              key={i.id}
              description={i.note || undefined}
              extra={
                <Button size="small" color="primary" fill="outline" onClick={() => (setItem(i), setQuantity(1))} data-testid="paid-item">
                  {t('portal.paid.order')}
                </Button>
              }
            >
              {i.name}
              <div className="portal-price">
                ¥{i.price.toFixed(2)} / {i.unit}
              </div>
            </List.Item>
          ))}
        </List>
      ))}
      {!!list.data?.excluded.length && <div className="portal-muted" style={{ padding: '0 4px 12px' }}>{t('portal.paid.excluded', { list: list.data.excluded.join('、') })}</div>}
      <Popup visible={!!item} onMaskClick={() => setItem(null)} destroyOnClose bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, padding: 16 }}>
        {item && (
          <>
            <h2 style={{ fontSize: 18, marginTop: 0 }}>{t('portal.paid.orderTitle', { name: item.name })}</h2>
            <Form layout="vertical">
              <Form.Item label={t('portal.paid.quantity', { unit: item.unit })}>
                <Stepper min={1} max={100} value={quantity} onChange={(v) => setQuantity(v || 1)} />
              </Form.Item>
              <Form.Item label={<label htmlFor="paid-description">{t('portal.paid.description')}</label>}>
                <TextArea id="paid-description" placeholder={t('portal.paid.descriptionPlaceholder')} value={description} onChange={setDescription} rows={3} maxLength={1000} />
              </Form.Item>
              <Form.Item label={<label htmlFor="paid-time">{t('portal.paid.preferredTime')}</label>}>
                <Input id="paid-time" placeholder={t('portal.paid.preferredPlaceholder')} value={preferredTime} onChange={setPreferredTime} maxLength={50} />
              </Form.Item>
            </Form>
            <div className="portal-muted" style={{ margin: '4px 0 12px' }}>
              {t('portal.paid.estimate', { fee: (item.price * quantity).toFixed(2) })}
            </div>
            <Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="paid-submit">
              {t('portal.paid.submit')}
            </Button>
          </>
        )}
      </Popup>
    </div>
  );
}
