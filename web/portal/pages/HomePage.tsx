// 首页 — the resident's homes, quick actions and the latest requests.
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Badge, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TPortalCase } from '../../../common/residents';
import type { TPortalSurvey } from '../../../common/portal-services';
import { BulletinList } from './BulletinsPage';
import { api } from '../api';
import { fmt } from '../i18n';
import { BellIcon, BulletinIcon, ComplainIcon, ListIcon, PaidIcon, PassIcon, ReportIcon, RoomIcon } from '../icons';
import type { TPortalPassRequest } from '../../../common/portal-errands';
import { useMe } from '../session';

/** Complaints and paid services have pages of their own; other requests open the case page. */
export const caseLink = (c: TPortalCase) => (c.category === 'complaint' ? `/complaints/${c.id}` : c.category === 'paid_service' && c.orders[0] ? `/paid/${c.orders[0].id}` : `/cases/${c.id}`);

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data!;
  const cases = useQuery({ queryKey: ['resident-cases'], queryFn: () => api.get<TPortalCase[]>('/api/resident/cases') });
  // SV-04: the one-time link of a sampled unit, shown only to its own residents (the server decides).
  // FD-01: a tenant's pass request waiting for this owner's confirmation.
  const passes = useQuery({ queryKey: ['resident-pass-requests'], queryFn: () => api.get<TPortalPassRequest[]>('/api/resident/pass-requests') });
  const surveys = useQuery({ queryKey: ['resident-surveys'], queryFn: () => api.get<TPortalSurvey[]>('/api/resident/surveys') });
  return (
    <div className="portal-page">
      <h1 className="portal-title">{t('portal.home.hello', { name: me.name })}</h1>
      {surveys.data?.map((s) => (
        <div className="portal-survey" key={s.surveyId} data-testid="survey-card">
          <p>
            <strong>{t('portal.surveys.title')}</strong>
            <br />
            {t('portal.surveys.invite', { path: s.path, title: s.title, closesOn: s.closesOn })}
          </p>
          <a className="adm-button adm-button-primary adm-button-shape-default adm-button-small" href={s.link} style={{ flex: 'none', textDecoration: 'none' }}>
            {t('portal.surveys.answer')}
          </a>
        </div>
      ))}
      {passes.data
        ?.filter((r) => r.canDecide)
        .map((r) => (
          <div className="portal-survey" key={r.id} data-testid="pass-awaiting-card">
            <p>
              <strong>{t('portal.errands.passes.toConfirm')}</strong>
              <br />
              {t('portal.errands.passes.confirmIntro', { name: r.requesterName, path: r.path, items: r.items, pieces: r.pieces, date: `${r.validOn} ${r.timeOut}`.trim() })}
            </p>
            <Link className="adm-button adm-button-primary adm-button-shape-default adm-button-small" to={`/passes/${r.id}`} style={{ flex: 'none', textDecoration: 'none', minHeight: 44, display: 'inline-flex', alignItems: 'center' }}>
              {t('portal.errands.passes.confirm')}
            </Link>
          </div>
        ))}
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
        {(
          [
            ['/complain', 'quick-complain', <ComplainIcon />, 'portal.moreQuick.complain'],
            ['/paid', 'quick-paid', <PaidIcon />, 'portal.moreQuick.paid'],
            ['/bulletins', 'quick-bulletins', <BulletinIcon />, 'portal.bulletins.title'],
            ['/passes', 'quick-passes', <PassIcon />, 'portal.errands.quickPasses'],
            ['/bookings', 'quick-bookings', <RoomIcon />, 'portal.errands.quickBookings'],
          ] as const
        ).map(([to, testId, icon, label]) => (
          <Link key={to} to={to} data-testid={testId}>
            {icon}
            {t(label)}
          </Link>
        ))}
      </div>
      <List header={t('portal.bulletins.title')} className="portal-card-list" style={{ marginBottom: 12 }}>
        <BulletinList limit={3} />
      </List>
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
          <List.Item key={c.id} arrowIcon description={`${c.number} · ${fmt(c.createdAt)}`} onClick={() => navigate(caseLink(c))}>
            {c.content}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
