import { lazy, StrictMode, Suspense, useState } from 'react';
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
import { LoginPage } from './pages/auth/LoginPage';
import { ProjectsPage } from './pages/org/ProjectsPage';
import { SpacePage } from './pages/org/SpacePage';
import { UnitsPage } from './pages/org/UnitsPage';
import { UnitPage } from './pages/org/UnitPage';
import { PortalInvitationPage } from './pages/org/PortalInvitationPage';
import { CustomersPage } from './pages/people/CustomersPage';
import { CalendarPage } from './pages/calendar/CalendarPage';
import { KpiPage } from './pages/kpi/KpiPage';
import DeskRulesPage from './pages/kpi/DeskRulesPage';
import { WorkbenchPage } from './pages/home/WorkbenchPage';
// QI-05: the dashboard carries ECharts; loaded only when opened.
const DashboardPage = lazy(() => import('./pages/kpi/DashboardPage'));
import { StaffPage } from './pages/people/StaffPage';
import { ThrottlesPage } from './pages/auth/ThrottlesPage';
import { DeskPage } from './pages/desk/DeskPage';
import { CasesPage } from './pages/cases/CasesPage';
import { CasePage } from './pages/cases/CasePage';
import { OrdersPage } from './pages/workorders/OrdersPage';
import { OrderPage } from './pages/workorders/OrderPage';
import { OrderPrintPage } from './pages/workorders/OrderPrintPage';
import { DispatchPage } from './pages/workorders/DispatchPage';
import { MyOrdersPage } from './pages/workorders/MyOrdersPage';
import { FollowupsPage } from './pages/followups/FollowupsPage';
import { FaqPage } from './pages/faq/FaqPage';
import { PriceListPage } from './pages/paid/PriceListPage';
import { PaidOrdersPage } from './pages/paid/PaidOrdersPage';
import { PaidNoticePage } from './pages/paid/PaidNoticePage';
import { CashPage } from './pages/paid/CashPage';
import { PaidSummaryPage } from './pages/paid/PaidSummaryPage';
import { ComplaintsPage } from './pages/complaints/ComplaintsPage';
import { ComplaintPage } from './pages/complaints/ComplaintPage';
import { FlagsPage } from './pages/complaints/FlagsPage';
import { SupervisionPage } from './pages/followups/SupervisionPage';
import { ArchivesPage } from './pages/archives/ArchivesPage';
import { ArchivePage } from './pages/archives/ArchivePage';
import { ImportPage } from './pages/archives/ImportPage';
import { ArchiveLogPage } from './pages/archives/ArchiveLogPage';
import { SlipBundlePage, SlipBundlePrintPage } from './pages/archives/SlipBundlePage';
import { ChecklistsPage } from './pages/archives/ChecklistsPage';
import { NoticesPage } from './pages/notices/NoticesPage';
import { NoticePage } from './pages/notices/NoticePage';
import { NoticePrintPage } from './pages/notices/NoticePrintPage';
import { KeyCustomersPage } from './pages/relations/KeyCustomersPage';
import { VisitsPage } from './pages/relations/VisitsPage';
import { ActivitiesPage } from './pages/relations/ActivitiesPage';
import { LobbyCardsPage, LobbyCardsPrintPage } from './pages/relations/LobbyCardsPrintPage';
import { PatrolPhonePage } from './pages/patrols/PatrolPhonePage';
import { PatrolRegisterPage } from './pages/patrols/PatrolRegisterPage';
import { VacantRegisterPage } from './pages/patrols/VacantRegisterPage';
import { EquipmentPage } from './pages/patrols/EquipmentPage';
import { RoomsPage } from './pages/patrols/RoomsPage';
import { ExpressPage } from './pages/patrols/ExpressPage';
import { PassesPage } from './pages/frontdesk/PassesPage';
import { PassPrintPage } from './pages/frontdesk/PassPrintPage';
import { PassListPrintPage } from './pages/frontdesk/PassListPrintPage';
import { GatePage } from './pages/frontdesk/GatePage';
import { ShiftLogsPage } from './pages/frontdesk/ShiftLogsPage';
import { ShiftLogPrintPage } from './pages/frontdesk/ShiftLogPrintPage';
import { LostSlipPrintPage } from './pages/frontdesk/LostSlipPrintPage';
import { MeetingNoticePrintPage } from './pages/patrols/MeetingNoticePrintPage';
import { CallReviewsPage } from './pages/frontdesk/CallReviewsPage';
import { LostFoundPage } from './pages/frontdesk/LostFoundPage';
import { InspectionsPage } from './pages/inspections/InspectionsPage';
import { InspectionPage } from './pages/inspections/InspectionPage';
import { StandardsPage } from './pages/inspections/StandardsPage';
import { ResultsPage } from './pages/inspections/ResultsPage';
import { BulletinPage } from './pages/inspections/BulletinPage';
import { BulletinPrintPage } from './pages/inspections/BulletinPrintPage';
import { RectificationsPage } from './pages/inspections/RectificationsPage';
import { RectificationPage } from './pages/inspections/RectificationPage';
import { SurveysPage } from './pages/surveys/SurveysPage';
import { SurveyPage } from './pages/surveys/SurveyPage';
import { QuestionnairePage } from './pages/surveys/QuestionnairePage';
import { SurveyLinkPage } from './pages/surveys/SurveyLinkPage';

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
                <Route
                  path="kpi-dashboard"
                  element={
                    <Suspense fallback={<Spin />}>
                      <DashboardPage />
                    </Suspense>
                  }
                />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Route>
            </Routes>
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
