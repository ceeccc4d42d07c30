// X-03, CP-01: 我要投诉 — a complaint about the home or a public area; it reaches the desk's complaint register.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Selector, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_TYPES } from '../../../common/complaints';
import { api, errorText } from '../api';
import { useMe } from '../session';

export default function ComplainPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const units = useMe().data!.units.filter((u) => u.allowed);
  const [unitId, setUnitId] = useState(units[0]?.unitId);
  const [type, setType] = useState<(typeof COMPLAINT_TYPES)[number]>('environment');
  const [where, setWhere] = useState<'unit' | 'public'>('public');
  const [publicLocation, setPublicLocation] = useState('');
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  if (!units.length)
    return (
      <div className="portal-page">
        <h1 className="portal-title">{t('portal.complain.title')}</h1>
        <div className="portal-card">{t('portal.complain.noAllowedUnit')}</div>
      </div>
    );
  const submit = async () => {
    if (!content.trim()) return void Toast.show({ content: t('portal.complain.required') });
    if (where === 'public' && !publicLocation.trim()) return void Toast.show({ content: t('portal.complain.publicRequired') });
    setBusy(true);
    try {
      const r = await api.post<{ caseId: string; number: string }>('/api/resident/complaints', { unitId, type, locationKind: where, publicLocation: where === 'public' ? publicLocation : undefined, content });
      Toast.show({ icon: 'success', content: t('portal.complain.submitted', { number: r.number }) });
      await qc.invalidateQueries({ queryKey: ['resident-cases'] });
      navigate(`/complaints/${r.caseId}`, { replace: true });
    } catch (e) {
      Toast.show({ content: errorText(e, t('portal.error')) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.complain.title')}</h1>
      <Form layout="vertical" footer={<Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="complain-submit">{t('portal.complain.submit')}</Button>}>
        {units.length > 1 && (
          <Form.Item label={t('portal.complain.unit')}>
            <Selector columns={1} options={units.map((u) => ({ label: `${u.projectName} ${u.path}`, value: u.unitId }))} value={unitId ? [unitId] : []} onChange={(v) => v[0] && setUnitId(v[0])} />
          </Form.Item>
        )}
        <Form.Item label={t('portal.complain.type')}>
          <Selector columns={3} options={COMPLAINT_TYPES.map((x) => ({ label: t(`ui.complaintType.${x}`), value: x }))} value={[type]} onChange={(v) => v[0] && setType(v[0])} />
        </Form.Item>
        <Form.Item label={t('portal.complain.where')}>
          <Selector
            columns={2}
            options={[
              { label: t('portal.report.inUnit'), value: 'unit' },
              { label: t('portal.report.publicArea'), value: 'public' },
            ]}
            value={[where]}
            onChange={(v) => v[0] && setWhere(v[0] as 'unit' | 'public')}
          />
        </Form.Item>
        {where === 'public' && (
          <Form.Item label={<label htmlFor="complain-public">{t('portal.report.publicLocation')}</label>}>
            <Input id="complain-public" placeholder={t('portal.report.publicPlaceholder')} value={publicLocation} onChange={setPublicLocation} maxLength={100} />
          </Form.Item>
        )}
        <Form.Item label={<label htmlFor="complain-content">{t('portal.complain.content')}</label>}>
          <TextArea id="complain-content" placeholder={t('portal.complain.contentPlaceholder')} value={content} onChange={setContent} rows={4} maxLength={1000} showCount data-testid="complain-content" />
        </Form.Item>
      </Form>
    </div>
  );
}
