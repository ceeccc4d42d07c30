// sign-in with the phone number the desk holds and a one-time code (shown here in demo mode only).
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api';
import { useSending } from '../sending';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [wait, setWait] = useState(0);
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const { busy, send } = useSending();

  useEffect(() => {
    if (!wait) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  const askCode = async () => {
    if (!phone.trim()) return void Toast.show({ content: t('portal.login.phoneRequired') });
    try {
      const r = await api.post<{ demoCode: string | null }>('/api/resident/code', { phone });
      setDemoCode(r.demoCode);
      setWait(60);
      if (!r.demoCode) Toast.show({ content: t('portal.login.sent') });
    } catch (e) {
      Toast.show({ content: errorText(e, t('portal.error')) });
    }
  };

  const submit = async () => {
    await send(async () => {
      await api.post('/api/resident/sign-in', { phone, code });
      await qc.invalidateQueries();
      navigate('/', { replace: true });
    });
  };

  return (
    <main className="portal-login">
      <h1>{t('portal.login.title')}</h1>
      <p className="portal-muted">{t('portal.login.intro')}</p>
      <Form layout="vertical" footer={<Button block color="primary" size="large" loading={busy} onClick={submit} disabled={!phone || code.length !== 6} data-testid="portal-sign-in">{t('portal.login.submit')}</Button>}>
        <Form.Item label={<label htmlFor="portal-phone">{t('portal.login.phone')}</label>}>
          <Input id="portal-phone" type="tel" inputMode="tel" autoComplete="tel" placeholder={t('portal.login.phonePlaceholder')} value={phone} onChange={setPhone} clearable />
        </Form.Item>
        <Form.Item
          label={<label htmlFor="portal-code">{t('portal.login.code')}</label>}
          extra={
            <Button size="small" color="primary" fill="outline" disabled={wait > 0} onClick={askCode} data-testid="portal-get-code">
              {wait > 0 ? t('portal.login.resend', { s: wait }) : t('portal.login.getCode')}
            </Button>
          }
        >
          <Input id="portal-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t('portal.login.codePlaceholder')} value={code} onChange={setCode} />
        </Form.Item>
      </Form>
      {demoCode && (
        <div className="portal-demo" role="status" data-testid="portal-demo-code">
          {t('portal.login.demoCode', { code: demoCode })}
        </div>
      )}
      <p className="portal-muted">{t('portal.login.demoHint')}</p>
    </main>
  );
}
