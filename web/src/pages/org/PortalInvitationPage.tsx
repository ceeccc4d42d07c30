// the desk prints an invitation slip for a unit — the portal's address as a QR code and how the
// owner or tenant signs in with the phone number the desk holds for them. A4, from the unit page.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import type { TUnitDetail } from '../../../../common/people';
import type { TMe } from '../../../../common/auth';
import { api } from '../../lib/api';
import { useAutoPrint } from '../print-parts';
import '../print.css';

export function PortalInvitationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => api.get<TUnitDetail>(`/api/units/${id}`) });
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.get<TMe>('/api/me') });
  const url = `${location.origin}/m/`;
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    void QRCode.toDataURL(url, { width: 480, margin: 1, errorCorrectionLevel: 'M' }).then(setQr);
  }, [url]);
  useAutoPrint(unit.data && qr);
  const u = unit.data?.unit;
  if (!u || !qr) return null;
  const project = me.data?.projects.find((p) => p.id === u.projectId)?.name ?? '';
  return (
    <div data-testid="portal-invitation" style={{ width: '180mm', margin: '0 auto', padding: '20mm 0', fontSize: 16, lineHeight: 1.9, color: '#000', background: '#fff', textAlign: 'center' }}>
      <h1 style={{ fontSize: 26, margin: '0 0 4mm' }}>{t('portal.invite.title')}</h1>
      <div style={{ fontSize: 18 }}>
        {project} {u.path}
      </div>
      <img src={qr} alt={url} style={{ width: '70mm', height: '70mm', margin: '10mm auto', display: 'block' }} />
      <div style={{ fontSize: 14 }}>{url}</div>
      <ol style={{ textAlign: 'left', margin: '10mm 20mm', fontSize: 15 }}>
        <li>{t('portal.invite.step1')}</li>
        <li>{t('portal.invite.step2')}</li>
        <li>{t('portal.invite.step3')}</li>
      </ol>
      <div style={{ textAlign: 'right', marginTop: '14mm' }}>{t('portal.invite.footer', { project })}</div>
    </div>
  );
}
