// PT-02: the vacant-unit register (空置房登记表) for supervisors — read from the units' states, each unit's
// last patrol and next due, overdue ones flagged.
import { useState } from 'react';
import { Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TVacantUnit } from '../../../../common/patrols';
import { api, qs } from '../../lib/api';
import { useSession } from '../../lib/session';

export function VacantRegisterPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const reg = useQuery({
    queryKey: ['vacant', projectId, onlyOverdue],
    queryFn: () => api.get<{ units: TVacantUnit[]; heatingSeason: boolean; overdue: number; intervalDays: number }>(`/api/vacant-units?${qs({ projectId, overdue: onlyOverdue ? 'true' : undefined })}`),
    enabled: !!projectId,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('patrol.vacantRegister')}
        </Typography.Title>
        {reg.data && <Tag color={reg.data.heatingSeason ? 'volcano' : 'blue'}>{reg.data.heatingSeason ? t('patrol.heatingSeason') : t('patrol.normalSeason')}</Tag>}
        {reg.data && <Tag color={reg.data.overdue ? 'red' : 'green'}>{t('patrol.overdue')} {reg.data.overdue}</Tag>}
        <Switch checked={onlyOverdue} onChange={setOnlyOverdue} /> {t('patrol.onlyOverdue')}
      </Space>
      <Table<TVacantUnit>
        size="small"
        rowKey="unitId"
        loading={reg.isPending}
        dataSource={reg.data?.units ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('archive.path'), dataIndex: 'path', render: (p, u) => (u.groupOwned ? <Space>{p}<Tag>{t('patrol.groupOwned')}</Tag></Space> : p) },
          { title: t('patrol.lastPatrol'), render: (_, u) => (u.lastPatrolAt ? `${dayjs(u.lastPatrolAt).format('MM-DD HH:mm')} ${u.lastPatrolBy}` : t('patrol.neverPatrolled')) },
          { title: t('patrol.findings'), render: (_, u) => u.lastFailed.map((c) => <Tag key={c} color="orange">{t(`patrol.vacantChecks.${c}`)}</Tag>) },
          { title: t('patrol.nextDue'), dataIndex: 'nextDueOn', render: (d) => d ?? '—', sorter: (a, b) => (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? '') },
          { title: '', render: (_, u) => (u.overdue ? <Tag color="red">{u.nextDueOn ? t('patrol.overdueDays', { n: u.overdueDays }) : t('patrol.neverPatrolled')}</Tag> : null) },
        ]}
      />
    </Space>
  );
}
