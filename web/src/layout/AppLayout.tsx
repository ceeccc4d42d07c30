import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Segmented, Select, Space, Spin, Typography } from 'antd';
import { AccountBookOutlined, LineChartOutlined, AlertOutlined, AuditOutlined, BarChartOutlined, FlagOutlined, MoneyCollectOutlined, ShoppingOutlined, ApartmentOutlined, CalendarOutlined, CustomerServiceOutlined, FileTextOutlined, HomeOutlined, IdcardOutlined, MobileOutlined, PhoneOutlined, QuestionCircleOutlined, ScheduleOutlined, ToolOutlined, LockOutlined, LogoutOutlined, MenuOutlined, TeamOutlined, UnorderedListOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { setLocale } from '../lib/i18n';
import { SessionProvider, useMe, useSession } from '../lib/session';
import { LookupBox } from '../pages/people/LookupBox';
import { NotificationBell } from './NotificationBell';
import { postsOf } from '../lib/labels';
import { EyeOutlined, FileDoneOutlined, FolderOpenOutlined, ImportOutlined, OrderedListOutlined } from '@ant-design/icons';

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

/** Where each role starts its day (issue 18): the technician on their orders, the desk on the call form,
 *  supervisors on the dispatch board, finance on the cash; managers and the quality department on the overview. */
export function RoleHome() {
  const { can } = useSession();
  // The first that fits; whoever may change the project's settings (manager, admin) gets the overview.
  const homes: [boolean, string][] = [
    [can('settings.write') || (can('audit.read') && !can('wo.dispatch')), '/overview'],
    [can('wo.work') && !can('case.read'), '/my'],
    [can('wo.dispatch'), '/dispatch'],
    [can('case.create'), '/desk'],
    [can('cash.confirm'), '/cash'],
  ];
  return <Navigate to={homes.find(([fits]) => fits)?.[1] ?? '/overview'} replace />;
}

type MenuItem = NonNullable<MenuProps['items']>[number];

function useMenuItems(): MenuItem[] {
  const { t } = useTranslation();
  const { can } = useSession();
  // The menu shows what the server grants this user in this project (the same actions its routes check).
  const items: (MenuItem | false)[] = [
    can('case.create') && { key: '/desk', icon: <PhoneOutlined />, label: t('ui.nav.desk') },
    can('case.read') && { key: '/cases', icon: <FileTextOutlined />, label: t('ui.nav.cases') },
    can('wo.read') && { key: '/orders', icon: <ToolOutlined />, label: t('ui.nav.orders') },
    can('wo.dispatch') && { key: '/dispatch', icon: <ScheduleOutlined />, label: t('ui.nav.dispatch') },
    can('wo.work') && { key: '/my', icon: <MobileOutlined />, label: t('ui.nav.my') },
    can('followup.do') && { key: '/followups', icon: <CustomerServiceOutlined />, label: t('ui.nav.followups') },
    can('case.read') && { key: '/complaints', icon: <AlertOutlined />, label: t('ui.nav.complaints') },
    can('case.read') && { key: '/flags', icon: <FlagOutlined />, label: t('ui.nav.flags') },
    (can('supervise.cs') || can('supervise.pm') || can('audit.read')) && { key: '/supervision', icon: <AuditOutlined />, label: t('ui.nav.supervision') },
    can('case.read') && { key: '/paid', icon: <ShoppingOutlined />, label: t('ui.nav.paid') },
    (can('paid.register') || can('cash.confirm') || can('paid.report')) && { key: '/cash', icon: <MoneyCollectOutlined />, label: t('ui.nav.cash') },
    can('paid.report') && { key: '/paid-summary', icon: <BarChartOutlined />, label: t('ui.nav.summary') },
    (can('case.manage') || can('audit.read')) && { key: '/kpis', icon: <LineChartOutlined />, label: t('ui.kpi.nav') },
    can('case.read') && { key: '/faq', icon: <QuestionCircleOutlined />, label: t('ui.nav.faq') },
    can('case.read') && { key: '/price-list', icon: <AccountBookOutlined />, label: t('ui.nav.priceList') },
    // AR-01..AR-05, X-05: customer archives, their access log and the import
    can('archive.read') && { key: '/archives', icon: <FolderOpenOutlined />, label: t('archive.nav') },
    can('archive.log') && { key: '/archive-log', icon: <EyeOutlined />, label: t('archive.navLog') },
    can('space.write') && can('archive.read') && { key: '/archive-import', icon: <ImportOutlined />, label: t('archive.navImport') },
    can('archive.read') && { key: '/archive-checklists', icon: <OrderedListOutlined />, label: t('archive.checklistSettings') },
    // WO-11: last month's repair slips, printed and filed by the 10th
    // QI-01..QI-04: quality inspections and their standards
    can('inspection.read') && { key: '/inspections', icon: <AuditOutlined />, label: t('inspection.nav') },
    can('inspection.read') && { key: '/inspection-standards', icon: <OrderedListOutlined />, label: t('inspection.navStandards') },
    can('case.manage') && { key: '/slip-bundles', icon: <FileDoneOutlined />, label: t('archive.navBundle') },
    { type: 'divider' as const },
    can('project.read') && { key: '/overview', icon: <HomeOutlined />, label: t('ui.nav.home') },
    can('space.read') && { key: '/space', icon: <ApartmentOutlined />, label: t('ui.nav.space') },
    can('space.read') && { key: '/units', icon: <UnorderedListOutlined />, label: t('ui.nav.units') },
    can('customer.read') && { key: '/customers', icon: <TeamOutlined />, label: t('ui.nav.customers') },
    can('staff.read') && { key: '/staff', icon: <IdcardOutlined />, label: t('ui.nav.staff') },
    can('project.read') && { key: '/calendar', icon: <CalendarOutlined />, label: t('ui.nav.calendar') },
    can('staff.manage') && { key: '/throttles', icon: <LockOutlined />, label: t('ui.throttle.title') },
  ];
  return items.filter((i): i is MenuItem => i !== false);
}

function Shell() {
  const { t, i18n } = useTranslation();
  const { me, projectId, setProjectId } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [drawer, setDrawer] = useState(false);
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  // On a phone the menu opens from a button in the header (no floating trigger over the page titles).
  const wide = Grid.useBreakpoint().lg ?? true;
  const items = useMenuItems();
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
      items={items}
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
