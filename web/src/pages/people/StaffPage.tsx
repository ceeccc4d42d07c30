// ORG-04/ORG-05: who works in the project, in which department, with which roles.
import { Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TStaff } from '../../../../common/people';
import { api } from '../../lib/api';
import { useSession } from '../../lib/session';
import { postLabel } from '../../lib/labels';

export function StaffPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const staff = useQuery({ queryKey: ['staff', projectId], queryFn: () => api.get<{ items: TStaff[] }>(`/api/projects/${projectId}/staff`), enabled: !!projectId });
  return (
    <Card size="small" title={t('ui.nav.staff')}>
      <Table<TStaff>
        rowKey="id"
        size="small"
        loading={staff.isPending}
        dataSource={staff.data?.items}
        pagination={false}
        columns={[
          { title: t('ui.staff.name'), dataIndex: 'displayName' },
          { title: t('ui.staff.username'), dataIndex: 'username' },
          { title: t('ui.staff.department'), dataIndex: 'departmentKind', render: (v) => (v ? t(`ui.department.${v}`) : '—') },
          {
            title: t('ui.staff.roles'),
            dataIndex: 'roles',
            render: (roles: TStaff['roles'], s) =>
              roles.map((r) => (
                <Tag key={r.role + r.projectId}>
                  {postLabel(t, r.role, s.departmentKind)}
                  {r.projectId ? '' : t('ui.staff.companyWide')}
                </Tag>
              )),
          },
          { title: t('ui.staff.phone'), dataIndex: 'phone' },
        ]}
      />
    </Card>
  );
}
