// X-03: the portal's notices — each state change of the resident's requests; opening the list reads them.
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TPortalNotices } from '../../../common/residents';
import { api } from '../api';
import { fmt } from '../i18n';

export default function NoticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const notices = useQuery({ queryKey: ['resident-notices'], queryFn: () => api.get<TPortalNotices>('/api/resident/notices') });
  const unread = notices.data?.unread ?? 0;
  useEffect(() => {
    if (unread > 0) void api.post('/api/resident/notices/read').then(() => qc.invalidateQueries({ queryKey: ['resident-me'] }));
  }, [unread, qc]);
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.notices.title')}</h1>
      <List>
        {notices.data?.items.length === 0 && <List.Item>{t('portal.notices.none')}</List.Item>}
        {notices.data?.items.map((n) => (
          <List.Item
            key={n.id}
            arrowIcon
            onClick={() => (n.entity === 'survey' ? location.assign(n.link) : navigate(n.link))}
            description={fmt(n.at)}
            prefix={
              n.read ? undefined : (
                <span role="img" aria-label={t('portal.notices.unread')}>
                  <Badge content={Badge.dot} />
                </span>
              )
            }
            data-testid="portal-notice"
          >
            {n.entity === 'survey' ? `${t(`portal.event.${n.action}`)}：${n.number}` : `${n.number} ${t(`portal.event.${n.action}`, { defaultValue: n.action })}`}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
