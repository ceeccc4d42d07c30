// X-03, CP-01: 我要投诉 — a complaint about the home or a public area; it reaches the desk's complaint register.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Selector, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_TYPES } from '../../../common/complaints';
import { api } from '../api';
import { NoHome, PlaceFields, usePlace } from '../PlaceFields';
import { useSending } from '../sending';
import { useMe } from '../session';

export default function ComplainPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const units = useMe().data!.units.filter((u) => u.allowed);
  const [type, setType] = useState<(typeof COMPLAINT_TYPES)[number]>('environment');
  const place = usePlace(units, 'public');
  const { unitId, where, publicLocation } = place;
  const [content, setContent] = useState('');
  const { busy, send } = useSending();
  if (!units.length)
    return <NoHome title={t('portal.complain.title')} text={t('portal.complain.noAllowedUnit')} />;
  const submit = async () => {
    if (!content.trim()) return void Toast.show({ content: t('portal.complain.required') });
    if (where === 'public' && !publicLocation.trim()) return void Toast.show({ content: t('portal.complain.publicRequired') });
    await send(async () => {
      const r = await api.post<{ caseId: string; number: string }>('/api/resident/complaints', { unitId, type, locationKind: where, publicLocation: where === 'public' ? publicLocation : undefined, content });
      Toast.show({ icon: 'success', content: t('portal.complain.submitted', { number: r.number }) });
      await qc.invalidateQueries({ queryKey: ['resident-cases'] });
      navigate(`/complaints/${r.caseId}`, { replace: true });
    });
  };
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.complain.title')}</h1>
      <Form layout="vertical" footer={<Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="complain-submit">{t('portal.complain.submit')}</Button>}>
        <Form.Item label={t('portal.complain.type')}>
          <Selector columns={3} options={COMPLAINT_TYPES.map((x) => ({ label: t(`ui.complaintType.${x}`), value: x }))} value={[type]} onChange={(v) => v[0] && setType(v[0])} />
        </Form.Item>
        <PlaceFields
          id="complain"
          unitLabel={t('portal.complain.unit')}
          whereLabel={t('portal.complain.where')}
          {...place.fields}
        />
        <Form.Item label={<label htmlFor="complain-content">{t('portal.complain.content')}</label>}>
          <TextArea id="complain-content" placeholder={t('portal.complain.contentPlaceholder')} value={content} onChange={setContent} rows={4} maxLength={1000} showCount data-testid="complain-content" />
        </Form.Item>
      </Form>
    </div>
  );
}
