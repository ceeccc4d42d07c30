// AR-04: who viewed or exported which archive data, when and from where — for the project manager and quality.
import { useState } from 'react';
import { Card, DatePicker, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { ZAccessLog, ZAccessLogEntry } from '../../../../common/archives';
import { api, qs } from '../../lib/api';
import { useSession } from '../../lib/session';

export function ArchiveLogPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [month, setMonth] = useState(dayjs());
  const query = qs({ projectId, month: month.format('YYYY-MM') });
  const q = useQuery({ queryKey: ['archive-log', query], queryFn: () => api.get<z.infer<typeof ZAccessLog>>(`/api/archive-log?${query}`), enabled: !!projectId });
  return (
    <Card size="small" title={t('archive.log')} extra={<DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />}>
      <Table<z.infer<typeof ZAccessLogEntry>>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('archive.when'), dataIndex: 'at', width: 140, render: (v) => dayjs(v).format('MM-DD HH:mm:ss') },
          { title: t('archive.who'), dataIndex: 'userName', width: 100 },
          { title: t('archive.state'), dataIndex: 'action', width: 80, render: (v) => t(`archive.logAction.${v}`) },
          { title: t('archive.what'), dataIndex: 'label', render: (v, e) => `${t(`archive.logEntity.${e.entity}`)} ${v}` },
          { title: t('archive.where'), dataIndex: 'ip', width: 130 },
        ]}
      />
    </Card>
  );
}
