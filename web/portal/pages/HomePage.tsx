// 首页 — the resident's homes, quick actions and the latest requests.
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Badge, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TPortalCase } from '../../../common/residents';
import { api } from '../api';
import { fmt } from '../i18n';
import { BellIcon, ListIcon, ReportIcon } from '../icons';
import { useMe } from '../session';

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data!;
  const cases = useQuery({ queryKey: ['resident-cases'], queryFn: () => api.get<TPortalCase[]>('/api/resident/cases') });
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.home.hello', { name: me.name })}</h1>
      <div className="portal-quick">
        <Link to="/report" data-testid="quick-repair">
          <ReportIcon />
          {t('portal.home.quick.repair')}
        </Link>
        <Link to="/services">
          <ListIcon />
          {t('portal.home.quick.services')}
        </Link>
        <Link to="/notices">
          <Badge content={me.unread || null}>
            <BellIcon />
          </Badge>
          {t('portal.home.quick.notices')}
        </Link>
      </div>
      <List header={t('portal.home.myUnits')} className="portal-card-list">
        {me.units.length === 0 && <List.Item>{t('portal.home.noUnits')}</List.Item>}
        {me.units.map((u) => (
          <List.Item key={u.unitId} description={u.projectName} extra={<Tag color={u.relation === 'owner' ? 'primary' : 'default'}>{t(`portal.home.${u.relation}`)}</Tag>}>
            {u.path}
            {!u.allowed && (
              <Tag color="warning" style={{ marginLeft: 8 }}>
                {t('portal.home.noConsent')}
              </Tag>
            )}
          </List.Item>
        ))}
      </List>
      <List header={t('portal.home.recent')} style={{ marginTop: 12 }}>
        {cases.data?.length === 0 && <List.Item>{t('portal.home.none')}</List.Item>}
        {cases.data?.slice(0, 3).map((c) => (
          <List.Item key={c.id} arrowIcon description={`${c.number} · ${fmt(c.createdAt)}`} onClick={() => navigate(`/cases/${c.id}`)}>
            {c.content}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
