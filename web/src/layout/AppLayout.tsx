import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Dropdown, Grid, Layout, Menu, Segmented, Select, Space, Spin, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { setLocale } from '../lib/i18n';
import { SessionProvider, useMe, useSession } from '../lib/session';
import { LookupBox } from '../pages/people/LookupBox';
import { NotificationBell } from './NotificationBell';
import { postsOf } from '../lib/labels';
import { groupOf, menuItems, pageOf, useMenuGroups } from './menu';

export function AppLayout() {
  const me = useMe();
  if (me.isPending) return <Spin fullscreen />;
  if (me.isError || !me.data) return <Navigate to="/login" replace />;
  return (
    <SessionProvider me={me.data}>
      <Shell />
    </SessionProvider>
  );
}

function DemoBanner() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<{ demo: string }>('/api/health'),
    refetchInterval: (q) => (q.state.data && q.state.data.demo !== 'ready' ? 5000 : false),
  });
  return health.data && health.data.demo !== 'ready' ? <Alert banner type="info" title={t('ui.demoLoading')} /> : null;
}

/** Each role's main work page (issue 18): the technician's orders, the desk's call form, the dispatch
 *  board, finance's cash; null for a role whose work is spread over many pages (managers, quality). */
export function useMainWork(): string | null {
  const { can } = useSession();
  const works: [boolean, string][] = [
    [can('settings.write') || (can('audit.read') && !can('wo.dispatch')), ''],
    [can('wo.work') && !can('case.read'), '/my'],
    [can('wo.dispatch'), '/dispatch'],
    [can('case.create'), '/desk'],
    [can('cash.confirm'), '/cash'],
  ];
  return works.find(([fits]) => fits)?.[1] || null;
}

/** QI-05: every staff role starts its day on the workbench (工作台) — its to-dos with countdowns and its
 *  main work one tap away — except the gate guard, whose whole job is the pass check on a phone (FD-01). */
export function RoleHome() {
  const { can } = useSession();
  return <Navigate to={can('frontdesk.gate') && !can('frontdesk.read') ? '/frontdesk/gate' : '/workbench'} replace />;
}


function Shell() {
  const { t, i18n } = useTranslation();
  const { me, projectId, setProjectId } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [drawer, setDrawer] = useState(false);
  // On a phone the menu opens from a button in the header (no floating trigger over the page titles).
  const wide = Grid.useBreakpoint().lg ?? true;
  const groups = useMenuGroups();
  const section = pageOf(groups, location.pathname);
  // The current work area opens as the user arrives in it; a role with two areas or fewer sees them all.
  const [open, setOpen] = useState<string[]>([]);
  const current = groupOf(groups, section);
  useEffect(() => {
    if (current) setOpen((o) => (o.includes(`group:${current}`) ? o : [...o, `group:${current}`]));
  }, [current]);
  const areas = groups.filter((g) => g.key !== 'home');
  const openKeys = areas.length <= 2 ? areas.map((g) => `group:${g.key}`) : open;
  // the user's stored language is the one source of truth; the page follows it after sign-in.
  useEffect(() => {
    if (me.locale !== i18n.language) setLocale(me.locale);
  }, [me.locale, i18n.language]);
  const signOut = async () => {
    await api.post('/api/auth/logout');
    queryClient.clear();
    navigate('/login');
  };
  const switchLocale = async (locale: 'zh-CN' | 'en') => {
    queryClient.setQueryData(['me'], { ...me, locale });
    setLocale(locale);
    await api.put('/api/me/locale', { locale });
    // Everything the server words (notifications, errors, exports) is asked again in the new language.
    await queryClient.invalidateQueries();
  };
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[section]}
      openKeys={openKeys}
      onOpenChange={setOpen}
      items={menuItems(groups)}
      onClick={(e) => {
        setDrawer(false);
        navigate(e.key);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide && (
        <Layout.Sider theme="light" width={200} style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, color: '#0b6e4f' }}>{t('ui.brand')}</div>
          {menu}
        </Layout.Sider>
      )}
      {!wide && (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} title={t('ui.brand')} styles={{ body: { padding: 0 } }}>
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: wide ? '0 16px' : '0 8px', lineHeight: 'normal', height: 56, display: 'flex', alignItems: 'center', gap: wide ? 12 : 6, borderBottom: '1px solid #f0f0f0' }}>
          {!wide && <Button type="text" icon={<MenuOutlined />} aria-label={t('ui.daily.menu')} data-testid="menu-button" onClick={() => setDrawer(true)} />}
          {wide && <Typography.Text type="secondary">{t('ui.project.switcher')}</Typography.Text>}
          <Select
            aria-label={t('ui.project.switcher')}
            value={projectId || undefined}
            style={{ width: wide ? 180 : 110 }}
            options={me.projects.map((p) => ({ value: p.id, label: p.name }))}
            onChange={setProjectId}
          />
          {wide && <LookupBox />}
          <Space style={{ marginLeft: 'auto' }} size={wide ? 8 : 2}>
            <NotificationBell />
            <Segmented
              size="small"
              value={i18n.language}
              options={[
                { label: '中', value: 'zh-CN' },
                { label: 'EN', value: 'en' },
              ]}
              onChange={(v) => void switchLocale(v as 'zh-CN' | 'en')}
            />
            <Dropdown
              menu={{
                items: [
                  { key: 'post', disabled: true, label: postsOf(me, t) },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('ui.login.logout'), onClick: () => void signOut() },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="user-name" style={{ paddingInline: wide ? undefined : 4 }}>
                {me.displayName}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <DemoBanner />
        <Layout.Content style={{ padding: wide ? 16 : 8 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
