// 报事 — report a repair with photos from the camera (resized here first), in the home or a public area.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Selector, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { TRADES } from '../../../common/desk';
import { api } from '../api';
import { NoHome, PlaceFields, usePlace } from '../PlaceFields';
import { useSending } from '../sending';
import { shrinkToJpeg } from '../../shared/photo';
import { useMe } from '../session';

export default function ReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe().data!;
  const units = me.units.filter((u) => u.allowed);
  const place = usePlace(units, 'unit');
  const { unitId, where, publicLocation } = place;
  const [trade, setTrade] = useState<(typeof TRADES)[number]>('water');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<{ name: string; data: string }[]>([]);
  const { busy, send } = useSending();

  if (!units.length)
    return <NoHome title={t('portal.report.title')} text={t('portal.report.noAllowedUnit')} />;

  const addPhotos = async (files: FileList | null) => {
    for (const f of Array.from(files ?? []).slice(0, 3 - photos.length)) {
      const data = await shrinkToJpeg(f);
      setPhotos((p) => [...p, { name: f.name.replace(/\.[^.]*$/, '') + '.jpg', data }].slice(0, 3));
    }
  };

  const submit = async () => {
    if (!description.trim()) return void Toast.show({ content: t('portal.report.required') });
    await send(async () => {
      const r = await api.post<{ caseId: string; number: string }>('/api/resident/repairs', {
        unitId,
        locationKind: where,
        publicLocation: where === 'public' ? publicLocation : undefined,
        trade,
        description,
        photos,
      });
      Toast.show({ icon: 'success', content: t('portal.report.submitted', { number: r.number }) });
      await qc.invalidateQueries({ queryKey: ['resident-cases'] });
      navigate(`/cases/${r.caseId}`, { replace: true });
    });
  };

  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.report.title')}</h1>
      <Form layout="vertical" footer={<Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="report-submit">{t('portal.report.submit')}</Button>}>
        <PlaceFields
          id="report"
          unitLabel={t('portal.report.unit')}
          whereLabel={t('portal.report.where')}
          {...place.fields}
        />
        <Form.Item label={t('portal.report.trade')}>
          <Selector columns={4} options={TRADES.map((x) => ({ label: t(`ui.trade.${x}`), value: x }))} value={[trade]} onChange={(v) => v[0] && setTrade(v[0])} />
        </Form.Item>
        <Form.Item label={<label htmlFor="report-description">{t('portal.report.description')}</label>}>
          <TextArea id="report-description" placeholder={t('portal.report.descriptionPlaceholder')} value={description} onChange={setDescription} rows={4} maxLength={1000} showCount data-testid="report-description" />
        </Form.Item>
        <Form.Item label={t('portal.report.photos')}>
          <div className="portal-photos">
            {photos.map((p, i) => (
              <div className="portal-photo" key={i}>
                <img src={p.data} alt={`${t('portal.report.photos')} ${i + 1}`} />
                <button type="button" aria-label={t('portal.report.removePhoto')} onClick={() => setPhotos((x) => x.filter((_, j) => j !== i))}>
                  ×
                </button>
              </div>
            ))}
            {photos.length < 3 && (
              <label className="portal-add-photo">
                <span aria-hidden="true" style={{ fontSize: 28 }}>+</span>
                {t('portal.report.addPhoto')}
                <input type="file" accept="image/*" capture="environment" multiple data-testid="report-photo" onChange={(e) => void addPhotos(e.target.files).then(() => (e.target.value = ''))} />
              </label>
            )}
          </div>
        </Form.Item>
      </Form>
    </div>
  );
}
