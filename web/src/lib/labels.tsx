// Tags and colours that several pages show the same way.
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { TMe } from '../../../common/auth';
import type { TRole } from '../../../common/roles';
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

/** The specific post (维修工, 保洁员, 工程主管, 保洁主管) where the role alone is generic. */
export function postLabel(t: TFunction, role: TRole, departmentKind: string | null | undefined): string {
  const specific = departmentKind && (role === 'technician' || role === 'dept_supervisor') ? `ui.daily.post.${role}.${departmentKind}` : null;
  return specific ? t(specific, { defaultValue: t(`ui.role.${role}`) }) : t(`ui.role.${role}`);
}

export const postsOf = (me: Pick<TMe, 'roles' | 'departmentKind'>, t: TFunction) =>
  [...new Set(me.roles.map((r) => postLabel(t, r.role, me.departmentKind)))].join('、');

/** "北京时间（UTC+8）" for China; other zones by their name and offset, never the raw "Asia/Shanghai". */
export function timezoneLabel(t: TFunction, timeZone: string): string {
  if (['Asia/Shanghai', 'Asia/Chongqing', 'PRC'].includes(timeZone)) return t('ui.daily.beijingTime');
  const name = new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  const offset = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value.replace('GMT', '') || '+0';
  return t('ui.daily.utcOffset', { tz: name, offset });
}
