import { Alert, Button, Dropdown, Grid, Layout, Menu, type MenuProps, Segmented, Select, Space, Spin, Typography } from 'antd';
import { AccountBookOutlined, LineChartOutlined, AlertOutlined, AuditOutlined, BarChartOutlined, FlagOutlined, MoneyCollectOutlined, ShoppingOutlined, ApartmentOutlined, CalendarOutlined, CustomerServiceOutlined, FileTextOutlined, HomeOutlined, IdcardOutlined, MobileOutlined, PhoneOutlined, QuestionCircleOutlined, ScheduleOutlined, ToolOutlined, LogoutOutlined, TeamOutlined, UnorderedListOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api';
import { setLocale } from '../lib/i18n';
import { SessionProvider, useMe, useSession } from '../lib/session';
import { LookupBox } from '../pages/people/LookupBox';
import { NotificationBell } from './NotificationBell';

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

function Shell() {
  const { t, i18n } = useTranslation();
  const { me, projectId, setProjectId, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  // On a technician's phone the header keeps only the project, the bell and the user menu.
  const wide = Grid.useBreakpoint().md ?? true;
  // The menu shows what the user's roles in this project allow; the server checks every call anyway.
  const items: (MenuProps['items'] extends (infer I)[] | undefined ? I | false : never)[] = [
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
    { type: 'divider' as const },
    { key: '/', icon: <HomeOutlined />, label: t('ui.nav.home') },
    { key: '/space', icon: <ApartmentOutlined />, label: t('ui.nav.space') },
    { key: '/units', icon: <UnorderedListOutlined />, label: t('ui.nav.units') },
    { key: '/customers', icon: <TeamOutlined />, label: t('ui.nav.customers') },
    { key: '/staff', icon: <IdcardOutlined />, label: t('ui.nav.staff') },
    { key: '/calendar', icon: <CalendarOutlined />, label: t('ui.nav.calendar') },
  ];
  const signOut = async () => {
    await api.post('/api/auth/logout');
    queryClient.clear();
    navigate('/login');
  };
  const switchLocale = async (locale: 'zh-CN' | 'en') => {
    setLocale(locale);
    await api.put('/api/me/locale', { locale });
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, color: '#0b6e4f' }}>{t('ui.brand')}</div>
        <Menu mode="inline" selectedKeys={[section]} items={items.filter((i) => i !== false)} onClick={(e) => navigate(e.key)} style={{ borderInlineEnd: 0 }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', lineHeight: 'normal', height: 56, display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0' }}>
          {wide && <Typography.Text type="secondary">{t('ui.project.switcher')}</Typography.Text>}
          <Select
            aria-label={t('ui.project.switcher')}
            value={projectId || undefined}
            style={{ width: wide ? 180 : 120 }}
            options={me.projects.map((p) => ({ value: p.id, label: p.name }))}
            onChange={setProjectId}
          />
          {wide && <LookupBox />}
          <Space style={{ marginLeft: 'auto' }}>
            <NotificationBell />
            <Segmented
              size="small"
              value={i18n.language}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'EN', value: 'en' },
              ]}
              onChange={(v) => void switchLocale(v as 'zh-CN' | 'en')}
            />
            <Dropdown menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('ui.login.logout'), onClick: () => void signOut() }] }}>
              <Button type="text" icon={<UserOutlined />}>
                {wide && `${me.displayName} · `}
                {me.roles.map((r) => t(`ui.role.${r.role}`)).filter((v, i, a) => a.indexOf(v) === i).join('、')}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <DemoBanner />
        <Layout.Content style={{ padding: 16 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
