// Issue 12: the company admin sees which user names and addresses wait after wrong passwords and lets a
// colleague back in early (the server checks the admin's company-wide grant and audits each clearing).
import { Alert, Button, Card, Table, Tag, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TThrottle } from '../../../../common/auth';
import { api } from '../../lib/api';

export function ThrottlesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const throttles = useQuery({ queryKey: ['throttles'], queryFn: () => api.get<TThrottle[]>('/api/auth/throttles') });
  const clear = useMutation({
    mutationFn: (id: string) => api.post<TThrottle>(`/api/auth/throttles/${id}/clear`),
    onSuccess: () => {
      void message.success(t('ui.throttle.cleared'));
      void queryClient.invalidateQueries({ queryKey: ['throttles'] });
    },
  });
  const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : null);
  return (
    <Card size="small" title={t('ui.throttle.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('ui.throttle.hint')} />
      <Table<TThrottle>
        rowKey="id"
        size="small"
        loading={throttles.isPending}
        dataSource={throttles.data}
        pagination={false}
        locale={{ emptyText: t('ui.throttle.none') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('ui.throttle.subject'), render: (_, r) => <><Tag>{t(`ui.throttle.kind.${r.kind}`)}</Tag>{r.subject}</> },
          { title: t('ui.throttle.failures'), dataIndex: 'failures', width: 120 },
          { title: t('ui.throttle.blockedUntil'), render: (_, r) => time(r.blockedUntil) ?? t('ui.throttle.notBlocked') },
          { title: t('ui.throttle.lastAttemptAt'), render: (_, r) => time(r.lastAttemptAt) },
          {
            title: '',
            width: 90,
            render: (_, r) => (
              <Button size="small" onClick={() => clear.mutate(r.id)} loading={clear.isPending && clear.variables === r.id}>
                {t('ui.throttle.clear')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
