// Tags and colours that several pages show the same way.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TUnitState } from '../../../common/org';

export const STATE_COLORS: Record<TUnitState, string> = {
  vacant: 'default',
  owner_occupied: 'green',
  rented: 'blue',
  decorating: 'orange',
};

export function UnitStateTag({ state }: { state: TUnitState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`ui.unitState.${state}`)}</Tag>;
}

export function RelationTag({ relation }: { relation: 'owner' | 'tenant' }) {
  const { t } = useTranslation();
  return <Tag color={relation === 'owner' ? 'geekblue' : 'purple'}>{t(`ui.relation.${relation}`)}</Tag>;
}
