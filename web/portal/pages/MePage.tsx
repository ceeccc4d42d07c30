// 我的 — the resident's number and homes, notices, the language, signing out.
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Selector, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../../common/shared';
import { api } from '../api';
import { setLocale } from '../i18n';
import { useMe } from '../session';

export default function MePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe().data!;
  const signOut = async () => {
    await api.post('/api/resident/sign-out');
    qc.clear();
    navigate('/login', { replace: true });
  };
  const changeLocale = (locale: TLocale) => {
    setLocale(locale);
    void api.put('/api/resident/locale', { locale });
  };
  return (
    <div className="portal-page">
      <h1 className="portal-title">{me.name}</h1>
      <List>
        <List.Item extra={me.phone}>{t('portal.me.phone')}</List.Item>
        <List.Item arrowIcon onClick={() => navigate('/notices')} extra={me.unread ? <Badge content={me.unread} /> : null} data-testid="me-notices">
          {t('portal.me.notices')}
        </List.Item>
      </List>
      <List header={t('portal.me.units')} style={{ marginTop: 12 }}>
        {me.units.map((u) => (
          <List.Item key={u.unitId} description={u.projectName} extra={<Tag>{t(`portal.home.${u.relation}`)}</Tag>}>
            {u.path}
          </List.Item>
        ))}
      </List>
      <div className="portal-card" style={{ marginTop: 12 }}>
        <div className="portal-muted" style={{ marginBottom: 8 }}>
          {t('portal.me.language')}
        </div>
        <Selector
          columns={2}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'English', value: 'en' },
          ]}
          value={[i18n.language as TLocale]}
          onChange={(v) => v[0] && changeLocale(v[0] as TLocale)}
        />
      </div>
      <Button block size="large" color="danger" fill="outline" onClick={signOut} data-testid="sign-out">
        {t('portal.me.signOut')}
      </Button>
    </div>
  );
}
