// CR-01..CR-05 customer relations: key customers, visits and the floor-climb map, community activities,
// magazine articles, housekeeper lobby cards and the monthly figures. Contracts shared by server and web.
import * as z from 'zod';
import { ZCategory } from './desk';
import { ZId, ZName, ZPhone } from './shared';

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZNote = z.string().trim().max(500).default('');
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const ZQuarter = z.string().regex(/^\d{4}-Q[1-4]$/);
export const ZDay = z.iso.date();

/** CR-01: why a customer is on the key list, in the SPEC's order. */
export const KEY_REASONS = ['large_area', 'company_owner', 'committee', 'active', 'special_needs', 'neighbourhood_committee', 'other'] as const;
export const ZKeyReason = z.enum(KEY_REASONS);
export type TKeyReason = z.infer<typeof ZKeyReason>;
/** CR-01: "owns over 1% of the project's total area". */
export const LARGE_AREA_SHARE = 0.01;

/** CR-02: face to face first, phone second. */
export const VISIT_MODES = ['face', 'phone'] as const;
export const ZVisitMode = z.enum(VISIT_MODES);
/** CR-02, CR-03: the roles whose visits are counted against targets; anyone else's visit is "other". */
export const VISITOR_ROLES = ['housekeeper', 'cs_supervisor', 'project_manager', 'other'] as const;
export const ZVisitorRole = z.enum(VISITOR_ROLES);
export type TVisitorRole = z.infer<typeof ZVisitorRole>;

export const ACTIVITY_KINDS = ['activity', 'plant_room'] as const;
export const ZActivityKind = z.enum(ACTIVITY_KINDS);

// ---- settings (per project; defaults from the service level and the project type) ----
export const ZRelationTargets = z.object({
  // CR-03: share of the project's units visited in a calendar year, per role
  housekeeperYear: z.number().min(0).max(1),
  supervisorYear: z.number().min(0).max(1),
  managerYear: z.number().min(0).max(1),
  // CR-02: every unit visited within this many months (6 apartments/offices/malls, 12 residential)
  fullCoverageMonths: z.number().int().min(1).max(24),
  // CR-02: different customers a month, per person
  managerMonthly: z.number().int().min(0).max(500),
  supervisorMonthly: z.number().int().min(0).max(500),
  // CR-04
  activitiesYear: z.number().int().min(0).max(50),
  plantRoomYear: z.number().int().min(0).max(12),
  articlesMonth: z.number().int().min(0).max(50),
  // CR-05
  serviceHours: z.string().trim().min(1).max(40),
  // CR-05: the housekeeper answering for each building (building id → user id)
  keeperBuildings: z.record(ZId, ZId),
});
export type TRelationTargets = z.infer<typeof ZRelationTargets>;
export const ZRelationSettings = z.object({ targets: ZRelationTargets, version: z.number().int() });
export type TRelationSettings = z.infer<typeof ZRelationSettings>;

/** CR-02..CR-05: the SPEC's targets for a service level and project type. */
export function defaultTargets(serviceLevel: number, type: string): TRelationTargets {
  const top = serviceLevel >= 5;
  return {
    housekeeperYear: top ? 1 : 0.95,
    supervisorYear: top ? 0.5 : 0.3,
    managerYear: top ? 0.25 : 0.1,
    fullCoverageMonths: ['apartment', 'office', 'mall'].includes(type) ? 6 : 12,
    managerMonthly: 3,
    supervisorMonthly: 10,
    activitiesYear: serviceLevel >= 5 ? 3 : serviceLevel === 4 ? 2 : serviceLevel === 3 ? 1 : 0,
    plantRoomYear: serviceLevel >= 3 ? 1 : 0,
    articlesMonth: 2,
    serviceHours: '8:30–22:00',
    keeperBuildings: {},
  };
}

// ---- key customers (CR-01) ----
const uniqueReasons = z.array(ZKeyReason).min(1).max(KEY_REASONS.length).refine((r) => new Set(r).size === r.length, { error: 'duplicate_reason' });
export const ZKeyCustomerCreate = z.object({
  customerId: ZId.optional(),
  unitId: ZId.optional(),
  name: ZName,
  phone: ZPhone.optional(),
  reasons: uniqueReasons,
  note: ZNote,
});
export type TKeyCustomerCreate = z.infer<typeof ZKeyCustomerCreate>;
export const ZKeyCustomerUpdate = z.object({ version: z.number().int(), reasons: uniqueReasons.optional(), note: z.string().trim().max(500).optional(), phone: ZPhone.optional() });
export type TKeyCustomerUpdate = z.infer<typeof ZKeyCustomerUpdate>;
export const ZKeyCustomerRetire = z.object({ version: z.number().int(), reason: ZText(200) });

export const ZKeyCustomer = z.object({
  id: ZId,
  projectId: ZId,
  customerId: ZId.nullable(),
  unitId: ZId.nullable(),
  path: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  reasons: z.array(ZKeyReason),
  note: z.string(),
  /** share of the project's total area the customer owns (0.012 = 1.2 %), when a customer is named */
  areaShare: z.number().nullable(),
  lastVisitOn: z.string().nullable(),
  visitedThisQuarter: z.boolean(),
  /** CR-01: not visited in the quarter and the quarter is over (or the previous quarter was missed) */
  overdue: z.boolean(),
  retiredAt: z.string().nullable(),
  version: z.number().int(),
});
export type TKeyCustomer = z.infer<typeof ZKeyCustomer>;

export const ZQuarterQuery = z.object({ quarter: ZQuarter.optional() });
export const ZKeyCustomerList = z.object({
  quarter: z.string(),
  reviewDueAt: z.string(),
  review: z.object({ id: ZId, reviewedAt: z.string(), reviewedByName: z.string(), note: z.string(), listed: z.number().int(), late: z.boolean() }).nullable(),
  reviewOverdue: z.boolean(),
  listed: z.number().int(),
  visited: z.number().int(),
  items: z.array(ZKeyCustomer),
  canManage: z.boolean(),
});
export type TKeyCustomerList = z.infer<typeof ZKeyCustomerList>;

export const ZKeySuggestion = z.object({ customerId: ZId, name: z.string(), paths: z.array(z.string()), areaM2: z.number(), areaShare: z.number(), listed: z.boolean() });
export const ZKeySuggestions = z.object({ totalAreaM2: z.number(), threshold: z.number(), items: z.array(ZKeySuggestion) });

export const ZReviewCreate = z.object({ quarter: ZQuarter, note: ZNote });

// ---- visits (CR-02, CR-03) ----
export const ZVisitCreate = z.object({
  projectId: ZId,
  unitId: ZId,
  customerId: ZId.optional(),
  keyCustomerId: ZId.optional(),
  mode: ZVisitMode,
  personMet: ZText(50),
  /** when the visit took place; at most 31 days back and never in the future */
  visitedAt: z.iso.datetime({ offset: true }).optional(),
  content: ZText(1000),
  /** a matter the customer raised: it opens a case owned by the visitor (IN-01) */
  raised: z.object({ category: ZCategory, content: ZText(2000), phone: ZPhone }).optional(),
});
export type TVisitCreate = z.infer<typeof ZVisitCreate>;

export const ZVisit = z.object({
  id: ZId,
  projectId: ZId,
  unitId: ZId,
  path: z.string(),
  customerId: ZId.nullable(),
  customerName: z.string().nullable(),
  keyCustomerId: ZId.nullable(),
  visitorId: ZId,
  visitorName: z.string(),
  visitorRole: ZVisitorRole,
  mode: ZVisitMode,
  personMet: z.string(),
  visitedAt: z.string(),
  visitedOn: z.string(),
  content: z.string(),
  caseId: ZId.nullable(),
  caseNumber: z.string().nullable(),
});
export type TVisit = z.infer<typeof ZVisit>;
export const ZVisitListQuery = z.object({ projectId: ZId, unitId: ZId.optional(), visitorId: ZId.optional(), month: ZMonth.optional() });
export const ZVisitList = z.object({ items: z.array(ZVisit) });

export const ZFloorClimbQuery = z.object({ buildingId: ZId });
export const ZFloorClimb = z.object({
  buildingId: ZId,
  /** the CR-02 full-coverage window: units not visited since this day are due */
  since: z.string(),
  floors: z.array(
    z.object({
      floor: z.number().int(),
      units: z.array(z.object({ unitId: ZId, number: z.string(), path: z.string(), lastVisitOn: z.string().nullable(), lastVisitorName: z.string().nullable(), visits: z.number().int(), keyCustomer: z.boolean() })),
    }),
  ),
});
export type TFloorClimb = z.infer<typeof ZFloorClimb>;

export const ZPlanPut = z.object({ projectId: ZId, month: ZMonth, staffId: ZId, unitIds: z.array(ZId).max(500), note: ZNote, version: z.number().int().min(0) });
export const ZPlan = z.object({
  id: ZId,
  projectId: ZId,
  month: z.string(),
  staffId: ZId,
  staffName: z.string(),
  unitIds: z.array(ZId),
  planned: z.number().int(),
  /** planned units this person visited in the month */
  done: z.number().int(),
  note: z.string(),
  version: z.number().int(),
});
export const ZPlanQuery = z.object({ projectId: ZId, month: ZMonth });
export const ZPlanList = z.object({ items: z.array(ZPlan) });

// ---- community activities and magazine articles (CR-04) ----
export const ZActivityCreate = z.object({ projectId: ZId, year: z.number().int().min(2000).max(2100), kind: ZActivityKind, title: ZText(100), plannedOn: ZDay, note: ZNote });
export const ZPhotoUpload = z.object({ name: ZText(100), data: z.string().min(1).max(7_200_000) });
export const ZActivityHeld = z.object({ version: z.number().int(), heldOn: ZDay, participants: z.number().int().min(0).max(100000), summary: ZText(1000), photos: z.array(ZPhotoUpload).min(1).max(6) });
export const ZActivity = z.object({
  id: ZId,
  projectId: ZId,
  year: z.number().int(),
  kind: ZActivityKind,
  title: z.string(),
  plannedOn: z.string(),
  heldOn: z.string().nullable(),
  participants: z.number().int().nullable(),
  summary: z.string(),
  note: z.string(),
  photos: z.array(z.object({ id: ZId, name: z.string(), url: z.string() })),
  version: z.number().int(),
});
export type TActivity = z.infer<typeof ZActivity>;
export const ZYearQuery = z.object({ projectId: ZId, year: z.coerce.number().int().min(2000).max(2100) });
export const ZActivityList = z.object({ items: z.array(ZActivity), minimum: z.number().int(), plantRoomMinimum: z.number().int() });

export const ZArticleCreate = z.object({ projectId: ZId, title: ZText(100), author: ZName, sentOn: ZDay });
export const ZArticle = z.object({ id: ZId, projectId: ZId, month: z.string(), title: z.string(), author: z.string(), sentOn: z.string(), createdByName: z.string() });
export const ZArticleQuery = z.object({ projectId: ZId, month: ZMonth });
export const ZArticleList = z.object({ items: z.array(ZArticle), minimum: z.number().int() });

// ---- housekeeper lobby cards (CR-05) ----
export const ZStaffPhoto = z.object({ projectId: ZId, userId: ZId, name: ZText(100), data: z.string().min(1).max(7_200_000) });
export const ZLobbyCard = z.object({
  buildingId: ZId,
  building: z.string(),
  keeperId: ZId.nullable(),
  keeperName: z.string().nullable(),
  keeperPhone: z.string().nullable(),
  photoUrl: z.string().nullable(),
  /** the buildings this housekeeper answers for */
  area: z.array(z.string()),
  serviceHours: z.string(),
  supervisorName: z.string().nullable(),
  supervisorPhone: z.string().nullable(),
});
export const ZLobbyCards = z.object({ projectName: z.string(), items: z.array(ZLobbyCard) });
export type TLobbyCard = z.infer<typeof ZLobbyCard>;

// ---- the monthly figures the inspection reads ----
const ZCoverage = z.object({ visited: z.number().int(), target: z.number(), share: z.number(), short: z.boolean() });
export const ZRelationFigures = z.object({
  projectId: ZId,
  month: z.string(),
  serviceLevel: z.number().int(),
  units: z.number().int(),
  visitsInMonth: z.number().int(),
  faceShare: z.number(),
  /** CR-03: year to the month's end, distinct units per role against the year's target */
  yearCoverage: z.object({ housekeeper: ZCoverage, cs_supervisor: ZCoverage, project_manager: ZCoverage }),
  /** CR-02: any visitor, within the full-coverage window ending with the month */
  fullCoverage: ZCoverage.extend({ months: z.number().int() }),
  /** CR-02: different customers visited in the month per manager / CS supervisor */
  monthlyMinimums: z.array(z.object({ userId: ZId, name: z.string(), role: ZVisitorRole, customers: z.number().int(), minimum: z.number().int(), short: z.boolean() })),
  plans: z.object({ planned: z.number().int(), done: z.number().int(), keepersWithoutPlan: z.number().int() }),
  keyCustomers: z.object({ quarter: z.string(), listed: z.number().int(), visited: z.number().int(), notVisited: z.number().int(), overdue: z.number().int(), reviewDone: z.boolean(), reviewOverdue: z.number().int() }),
  activities: z.object({ year: z.number().int(), held: z.number().int(), minimum: z.number().int(), plantRoomHeld: z.number().int(), plantRoomMinimum: z.number().int(), planned: z.number().int(), short: z.boolean() }),
  articles: z.object({ sent: z.number().int(), minimum: z.number().int(), short: z.boolean() }),
});
export type TRelationFigures = z.infer<typeof ZRelationFigures>;
export const ZFiguresQuery = z.object({ month: ZMonth });
