// The staff menu by work area (issue 16 item 6): each role sees only the groups it can act in, each
// group holding only the pages the server grants this user in this project (the actions its routes check).
import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  FormOutlined,
  InboxOutlined,
  SoundOutlined,
  SwapOutlined,
  SafetyCertificateOutlined,
  ExportOutlined,
  SettingOutlined,
  MailOutlined,
  KeyOutlined,
  CarryOutOutlined,
  CameraOutlined,
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CrownOutlined,
  CustomerServiceOutlined,
  ControlOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EyeOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  LineChartOutlined,
  LockOutlined,
  MobileOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  PhoneOutlined,
  PrinterOutlined,
  QuestionCircleOutlined,
  ScheduleOutlined,
  ShoppingOutlined,
  SmileOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { menuGroupShown, type TMenuGroup } from '../../../common/roles';
import { useSession } from '../lib/session';

type MenuItem = NonNullable<MenuProps['items']>[number];
type Page = { key: string; icon: ReactNode; label: string };
export interface MenuGroup {
  key: string;
  label: string;
  pages: Page[];
}

export function useMenuGroups(): MenuGroup[] {
  const { t } = useTranslation();
  const { can } = useSession();
  const page = (show: boolean, key: string, icon: ReactNode, label: string): Page | false => show && { key, icon, label };
  const groups: { key: TMenuGroup; pages: (Page | false)[] }[] = [
    // X-01, QI-05: every role's home, the to-dos with their countdowns
    { key: 'home', pages: [page(true, '/workbench', <DesktopOutlined />, t('ui.nav.workbench'))] },
    {
      key: 'desk',
      pages: [
        page(can('case.create'), '/desk', <PhoneOutlined />, t('ui.nav.desk')),
        page(can('case.read'), '/cases', <FileTextOutlined />, t('ui.nav.cases')),
        page(can('followup.do'), '/followups', <CustomerServiceOutlined />, t('ui.nav.followups')),
        page(can('case.read'), '/complaints', <AlertOutlined />, t('ui.nav.complaints')),
        page(can('case.read'), '/flags', <FlagOutlined />, t('ui.nav.flags')),
        page(can('supervise.cs') || can('supervise.pm') || can('audit.read'), '/supervision', <AuditOutlined />, t('ui.nav.supervision')),
        page(can('case.read'), '/faq', <QuestionCircleOutlined />, t('ui.nav.faq')),
      ],
    },
    {
      key: 'orders',
      pages: [
        page(can('wo.read'), '/orders', <ToolOutlined />, t('ui.nav.orders')),
        page(can('wo.dispatch'), '/dispatch', <ScheduleOutlined />, t('ui.nav.dispatch')),
        page(can('wo.work'), '/my', <MobileOutlined />, t('ui.nav.my')),
        // WO-11: last month's repair slips, printed and filed by the 10th
        page(can('case.manage'), '/slip-bundles', <FileDoneOutlined />, t('archive.navBundle')),
      ],
    },
    {
      key: 'paid',
      pages: [
        page(can('case.read'), '/paid', <ShoppingOutlined />, t('ui.nav.paid')),
        page(can('paid.register') || can('cash.confirm') || can('paid.report'), '/cash', <MoneyCollectOutlined />, t('ui.nav.cash')),
        page(can('paid.report'), '/paid-summary', <BarChartOutlined />, t('ui.nav.summary')),
        page(can('case.read'), '/price-list', <AccountBookOutlined />, t('ui.nav.priceList')),
      ],
    },
    {
      key: 'relations',
      pages: [
        // AR-01..AR-05, X-05: customer archives, their access log, the import and the checklists
        page(can('archive.read'), '/archives', <FolderOpenOutlined />, t('archive.nav')),
        page(can('archive.log'), '/archive-log', <EyeOutlined />, t('archive.navLog')),
        page(can('space.write') && can('archive.read'), '/archive-import', <ImportOutlined />, t('archive.navImport')),
        page(can('archive.read'), '/archive-checklists', <OrderedListOutlined />, t('archive.checklistSettings')),
        // NT-01..NT-05: notices, their approval, posting and delivery
        page(can('notice.read'), '/notices', <NotificationOutlined />, t('notice.nav')),
        // CR-01..CR-05: key customers, visits with the floor-climb map, activities, the lobby cards
        page(can('relations.read'), '/key-customers', <CrownOutlined />, t('relation.navKeys')),
        page(can('relations.read'), '/visits', <SmileOutlined />, t('relation.navVisits')),
        page(can('relations.read'), '/activities', <GiftOutlined />, t('relation.navActivities')),
        page(can('relations.read'), '/lobby-cards', <PrinterOutlined />, t('relation.navCards')),
      ],
    },
    {
      key: 'frontdesk',
      pages: [
        // FD-01..FD-04: the front desk's registers and the gate's phone page
        page(can('frontdesk.read'), '/frontdesk/passes', <ExportOutlined />, t('frontdesk.navPasses')),
        // FD-01: the gate's check — the gate guard's one page
        page(can('frontdesk.gate'), '/frontdesk/gate', <SafetyCertificateOutlined />, t('frontdesk.navGate')),
        page(can('frontdesk.read'), '/frontdesk/shift-logs', <SwapOutlined />, t('frontdesk.navLogs')),
        page(can('frontdesk.read'), '/frontdesk/call-reviews', <SoundOutlined />, t('frontdesk.navReviews')),
        page(can('frontdesk.read'), '/frontdesk/lost-found', <InboxOutlined />, t('frontdesk.navLost')),
        // FD-06: meeting rooms and the gym; FD-05: villa express mail
        page(can('room.read'), '/rooms', <CalendarOutlined />, t('patrol.rooms.nav')),
        page(can('case.create'), '/express', <MailOutlined />, t('patrol.express.nav')),
      ],
    },
    {
      key: 'patrols',
      pages: [
        // PT-01..PT-03: the housekeeper's phone round, the registers, the equipment
        page(can('patrol.record'), '/patrol', <CameraOutlined />, t('patrol.navToday')),
        page(can('patrol.read'), '/patrols', <CarryOutOutlined />, t('patrol.navRegister')),
        page(can('patrol.read'), '/vacant-units', <KeyOutlined />, t('patrol.navVacant')),
        page(can('facility.read'), '/equipment', <SettingOutlined />, t('patrol.navEquipment')),
      ],
    },
    {
      key: 'quality',
      pages: [
        // QI-05: the dashboard (trends, ranking, heat table); QI-04: the month's KPI ranking
        page(can('case.manage') || can('audit.read'), '/kpi-dashboard', <DashboardOutlined />, t('ui.nav.dashboard')),
        page(can('case.manage') || can('audit.read'), '/kpis', <LineChartOutlined />, t('ui.kpi.nav')),
        // QI-05, QI-04: the project's KPI targets and rectification period
        page(can('settings.write') || can('case.manage') || can('audit.read'), '/desk-rules', <ControlOutlined />, t('ui.nav.deskRules')),
        // QI-01..QI-04: quality inspections and their standards
        page(can('inspection.read'), '/inspections', <AuditOutlined />, t('inspection.nav')),
        page(can('inspection.read'), '/inspection-results', <TrophyOutlined />, t('inspection.navResults')),
        page(can('inspection.read'), '/rectifications', <SafetyCertificateOutlined />, t('inspection.navRectifications')),
        page(can('inspection.read'), '/inspection-standards', <OrderedListOutlined />, t('inspection.navStandards')),
        // SV-01..SV-04: satisfaction surveys and the company's questionnaire
        page(can('survey.read'), '/surveys', <SmileOutlined />, t('survey.nav')),
        page(can('survey.read'), '/survey-questionnaire', <FormOutlined />, t('survey.navQuestionnaire')),
      ],
    },
    {
      key: 'basics',
      pages: [
        page(can('project.read'), '/overview', <HomeOutlined />, t('ui.nav.home')),
        page(can('space.read'), '/space', <ApartmentOutlined />, t('ui.nav.space')),
        page(can('space.read'), '/units', <UnorderedListOutlined />, t('ui.nav.units')),
        page(can('customer.read'), '/customers', <TeamOutlined />, t('ui.nav.customers')),
        page(can('staff.read'), '/staff', <IdcardOutlined />, t('ui.nav.staff')),
        page(can('project.read'), '/calendar', <CalendarOutlined />, t('ui.nav.calendar')),
        page(can('staff.manage'), '/throttles', <LockOutlined />, t('ui.throttle.title')),
      ],
    },
  ];
  return groups
    .filter((g) => menuGroupShown(g.key, (a) => can(a)))
    .map((g) => ({ key: g.key, label: t(`ui.navGroup.${g.key}`), pages: g.pages.filter((p): p is Page => p !== false) }))
    .filter((g) => g.pages.length);
}

/** The groups as antd menu items: the home page on its own, then one submenu per work area. */
export function menuItems(groups: MenuGroup[]): MenuItem[] {
  return groups.flatMap((g): MenuItem[] => (g.key === 'home' ? g.pages : [{ key: `group:${g.key}`, label: g.label, children: g.pages }]));
}

/** The menu page a location belongs to: the longest page path it is or lies under ("/archives/1" → "/archives"). */
export function pageOf(groups: MenuGroup[], pathname: string): string {
  const keys = groups.flatMap((g) => g.pages.map((p) => p.key)).filter((k) => pathname === k || pathname.startsWith(`${k}/`));
  return keys.sort((a, b) => b.length - a.length)[0] ?? `/${pathname.split('/')[1] ?? ''}`;
}

/** The group that holds a page, so the menu opens on the user's current work area. */
export const groupOf = (groups: MenuGroup[], section: string) => groups.find((g) => g.pages.some((p) => p.key === section))?.key;
