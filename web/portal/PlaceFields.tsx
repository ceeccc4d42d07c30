// what a report or a complaint is about — which home, when the resident has several, and where: in
// the home or a public area named in a few words. 报事 and 我要投诉 ask it the same way.
import { useState } from 'react';
import { Form, Input, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TResidentUnit } from '../../common/residents';

export type Where = 'unit' | 'public';

export function PlaceFields(props: {
  id: string;
  unitLabel: string;
  whereLabel: string;
  units: TResidentUnit[];
  unitId: string | undefined;
  onUnit(id: string): void;
  where: Where;
  onWhere(w: Where): void;
  publicLocation: string;
  onPublicLocation(v: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.units.length > 1 && (
        <Form.Item label={props.unitLabel}>
          <Selector columns={1} options={props.units.map((u) => ({ label: `${u.projectName} ${u.path}`, value: u.unitId }))} value={props.unitId ? [props.unitId] : []} onChange={(v) => v[0] && props.onUnit(v[0])} />
        </Form.Item>
      )}
      <Form.Item label={props.whereLabel}>
        <Selector
          columns={2}
          options={[
            { label: t('portal.report.inUnit'), value: 'unit' },
            { label: t('portal.report.publicArea'), value: 'public' },
          ]}
          value={[props.where]}
          onChange={(v) => v[0] && props.onWhere(v[0] as Where)}
        />
      </Form.Item>
      {props.where === 'public' && (
        <Form.Item label={<label htmlFor={`${props.id}-public`}>{t('portal.report.publicLocation')}</label>}>
          <Input id={`${props.id}-public`} placeholder={t('portal.report.publicPlaceholder')} value={props.publicLocation} onChange={props.onPublicLocation} maxLength={100} />
        </Form.Item>
      )}
    </>
  );
}

/** The place's state for a form: `fields` goes to <PlaceFields {...place.fields} />. */
export function usePlace(units: TResidentUnit[], initial: Where) {
  const [unitId, setUnitId] = useState(units[0]?.unitId);
  const [where, setWhere] = useState<Where>(initial);
  const [publicLocation, setPublicLocation] = useState('');
  return { unitId, where, publicLocation, fields: { units, unitId, onUnit: setUnitId, where, onWhere: setWhere, publicLocation, onPublicLocation: setPublicLocation } };
}

/** The page a resident sees where they have no home to act for (a tenant needs the owner's consent). */
export function NoHome({ title, text }: { title: string; text: string }) {
  return (
    <div className="portal-page">
      <h1 className="portal-title">{title}</h1>
      <div className="portal-card">{text}</div>
    </div>
  );
}
