// X-03, FD-01: 携物出门 — request an item-release pass; an owner's is issued at once, a tenant's waits for an
// owner of the home to confirm it here. The pass shows its number, check code and a QR code for the gate.
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Dialog, Form, Input, List, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { Count } from '../Count';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { TPortalPassRequest } from '../../../common/portal-errands';
import { api } from '../api';
import { NoHome } from '../PlaceFields';
import { useSending } from '../sending';
import { fmt } from '../i18n';
import { useMe } from '../session';

const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const statusColor = { awaiting_owner: 'warning', issued: 'success', declined: 'default' } as const;

export const usePassRequests = () => useQuery({ queryKey: ['resident-pass-requests'], queryFn: () => api.get<TPortalPassRequest[]>('/api/resident/pass-requests') });

/** FD-01: a tenant's request for the owner to confirm or decline (首页 card and the pass page). */
export function DecideCard({ r }: { r: TPortalPassRequest }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { busy, send } = useSending();
  const decide = async (how: 'confirm' | 'decline') => {
    let reason = '';
    if (how === 'decline') {
      const ok = await Dialog.confirm({ content: <Input aria-label={t('portal.errands.passes.declineReason')} placeholder={t('portal.errands.passes.declineReason')} onChange={(v) => (reason = v)} maxLength={200} /> });
      if (!ok) return;
    }
    await send(async () => {
      await api.post(`/api/resident/pass-requests/${r.id}/${how}`, { version: r.version, reason });
      Toast.show({ icon: 'success', content: t(how === 'confirm' ? 'portal.errands.passes.confirmed' : 'portal.errands.passes.declined') });
      await qc.invalidateQueries({ queryKey: ['resident-pass-requests'] });
      await qc.invalidateQueries({ queryKey: ['resident-pass', r.id] });
    });
  };
  return (
    <div className="portal-survey" style={{ flexDirection: 'column', alignItems: 'stretch' }} data-testid="pass-decide">
      <p>
        <strong>{t('portal.errands.passes.toConfirm')}</strong>
        <br />
        {t('portal.errands.passes.confirmIntro', { name: r.requesterName, path: r.path, items: r.items, pieces: r.pieces, date: `${r.validOn} ${r.timeOut}`.trim() })}
      </p>
      <div style={{ display: 'flex', gap: 10 }}>
        <Button block color="primary" size="large" loading={busy} onClick={() => decide('confirm')} data-testid="pass-confirm">
          {t('portal.errands.passes.confirm')}
        </Button>
        <Button block size="large" disabled={busy} onClick={() => decide('decline')} data-testid="pass-decline">
          {t('portal.errands.passes.decline')}
        </Button>
      </div>
    </div>
  );
}

export default function PassesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const units = useMe().data!.units.filter((u) => u.allowed);
  const list = usePassRequests();
  const [unitId, setUnitId] = useState(units[0]?.unitId ?? '');
  const [items, setItems] = useState('');
  const [pieces, setPieces] = useState(1);
  const [validOn, setValidOn] = useState(ymd(new Date()));
  const [pickDate, setPickDate] = useState(false);
  const [timeOut, setTimeOut] = useState('');
  const [plate, setPlate] = useState('');
  const [note, setNote] = useState('');
  const { busy, send } = useSending();
  const unit = units.find((u) => u.unitId === unitId);
  if (!units.length)
    return <NoHome title={t('portal.errands.passes.title')} text={t('portal.errands.passes.noAllowedUnit')} />;
  const submit = async () => {
    if (!items.trim() || !validOn) return void Toast.show({ content: t('portal.errands.passes.required') });
    await send(async () => {
      const r = await api.post<TPortalPassRequest>('/api/resident/pass-requests', { unitId, items, pieces, validOn, timeOut: /^\d{2}:\d{2}$/.test(timeOut) ? timeOut : '', vehiclePlate: plate, note });
      Toast.show({ icon: 'success', content: t(r.status === 'issued' ? 'portal.errands.passes.issuedNow' : 'portal.errands.passes.awaitingOwner') });
      await qc.invalidateQueries({ queryKey: ['resident-pass-requests'] });
      navigate(`/passes/${r.id}`);
    });
  };
  const toDecide = list.data?.filter((r) => r.canDecide) ?? [];
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.errands.passes.title')}</h1>
      {toDecide.map((r) => (
        <DecideCard key={r.id} r={r} />
      ))}
      <List header={t('portal.errands.passes.mine')} style={{ marginBottom: 12 }}>
        {list.data?.length === 0 && <List.Item>{t('portal.errands.passes.none')}</List.Item>}
        {list.data?.map((r) => (
          <List.Item
            key={r.id}
            arrowIcon
            onClick={() => navigate(`/passes/${r.id}`)}
            description={`${r.pass?.number ?? r.path} · ${r.validOn}`}
            extra={<Tag color={statusColor[r.status]}>{t(`portal.errands.passes.status.${r.status}`)}</Tag>}
            data-testid="pass-request"
          >
            {r.items}
          </List.Item>
        ))}
      </List>
      <div className="portal-card">
        <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{t('portal.errands.passes.new')}</h2>
        <div className="portal-muted">{t(unit?.relation === 'owner' ? 'portal.errands.passes.ownerHint' : 'portal.errands.passes.tenantHint')}</div>
        <Form layout="vertical">
          {units.length > 1 && (
            <Form.Item label={t('portal.errands.passes.unit')}>
              <Selector columns={1} options={units.map((u) => ({ label: `${u.projectName} ${u.path}`, value: u.unitId }))} value={[unitId]} onChange={(v) => v[0] && setUnitId(v[0])} />
            </Form.Item>
          )}
          <Form.Item label={<label htmlFor="pass-items">{t('portal.errands.passes.items')}</label>}>
            <TextArea id="pass-items" placeholder={t('portal.errands.passes.itemsPlaceholder')} value={items} onChange={setItems} rows={2} maxLength={300} data-testid="pass-items" />
          </Form.Item>
          <Form.Item label={<label htmlFor="pass-pieces">{t('portal.errands.passes.pieces')}</label>}>
            <Count id="pass-pieces" max={999} value={pieces} onChange={setPieces} />
          </Form.Item>
          <Form.Item label={t('portal.errands.passes.validOn')} onClick={() => setPickDate(true)} arrowIcon>
            <span data-testid="pass-date">{validOn}</span>
          </Form.Item>
          <DatePicker visible={pickDate} onClose={() => setPickDate(false)} min={new Date()} max={new Date(Date.now() + 60 * 86_400_000)} value={new Date(`${validOn}T00:00:00`)} onConfirm={(d) => setValidOn(ymd(d))} />
          <Form.Item label={<label htmlFor="pass-time">{t('portal.errands.passes.timeOut')}</label>}>
            <Input id="pass-time" type="time" value={timeOut} onChange={setTimeOut} />
          </Form.Item>
          <Form.Item label={<label htmlFor="pass-plate">{t('portal.errands.passes.plate')}</label>}>
            <Input id="pass-plate" placeholder={t('portal.errands.passes.platePlaceholder')} value={plate} onChange={setPlate} maxLength={12} />
          </Form.Item>
          <Form.Item label={<label htmlFor="pass-note">{t('portal.errands.passes.note')}</label>}>
            <Input id="pass-note" value={note} onChange={setNote} maxLength={200} />
          </Form.Item>
        </Form>
        <Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="pass-submit">
          {t('portal.errands.passes.submit')}
        </Button>
      </div>
    </div>
  );
}

/** One request: its state, and once issued the pass number, check code and QR code for the gate. */
export function PassPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const q = useQuery({ queryKey: ['resident-pass', id], queryFn: () => api.get<TPortalPassRequest>(`/api/resident/pass-requests/${id}`) });
  const [qr, setQr] = useState('');
  const code = q.data?.pass?.checkCode;
  useEffect(() => {
    if (code) void QRCode.toDataURL(code, { width: 240, margin: 1 }).then(setQr);
  }, [code]);
  const r = q.data;
  if (!r) return null;
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.errands.passes.detail')}</h1>
      {r.canDecide && <DecideCard r={r} />}
      {r.pass && (
        <div className="portal-card" style={{ textAlign: 'center' }} data-testid="pass-card">
          {qr && <img src={qr} alt={`${t('portal.errands.passes.checkCode')} ${r.pass.checkCode}`} width={220} height={220} />}
          <div style={{ fontSize: 22, fontWeight: 600, letterSpacing: 1, marginTop: 8 }} data-testid="pass-number">
            {r.pass.number}
          </div>
          <div style={{ fontSize: 18, marginTop: 4 }}>
            {t('portal.errands.passes.checkCode')} <strong data-testid="pass-code">{r.pass.checkCode}</strong>
          </div>
          <Tag color={r.pass.state === 'valid' ? 'success' : 'default'} style={{ marginTop: 8, fontSize: 14 }}>
            {t(`portal.errands.passes.state.${r.pass.state}`)}
          </Tag>
          <div className="portal-muted" style={{ marginTop: 8 }}>
            {t('portal.errands.passes.showGate')}
          </div>
        </div>
      )}
      <List>
        <List.Item extra={<Tag color={statusColor[r.status]}>{t(`portal.errands.passes.status.${r.status}`)}</Tag>}>{r.items}</List.Item>
        <List.Item extra={r.pieces}>{t('portal.errands.passes.pieces')}</List.Item>
        <List.Item extra={`${r.validOn} ${r.timeOut}`.trim()}>{t('portal.errands.passes.validOn')}</List.Item>
        {r.vehiclePlate && <List.Item extra={r.vehiclePlate}>{t('portal.errands.passes.plate')}</List.Item>}
        <List.Item extra={`${r.projectName} ${r.path}`}>{t('portal.errands.passes.unit')}</List.Item>
        <List.Item extra={r.requesterName} description={fmt(r.createdAt)}>
          {t('portal.errands.passes.requester')}
        </List.Item>
        {r.note && <List.Item description={r.note}>{t('portal.errands.passes.noteLabel')}</List.Item>}
        {r.relation === 'tenant' && r.ownerName && r.status === 'issued' && (
          <List.Item description={r.decidedAt ? fmt(r.decidedAt) : undefined}>{t('portal.errands.passes.confirmedBy', { name: r.ownerName, method: t(`portal.errands.passes.method.${r.confirmMethod ?? 'portal'}`) })}</List.Item>
        )}
        {r.status === 'declined' && r.declineReason && <List.Item>{t('portal.errands.passes.declineNote', { reason: r.declineReason })}</List.Item>}
      </List>
    </div>
  );
}
