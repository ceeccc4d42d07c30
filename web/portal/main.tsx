// the resident portal — a phone-first app of its own (/m/), antd-mobile, zh-CN by default.
// The sign-in page and the home screen are in the first chunk; every other page loads when opened.
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Badge, ConfigProvider, DotLoading, SafeArea, TabBar, unstableSetRender } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { HomeIcon, ListIcon, ReportIcon, UserIcon } from './icons';
import { useTranslation } from 'react-i18next';
import './i18n';
import { useMe } from './session';
import { LoginPage } from './pages/LoginPage';
import { HomePage } from './pages/HomePage';
import './portal.css';
// 首页 shows the latest bulletins, so their pages come with the first screen anyway
import BulletinsPage, { BulletinPage } from './pages/BulletinsPage';

// antd-mobile's Toast and Popup render outside the tree; on React 19 they need a root of their own.
unstableSetRender((node, container) => {
  const root = createRoot(container);
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
  };
});

const ReportPage = lazy(() => import('./pages/ReportPage'));
const ServicesPage = lazy(() => import('./pages/ServicesPage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const MePage = lazy(() => import('./pages/MePage'));
const NoticesPage = lazy(() => import('./pages/NoticesPage'));
const ComplainPage = lazy(() => import('./pages/ComplainPage'));
const ComplaintPage = lazy(() => import('./pages/ComplaintPage'));
const PaidPage = lazy(() => import('./pages/PaidPage'));
const PaidOrderPage = lazy(() => import('./pages/PaidOrderPage'));
const PassesPage = lazy(() => import('./pages/PassesPage'));
const PassPage = lazy(() => import('./pages/PassesPage').then((m) => ({ default: m.PassPage })));
const BookingsPage = lazy(() => import('./pages/BookingsPage'));

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } } });

const Loading = () => (
  <div className="portal-loading" role="status">
    <DotLoading color="primary" />
  </div>
);

function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  if (me.isLoading) return <Loading />;
  if (me.isError || !me.data) return <Navigate to="/login" replace />;
  const tabs = [
    { key: '/', title: t('portal.tabs.home'), icon: <HomeIcon /> },
    { key: '/report', title: t('portal.tabs.report'), icon: <ReportIcon /> },
    { key: '/services', title: t('portal.tabs.services'), icon: <ListIcon /> },
    { key: '/me', title: t('portal.tabs.me'), icon: <Badge content={me.data.unread ? me.data.unread : null}><UserIcon /></Badge> },
  ];
  // a request's page belongs to 服务, the notices to 我的
  const path = location.pathname.replace(/^\/(cases|complaints|paid|passes|bookings)/, '/services').replace(/^\/notices/, '/me');
  const active = tabs.find((x) => x.key !== '/' && path.startsWith(x.key))?.key ?? '/';
  return (
    <div className="portal-shell">
      <main className="portal-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <nav className="portal-tabs" aria-label={t('portal.appName')}>
        <TabBar activeKey={active} onChange={(k) => navigate(k)} safeArea>
          {tabs.map((x) => (
            <TabBar.Item key={x.key} icon={x.icon} title={x.title} data-testid={`tab-${x.key.slice(1) || 'home'}`} />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}

function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <BrowserRouter basename="/m">
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<Shell />}>
            <Route index element={<HomePage />} />
            <Route path="report" element={<ReportPage />} />
            <Route path="services" element={<ServicesPage />} />
            <Route path="cases/:id" element={<CasePage />} />
            <Route path="notices" element={<NoticesPage />} />
            <Route path="me" element={<MePage />} />
            <Route path="complain" element={<ComplainPage />} />
            <Route path="complaints/:id" element={<ComplaintPage />} />
            <Route path="paid" element={<PaidPage />} />
            <Route path="paid/:id" element={<PaidOrderPage />} />
            <Route path="bulletins" element={<BulletinsPage />} />
            <Route path="bulletins/:id" element={<BulletinPage />} />
            <Route path="passes" element={<PassesPage />} />
            <Route path="passes/:id" element={<PassPage />} />
            <Route path="bookings" element={<BookingsPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Routes>
      </BrowserRouter>
      <SafeArea position="bottom" />
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);
