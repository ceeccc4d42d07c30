// the notification centre — unread count in the header, the latest notices in a popover.
import { Badge, Button, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import * as z from 'zod';
import type { ZNotificationList } from '../../../common/desk';
import { api } from '../lib/api';

type Notices = z.infer<typeof ZNotificationList>;

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['notifications'], queryFn: () => api.get<Notices>('/api/notifications'), refetchInterval: 60_000 });
  const read = useMutation({
    mutationFn: (id?: string) => api.post<Notices>('/api/notifications/read', id ? { id } : {}),
    onSuccess: (d) => queryClient.setQueryData(['notifications'], d),
  });
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }}>
      <List
        size="small"
        locale={{ emptyText: t('ui.notice.empty') }}
        dataSource={list.data?.items ?? []}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f6ffed' }}
            onClick={() => {
              if (!n.readAt) read.mutate(n.id);
              navigate(n.link);
            }}
          >
            <List.Item.Meta title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>} description={dayjs(n.createdAt).format('MM-DD HH:mm')} />
          </List.Item>
        )}
      />
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          {t('ui.notice.title')}
          <Button size="small" type="link" onClick={() => read.mutate(undefined)}>
            {t('ui.notice.readAll')}
          </Button>
        </div>
      }
      content={content}
    >
      <Badge count={list.data?.unread ?? 0} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={t('ui.notice.title')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
