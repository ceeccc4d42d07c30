// X-03, NT-04: 小区公告 — the published notices of the resident's projects; opening one is its delivery record.
import { useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, List } from 'antd-mobile';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPortalBulletin, TPortalBulletinDetail } from '../../../common/portal-services';
import { api, errorText } from '../api';
import { fmt } from '../i18n';

export function BulletinList({ limit }: { limit?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['resident-bulletins'], queryFn: () => api.get<TPortalBulletin[]>('/api/resident/bulletins') });
  const items = limit ? q.data?.slice(0, limit) : q.data;
  return (
    <>
      {q.data?.length === 0 && <List.Item>{t('portal.bulletins.none')}</List.Item>}
      {items?.map((n) => (
        <List.Item
          key={n.id}
          arrowIcon
          onClick={() => navigate(`/bulletins/${n.id}`)}
          description={`${fmt(n.publishedAt)} · ${t('portal.bulletins.validTo', { date: n.validTo })}`}
          prefix={
            n.read ? undefined : (
              <span role="img" aria-label={t('portal.bulletins.unread')}>
                <Badge content={Badge.dot} />
              </span>
            )
          }
          data-testid="bulletin"
        >
          {n.title}
        </List.Item>
      ))}
      {limit && (q.data?.length ?? 0) > limit && (
        <List.Item arrowIcon onClick={() => navigate('/bulletins')}>
          {t('portal.bulletins.all')}
        </List.Item>
      )}
    </>
  );
}

export default function BulletinsPage() {
  const { t } = useTranslation();
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.bulletins.title')}</h1>
      <List>
        <BulletinList />
      </List>
    </div>
  );
}

export function BulletinPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['resident-bulletin', id], queryFn: () => api.get<TPortalBulletinDetail>(`/api/resident/bulletins/${id}`) });
  useEffect(() => {
    if (q.data) void qc.invalidateQueries({ queryKey: ['resident-bulletins'] });
  }, [q.data, qc]);
  if (!q.data) return <div className="portal-page">{q.isError ? errorText(q.error, t('portal.error')) : t('portal.loading')}</div>;
  const n = q.data;
  return (
    <div className="portal-page">
      <article className="portal-card">
        <h1 className="portal-title" style={{ margin: '0 0 6px' }}>
          {n.title}
        </h1>
        <div className="portal-muted">
          {n.projectName} · {n.number}
        </div>
        <div className="portal-muted">
          {fmt(n.publishedAt)} · {t('portal.bulletins.validTo', { date: n.validTo })}
        </div>
        <div className="portal-bulletin-body" data-testid="bulletin-body">
          {n.body}
        </div>
      </article>
    </div>
  );
}
