// A complaint's type, severity, company level and CP-02 flags as tags, the same in the list and the detail.
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TComplaint } from '../../../../common/complaints';

export function ComplaintTags({ k }: { k: Pick<TComplaint, 'type' | 'severity' | 'majorReasons' | 'companyLevel' | 'flags'> }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      <Tag>{t(`ui.complaintType.${k.type}`)}</Tag>
      {k.severity === 'major' && (
        <Tooltip title={k.majorReasons.map((r) => t(`ui.majorReason.${r}`)).join('、')}>
          <Tag color="red">{t('ui.complaint.major')}</Tag>
        </Tooltip>
      )}
      {k.companyLevel && <Tag color="purple">{t('ui.complaint.companyLevel')}</Tag>}
      {k.flags.map((f) => (
        <Tag key={f.id} color="volcano">
          {t(`ui.flagKind.${f.kind}`)}
        </Tag>
      ))}
    </Space>
  );
}
