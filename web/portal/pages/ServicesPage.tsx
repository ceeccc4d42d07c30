// X-03: 服务 — every request of the resident with its state.
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TPortalCase } from '../../../common/residents';
import { api } from '../api';
import { fmt } from '../i18n';
import { caseLink } from './HomePage';

export default function ServicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cases = useQuery({ queryKey: ['resident-cases'], queryFn: () => api.get<TPortalCase[]>('/api/resident/cases') });
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.services.title')}</h1>
      <List>
        {cases.data?.length === 0 && <List.Item>{t('portal.services.none')}</List.Item>}
        {cases.data?.map((c) => {
          const o = c.orders[0];
          return (
            <List.Item
              key={c.id}
              arrowIcon
              onClick={() => navigate(caseLink(c))}
              description={`${c.number} · ${fmt(c.createdAt)}${c.path ? ` · ${c.path}` : ''}`}
              extra={<Tag color={o ? (['closed', 'followed_up', 'completed'].includes(o.status) ? 'success' : 'primary') : 'default'}>{o ? t(`ui.woStatus.${o.status}`) : t(`ui.caseStatus.${c.status}`)}</Tag>}
            >
              {c.category === 'complaint' && <Tag color="warning" style={{ marginRight: 6 }}>{t('ui.category.complaint')}</Tag>}
              {c.category === 'paid_service' && <Tag color="primary" fill="outline" style={{ marginRight: 6 }}>{t('portal.paid.title')}</Tag>}
              {c.content}
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
