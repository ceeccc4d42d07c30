import { lazy, StrictMode, Suspense, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import './lib/i18n';
import { ApiError } from './lib/api';
import { AppLayout, RoleHome } from './layout/AppLayout';

/** Each page is its own chunk, loaded when first opened: the sign-in and the workbench come with the app,
 *  the rest (ECharts with the dashboard, the print sheets, the registers) only for whoever opens them. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
import { LoginPage } from './pages/auth/LoginPage';
const ProjectsPage = page(() => import('./pages/org/ProjectsPage'), 'ProjectsPage');
const SpacePage = page(() => import('./pages/org/SpacePage'), 'SpacePage');
const UnitsPage = page(() => import('./pages/org/UnitsPage'), 'UnitsPage');
const UnitPage = page(() => import('./pages/org/UnitPage'), 'UnitPage');
const PortalInvitationPage = page(() => import('./pages/org/PortalInvitationPage'), 'PortalInvitationPage');
const CustomersPage = page(() => import('./pages/people/CustomersPage'), 'CustomersPage');
const CalendarPage = page(() => import('./pages/calendar/CalendarPage'), 'CalendarPage');
const KpiPage = page(() => import('./pages/kpi/KpiPage'), 'KpiPage');
const DeskRulesPage = lazy(() => import('./pages/kpi/DeskRulesPage'));
import { WorkbenchPage } from './pages/home/WorkbenchPage';
const DashboardPage = lazy(() => import('./pages/kpi/DashboardPage'));
const StaffPage = page(() => import('./pages/people/StaffPage'), 'StaffPage');
const ThrottlesPage = page(() => import('./pages/auth/ThrottlesPage'), 'ThrottlesPage');
const DeskPage = page(() => import('./pages/desk/DeskPage'), 'DeskPage');
const CasesPage = page(() => import('./pages/cases/CasesPage'), 'CasesPage');
const CasePage = page(() => import('./pages/cases/CasePage'), 'CasePage');
const OrdersPage = page(() => import('./pages/workorders/OrdersPage'), 'OrdersPage');
const OrderPage = page(() => import('./pages/workorders/OrderPage'), 'OrderPage');
const OrderPrintPage = page(() => import('./pages/workorders/OrderPrintPage'), 'OrderPrintPage');
const DispatchPage = page(() => import('./pages/workorders/DispatchPage'), 'DispatchPage');
const MyOrdersPage = page(() => import('./pages/workorders/MyOrdersPage'), 'MyOrdersPage');
const FollowupsPage = page(() => import('./pages/followups/FollowupsPage'), 'FollowupsPage');
const FaqPage = page(() => import('./pages/faq/FaqPage'), 'FaqPage');
const PriceListPage = page(() => import('./pages/paid/PriceListPage'), 'PriceListPage');
const PaidOrdersPage = page(() => import('./pages/paid/PaidOrdersPage'), 'PaidOrdersPage');
const PaidNoticePage = page(() => import('./pages/paid/PaidNoticePage'), 'PaidNoticePage');
const CashPage = page(() => import('./pages/paid/CashPage'), 'CashPage');
const PaidSummaryPage = page(() => import('./pages/paid/PaidSummaryPage'), 'PaidSummaryPage');
const ComplaintsPage = page(() => import('./pages/complaints/ComplaintsPage'), 'ComplaintsPage');
const ComplaintPage = page(() => import('./pages/complaints/ComplaintPage'), 'ComplaintPage');
const FlagsPage = page(() => import('./pages/complaints/FlagsPage'), 'FlagsPage');
const SupervisionPage = page(() => import('./pages/followups/SupervisionPage'), 'SupervisionPage');
const ArchivesPage = page(() => import('./pages/archives/ArchivesPage'), 'ArchivesPage');
const ArchivePage = page(() => import('./pages/archives/ArchivePage'), 'ArchivePage');
const ImportPage = page(() => import('./pages/archives/ImportPage'), 'ImportPage');
const ArchiveLogPage = page(() => import('./pages/archives/ArchiveLogPage'), 'ArchiveLogPage');
const SlipBundlePage = page(() => import('./pages/archives/SlipBundlePage'), 'SlipBundlePage');
const SlipBundlePrintPage = page(() => import('./pages/archives/SlipBundlePage'), 'SlipBundlePrintPage');
const ChecklistsPage = page(() => import('./pages/archives/ChecklistsPage'), 'ChecklistsPage');
const NoticesPage = page(() => import('./pages/notices/NoticesPage'), 'NoticesPage');
const NoticePage = page(() => import('./pages/notices/NoticePage'), 'NoticePage');
const NoticePrintPage = page(() => import('./pages/notices/NoticePrintPage'), 'NoticePrintPage');
const KeyCustomersPage = page(() => import('./pages/relations/KeyCustomersPage'), 'KeyCustomersPage');
const VisitsPage = page(() => import('./pages/relations/VisitsPage'), 'VisitsPage');
const ActivitiesPage = page(() => import('./pages/relations/ActivitiesPage'), 'ActivitiesPage');
const LobbyCardsPage = page(() => import('./pages/relations/LobbyCardsPrintPage'), 'LobbyCardsPage');
const LobbyCardsPrintPage = page(() => import('./pages/relations/LobbyCardsPrintPage'), 'LobbyCardsPrintPage');
const PatrolPhonePage = page(() => import('./pages/patrols/PatrolPhonePage'), 'PatrolPhonePage');
const PatrolRegisterPage = page(() => import('./pages/patrols/PatrolRegisterPage'), 'PatrolRegisterPage');
const VacantRegisterPage = page(() => import('./pages/patrols/VacantRegisterPage'), 'VacantRegisterPage');
const EquipmentPage = page(() => import('./pages/patrols/EquipmentPage'), 'EquipmentPage');
const RoomsPage = page(() => import('./pages/patrols/RoomsPage'), 'RoomsPage');
const ExpressPage = page(() => import('./pages/patrols/ExpressPage'), 'ExpressPage');
const PassesPage = page(() => import('./pages/frontdesk/PassesPage'), 'PassesPage');
const PassPrintPage = page(() => import('./pages/frontdesk/PassPrintPage'), 'PassPrintPage');
const PassListPrintPage = page(() => import('./pages/frontdesk/PassListPrintPage'), 'PassListPrintPage');
const GatePage = page(() => import('./pages/frontdesk/GatePage'), 'GatePage');
const ShiftLogsPage = page(() => import('./pages/frontdesk/ShiftLogsPage'), 'ShiftLogsPage');
const ShiftLogPrintPage = page(() => import('./pages/frontdesk/ShiftLogPrintPage'), 'ShiftLogPrintPage');
const LostSlipPrintPage = page(() => import('./pages/frontdesk/LostSlipPrintPage'), 'LostSlipPrintPage');
const MeetingNoticePrintPage = page(() => import('./pages/patrols/MeetingNoticePrintPage'), 'MeetingNoticePrintPage');
const CallReviewsPage = page(() => import('./pages/frontdesk/CallReviewsPage'), 'CallReviewsPage');
const LostFoundPage = page(() => import('./pages/frontdesk/LostFoundPage'), 'LostFoundPage');
const InspectionsPage = page(() => import('./pages/inspections/InspectionsPage'), 'InspectionsPage');
const InspectionPage = page(() => import('./pages/inspections/InspectionPage'), 'InspectionPage');
const StandardsPage = page(() => import('./pages/inspections/StandardsPage'), 'StandardsPage');
const ResultsPage = page(() => import('./pages/inspections/ResultsPage'), 'ResultsPage');
const BulletinPage = page(() => import('./pages/inspections/BulletinPage'), 'BulletinPage');
const BulletinPrintPage = page(() => import('./pages/inspections/BulletinPrintPage'), 'BulletinPrintPage');
const RectificationsPage = page(() => import('./pages/inspections/RectificationsPage'), 'RectificationsPage');
const RectificationPage = page(() => import('./pages/inspections/RectificationPage'), 'RectificationPage');
const SurveysPage = page(() => import('./pages/surveys/SurveysPage'), 'SurveysPage');
const SurveyPage = page(() => import('./pages/surveys/SurveyPage'), 'SurveyPage');
const QuestionnairePage = page(() => import('./pages/surveys/QuestionnairePage'), 'QuestionnairePage');
const SurveyLinkPage = page(() => import('./pages/surveys/SurveyLinkPage'), 'SurveyLinkPage');

function Root() {
  const { i18n } = useTranslation();
  const [client] = useState(() => new QueryClient({
        defaultOptions: {
          // A refusal or a missing record will not change by asking again; only server trouble is retried.
          queries: { refetchOnWindowFocus: false, staleTime: 15_000, retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2 },
        },
      }));
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    // No letter-spacing inside two-character buttons ("派 单"): Chinese staff read them as two words.
    <ConfigProvider locale={zh ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#0b6e4f', borderRadius: 4 } }}>
      <AntApp>
        <QueryClientProvider client={client}>
          <BrowserRouter>
            <Suspense fallback={<Spin fullscreen />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* SV-04: the resident's one-time survey link, no sign-in */}
              <Route path="/s/:token" element={<SurveyLinkPage />} />
              <Route path="/orders/:id/print" element={<OrderPrintPage />} />
              <Route path="/paid/:id/notice" element={<PaidNoticePage />} />
              <Route path="/slip-bundles/print" element={<SlipBundlePrintPage />} />
              <Route path="/notices/:id/print" element={<NoticePrintPage />} />
              <Route path="/units/:id/portal-invitation" element={<PortalInvitationPage />} />
              <Route path="/projects/:projectId/lobby-cards" element={<LobbyCardsPrintPage />} />
              <Route path="/frontdesk/passes/print" element={<PassListPrintPage />} />
              <Route path="/frontdesk/passes/:id/print" element={<PassPrintPage />} />
              <Route path="/frontdesk/shift-logs/:id/print" element={<ShiftLogPrintPage />} />
              <Route path="/inspection-bulletins/:id/print" element={<BulletinPrintPage />} />
              <Route path="/frontdesk/lost/:id/slip" element={<LostSlipPrintPage />} />
              <Route path="/room-bookings/:id/notice" element={<MeetingNoticePrintPage />} />
              <Route element={<AppLayout />}>
                <Route index element={<RoleHome />} />
                <Route path="overview" element={<ProjectsPage />} />
                <Route path="space" element={<SpacePage />} />
                <Route path="units" element={<UnitsPage />} />
                <Route path="units/:id" element={<UnitPage />} />
                <Route path="customers" element={<CustomersPage />} />
                <Route path="calendar" element={<CalendarPage />} />
                <Route path="staff" element={<StaffPage />} />
                <Route path="throttles" element={<ThrottlesPage />} />
                <Route path="desk" element={<DeskPage />} />
                <Route path="cases" element={<CasesPage />} />
                <Route path="cases/:id" element={<CasePage />} />
                <Route path="orders" element={<OrdersPage />} />
                <Route path="orders/:id" element={<OrderPage />} />
                <Route path="dispatch" element={<DispatchPage />} />
                <Route path="my" element={<MyOrdersPage />} />
                <Route path="followups" element={<FollowupsPage />} />
                <Route path="faq" element={<FaqPage />} />
                <Route path="price-list" element={<PriceListPage />} />
                <Route path="paid" element={<PaidOrdersPage />} />
                <Route path="cash" element={<CashPage />} />
                {/* AR-01..AR-05, X-05: customer archives */}
                <Route path="archives" element={<ArchivesPage />} />
                <Route path="archives/:id" element={<ArchivePage />} />
                <Route path="archive-import" element={<ImportPage />} />
                <Route path="archive-log" element={<ArchiveLogPage />} />
                <Route path="archive-checklists" element={<ChecklistsPage />} />
                {/* QI-01..QI-04: quality inspections */}
                <Route path="inspections" element={<InspectionsPage />} />
                <Route path="inspections/:id" element={<InspectionPage />} />
                <Route path="inspection-standards" element={<StandardsPage />} />
                {/* QI-04: monthly results, bulletins, rectifications */}
                <Route path="inspection-results" element={<ResultsPage />} />
                <Route path="inspection-bulletins/:id" element={<BulletinPage />} />
                <Route path="rectifications" element={<RectificationsPage />} />
                <Route path="rectifications/:id" element={<RectificationPage />} />
                {/* SV-01..SV-04: satisfaction surveys */}
                <Route path="surveys" element={<SurveysPage />} />
                <Route path="surveys/:id" element={<SurveyPage />} />
                <Route path="survey-questionnaire" element={<QuestionnairePage />} />
                <Route path="slip-bundles" element={<SlipBundlePage />} />
                {/* NT-01..NT-05: notices */}
                <Route path="notices" element={<NoticesPage />} />
                <Route path="notices/:id" element={<NoticePage />} />
                {/* CR-01..CR-05: customer relations */}
                <Route path="key-customers" element={<KeyCustomersPage />} />
                <Route path="visits" element={<VisitsPage />} />
                <Route path="activities" element={<ActivitiesPage />} />
                <Route path="lobby-cards" element={<LobbyCardsPage />} />
                {/* PT-01..PT-03: patrols, vacant units, facilities */}
                <Route path="patrol" element={<PatrolPhonePage />} />
                <Route path="patrols" element={<PatrolRegisterPage />} />
                <Route path="vacant-units" element={<VacantRegisterPage />} />
                <Route path="equipment" element={<EquipmentPage />} />
                <Route path="rooms" element={<RoomsPage />} />
                <Route path="express" element={<ExpressPage />} />
                {/* FD-01..FD-04: the front desk's registers */}
                <Route path="frontdesk/passes" element={<PassesPage />} />
                <Route path="frontdesk/gate" element={<GatePage />} />
                <Route path="frontdesk/shift-logs" element={<ShiftLogsPage />} />
                <Route path="frontdesk/call-reviews" element={<CallReviewsPage />} />
                <Route path="frontdesk/lost-found" element={<LostFoundPage />} />
                <Route path="paid-summary" element={<PaidSummaryPage />} />
                <Route path="complaints" element={<ComplaintsPage />} />
                <Route path="complaints/:id" element={<ComplaintPage />} />
                <Route path="flags" element={<FlagsPage />} />
                <Route path="supervision" element={<SupervisionPage />} />
                <Route path="kpis" element={<KpiPage />} />
                <Route path="desk-rules" element={<DeskRulesPage />} />
                <Route path="workbench" element={<WorkbenchPage />} />
                <Route path="kpi-dashboard" element={<DashboardPage />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Route>
            </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
