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

const WO_COLORS: Record<string, string> = {
  reported: 'red',
  dispatched: 'orange',
  accepted: 'gold',
  in_progress: 'blue',
  on_hold: 'purple',
  completed: 'cyan',
  closed: 'green',
  followed_up: 'green',
  cannot_repair: 'default',
  cancelled: 'default',
};

export function WoStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={WO_COLORS[status]}>{t(`ui.woStatus.${status}`)}</Tag>;
}

const CASE_COLORS: Record<string, string> = { open: 'orange', replied: 'blue', closed: 'green', cancelled: 'default' };

export function CaseStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={CASE_COLORS[status]}>{t(`ui.caseStatus.${status}`)}</Tag>;
}
