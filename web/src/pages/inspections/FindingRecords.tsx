// QI-03: the records that prove a computed finding, each a link to its own page (drill-down). Links to a
// register switch the current project to the inspected one first, so the register opens on it.
import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { parseRecordRef, type TRecordKind } from '../../../../common/inspection-records';
import { useSession } from '../../lib/session';

/** Where each kind of record is shown: its own page when it has one, else the register listing it. */
const PAGE: Record<TRecordKind, (id: string) => string> = {
  archive: (id) => `/archives/${id}`,
  order: (id) => `/orders/${id}`,
  case: (id) => `/cases/${id}`,
  complaint: (id) => `/complaints/${id}`,
  notice: (id) => `/notices/${id}`,
  briefing_missing: () => '/notices',
  annual_missing: () => '/notices',
  board_stale: () => '/notices',
  key_customer: () => '/key-customers',
  key_review_missing: () => '/key-customers',
  visitor: () => '/visits',
  coverage_short: () => '/visits',
  articles_short: () => '/activities',
  activities_short: () => '/activities',
  supervision: () => '/supervision',
  faq: () => '/faq',
  patrol_day: () => '/patrols',
  patrol_finding: () => '/patrols',
  patrol_check: () => '/patrols',
  unit: () => '/vacant-units',
  shift_log: () => '/frontdesk/shift-logs',
  review_week: () => '/frontdesk/call-reviews',
  cash_handover: () => '/cash',
  cash_day: () => '/cash',
  survey_missing: () => '/surveys',
  survey: (id) => `/surveys/${id}`,
  survey_item: (id) => `/surveys/${id.split('/')[0]}`,
  survey_measure: (id) => `/surveys/${id.split('/')[0]}`,
  survey_answer: (id) => `/surveys/${id.split('/')[0]}`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-/i;
/** What the link says after the kind: a date, month, quarter or role as it is; an id by its first digits. */
function shown(kind: TRecordKind | null, id: string, t: (k: string) => string): string {
  if (kind === 'coverage_short') return t(`inspection.coverageRole.${id}`);
  if (kind === 'cash_day') return id.split('/')[0];
  if (kind === 'survey_missing') return '';
  if (kind === 'survey_item' || kind === 'survey_measure' || kind === 'survey_answer') return shown(null, id.split('/')[1] ?? id, t);
  return UUID.test(id) ? id.slice(0, 8) : id;
}

const SHOWN = 8;

export function FindingRecords({ records, projectId }: { records: string[]; projectId: string }) {
  const { t } = useTranslation();
  const { projectId: current, setProjectId } = useSession();
  const [all, setAll] = useState(false);
  if (!records.length) return null;
  const list = all ? records : records.slice(0, SHOWN);
  return (
    <Space size={[8, 0]} wrap data-testid="finding-records">
      <Typography.Text type="secondary">{t('inspection.records', { count: records.length })}</Typography.Text>
      {list.map((ref) => {
        const { kind, id } = parseRecordRef(ref);
        const label = `${kind ? t(`inspection.recordKind.${kind}`) : t('inspection.recordKind.record')} ${shown(kind, id, t)}`;
        if (!kind) return <Typography.Text key={ref}>{label}</Typography.Text>;
        return (
          <Link key={ref} to={PAGE[kind](id)} onClick={() => current !== projectId && setProjectId(projectId)}>
            {label}
          </Link>
        );
      })}
      {records.length > SHOWN && (
        <Button type="link" size="small" onClick={() => setAll(!all)}>
          {all ? t('inspection.fewerRecords') : t('inspection.allRecords', { count: records.length })}
        </Button>
      )}
    </Space>
  );
}
