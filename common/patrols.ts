// Patrols (巡视): the daily public-area patrol and its findings (PT-01), the vacant-unit register and its
// patrols (PT-02), facility maintenance plans and checks (PT-03), and the month's figures.
import * as z from 'zod';
import { ZTrade } from './desk';
import { ZId } from './shared';

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZNote = (max: number) => z.string().trim().max(max).default('');
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const ZMonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** A photo taken on the phone: base64 (or a data URL) of at most 5 MB. */
export const ZPhotoUpload = z.object({ name: z.string().trim().min(1).max(100), data: z.string().min(1).max(7_200_000) });
export const ZPhoto = z.object({ id: ZId, name: z.string(), url: z.string() });
export type TPhoto = z.infer<typeof ZPhoto>;

// ---- settings (PT-01 recheck, PT-02 heating season: per project) ----
export const ZPatrolSettings = z
  .object({
    heatingStart: ZMonthDay, // "11-07"
    heatingEnd: ZMonthDay, // "03-15", inclusive
    heatingIntervalDays: z.number().int().min(1).max(7), // twice a week: at most 4 days apart
    normalIntervalDays: z.number().int().min(1).max(31), // at least once a week
    recheckDays: z.number().int().min(1).max(30), // PT-01: a recheck within 3 days
  })
  .refine((s) => s.heatingIntervalDays <= s.normalIntervalDays, { path: ['heatingIntervalDays'], error: 'heating_interval_longer' });
export type TPatrolSettings = z.infer<typeof ZPatrolSettings>;
export const DEFAULT_PATROL_SETTINGS: TPatrolSettings = { heatingStart: '11-07', heatingEnd: '03-15', heatingIntervalDays: 4, normalIntervalDays: 7, recheckDays: 3 };
export const ZPatrolSettingsView = z.object({ projectId: ZId, settings: ZPatrolSettings, version: z.number().int() });
export const ZPatrolSettingsPut = z.object({ settings: ZPatrolSettings, version: z.number().int().min(0) });

// ---- PT-01 public-area patrols ----
export const HANDLINGS = ['fixed_on_spot', 'work_order', 'notified_department', 'reported_to_supervisor', 'other'] as const;
export const ZHandling = z.enum(HANDLINGS);
export const FINDING_STATUSES = ['open', 'closed'] as const;
export const DAY_STATES = ['done', 'missed', 'due', 'off', 'future'] as const;

export const ZPatrolOrder = z.object({
  trade: ZTrade.default('public_facility'),
  priority: z.enum(['normal', 'emergency']).default('normal'),
  department: z.enum(['engineering', 'environment', 'security']).default('engineering'),
});

export const ZPatrolStart = z.object({ projectId: ZId, route: ZText(200), note: ZNote(500) });
export const ZFindingCreate = z
  .object({
    location: ZText(100),
    problem: ZText(500),
    handling: ZHandling,
    handlingNote: ZNote(500),
    photos: z.array(ZPhotoUpload).max(6).default([]),
    order: ZPatrolOrder.optional(), // PT-01: handled by a work order → the order is opened and linked
  })
  .refine((f) => (f.handling === 'work_order') === !!f.order, { path: ['order'], error: 'order_with_work_order' });
export type TFindingCreate = z.infer<typeof ZFindingCreate>;
export const ZRecheck = z.object({ version: z.number().int(), result: z.enum(['resolved', 'unresolved']), note: ZNote(500) });

export const ZFinding = z.object({
  id: ZId,
  patrolId: ZId,
  patrolDate: z.string(),
  location: z.string(),
  problem: z.string(),
  handling: ZHandling,
  handlingNote: z.string(),
  status: z.enum(FINDING_STATUSES),
  foundAt: z.string(),
  recheckDueAt: z.string(),
  recheckOverdue: z.boolean(),
  rechecks: z.number().int(),
  recheckedAt: z.string().nullable(),
  recheckResult: z.string().nullable(),
  recheckNote: z.string(),
  workOrderId: ZId.nullable(),
  workOrderNumber: z.string().nullable(),
  photos: z.array(ZPhoto),
  version: z.number().int(),
});
export type TFinding = z.infer<typeof ZFinding>;

export const ZPatrolCheck = z.object({
  id: ZId,
  level: z.enum(['supervisor', 'manager']),
  selectedAt: z.string(),
  checkerName: z.string().nullable(),
  checkedAt: z.string().nullable(),
  outcome: z.enum(['confirmed', 'not_confirmed']).nullable(),
  note: z.string(),
  version: z.number().int(),
  mayCheck: z.boolean(),
});
export const ZPatrol = z.object({
  id: ZId,
  projectId: ZId,
  patrolDate: z.string(),
  route: z.string(),
  note: z.string(),
  patrollerName: z.string(),
  createdAt: z.string(),
  findings: z.number().int(),
  openFindings: z.number().int(),
  checks: z.array(ZPatrolCheck),
  version: z.number().int(),
});
export type TPatrol = z.infer<typeof ZPatrol>;
export const ZPatrolDetail = ZPatrol.extend({ items: z.array(ZFinding), mayRecord: z.boolean() });
export type TPatrolDetail = z.infer<typeof ZPatrolDetail>;

export const ZPatrolMonthQuery = z.object({ projectId: ZId, month: ZMonth });
export const ZPatrolDay = z.object({ date: z.string(), state: z.enum(DAY_STATES), patrolId: ZId.nullable() });
export const ZPatrolRegister = z.object({
  projectId: ZId,
  month: z.string(),
  today: z.string(),
  days: z.array(ZPatrolDay),
  patrols: z.array(ZPatrol),
  openFindings: z.array(ZFinding), // every open finding of the project, oldest recheck first
});
export type TPatrolRegister = z.infer<typeof ZPatrolRegister>;

export const ZPatrolCheckRecord = z.object({ version: z.number().int(), outcome: z.enum(['confirmed', 'not_confirmed']), note: ZNote(500) });
export const ZPatrolSupervision = z.object({
  month: z.string(),
  items: z.array(ZPatrolCheck.extend({ patrolId: ZId, patrolDate: z.string(), patrollerName: z.string(), route: z.string() })),
  ratios: z.array(z.object({ level: z.enum(['supervisor', 'manager']), target: z.number(), patrols: z.number().int(), selected: z.number().int(), checked: z.number().int(), achieved: z.number() })),
});

// ---- PT-02 vacant units ----
export const VACANT_CHECKS = ['doors_windows_closed', 'water_off', 'power_off', 'no_leak', 'no_damage', 'clean'] as const;
export const ZVacantCheck = z.enum(VACANT_CHECKS);
export const ZVacantPatrolCreate = z.object({
  unitId: ZId,
  failed: z.array(ZVacantCheck).max(VACANT_CHECKS.length).default([]), // the items found wrong; the rest passed
  note: ZNote(500),
  photos: z.array(ZPhotoUpload).max(6).default([]),
  order: ZPatrolOrder.extend({ description: ZText(500) }).optional(), // a problem found becomes a work order
});
export const ZVacantUnit = z.object({
  unitId: ZId,
  path: z.string(),
  groupOwned: z.boolean(),
  lastPatrolAt: z.string().nullable(),
  lastPatrolBy: z.string().nullable(),
  lastFailed: z.array(z.string()),
  nextDueOn: z.string().nullable(), // null: never patrolled, due now
  overdue: z.boolean(),
  overdueDays: z.number().int(),
});
export type TVacantUnit = z.infer<typeof ZVacantUnit>;
export const ZVacantRegister = z.object({
  projectId: ZId,
  today: z.string(),
  heatingSeason: z.boolean(),
  intervalDays: z.number().int(),
  units: z.array(ZVacantUnit),
  overdue: z.number().int(),
});
export const ZVacantQuery = z.object({ projectId: ZId, overdue: z.enum(['true', 'false']).optional() });
export const ZVacantPatrol = z.object({
  id: ZId,
  unitId: ZId,
  path: z.string(),
  patrolledAt: z.string(),
  byName: z.string(),
  failed: z.array(z.string()),
  note: z.string(),
  nextDueOn: z.string(),
  workOrderId: ZId.nullable(),
  photos: z.array(ZPhoto),
});

// ---- PT-03 facilities ----
export const EQUIPMENT_KINDS = ['elevator', 'water_tank', 'fire_system', 'air_conditioning', 'pump', 'power', 'access_control', 'other'] as const;
export const ZEquipmentKind = z.enum(EQUIPMENT_KINDS);
export const ZEquipmentCreate = z.object({ projectId: ZId, kind: ZEquipmentKind, code: ZText(40), name: ZText(100), location: ZText(100), installedOn: ZDate.optional() });
export const ZEquipmentUpdate = z.object({ version: z.number().int(), name: ZText(100).optional(), location: ZText(100).optional(), retired: z.boolean().optional() });
export const ZPlanCreate = z.object({ equipmentId: ZId, title: ZText(100), periodDays: z.number().int().min(1).max(366), firstDueOn: ZDate.optional() });
export const ZFacilityCheckCreate = z.object({
  planId: ZId,
  result: z.enum(['pass', 'fail']),
  note: ZNote(500),
  order: z.object({ description: ZText(500), priority: z.enum(['normal', 'emergency']).default('normal') }).optional(),
}).refine((c) => c.result === 'pass' || !!c.order, { path: ['order', 'description'], error: 'failure_needs_order' });
export const ZPlan = z.object({
  id: ZId,
  title: z.string(),
  periodDays: z.number().int(),
  nextDueOn: z.string(),
  overdue: z.boolean(),
  lastCheckedOn: z.string().nullable(),
  lastResult: z.string().nullable(),
  version: z.number().int(),
});
export const ZEquipment = z.object({
  id: ZId,
  projectId: ZId,
  kind: ZEquipmentKind,
  code: z.string(),
  name: z.string(),
  location: z.string(),
  installedOn: z.string().nullable(),
  retired: z.boolean(),
  plans: z.array(ZPlan),
  openOrders: z.number().int(),
  version: z.number().int(),
});
export type TEquipment = z.infer<typeof ZEquipment>;
export const ZEquipmentList = z.object({ items: z.array(ZEquipment) });
export const ZProjectQuery = z.object({ projectId: ZId });
export const ZFacilityCheck = z.object({ id: ZId, planId: ZId, equipmentId: ZId, result: z.enum(['pass', 'fail']), checkedAt: z.string(), workOrderId: ZId.nullable(), workOrderNumber: z.string().nullable() });

// ---- the month's figures (one query per project and month) ----
export const FACILITY_FAILURE_TARGET = 0.02;
export const ZPatrolFigures = z.object({
  projectId: ZId,
  month: z.string(),
  patrolDaysDue: z.number().int(),
  patrolDaysDone: z.number().int(),
  patrolDaysMissed: z.number().int(),
  missedDays: z.array(z.string()),
  findings: z.number().int(),
  findingsOpen: z.number().int(),
  recheckOverdue: z.number().int(),
  findingsWithOrder: z.number().int(),
  supervisorChecks: z.object({ selected: z.number().int(), checked: z.number().int(), patrols: z.number().int() }),
  managerChecks: z.object({ selected: z.number().int(), checked: z.number().int(), patrols: z.number().int() }),
  vacantUnits: z.number().int(),
  vacantPatrols: z.number().int(),
  vacantOverdue: z.number().int(),
  equipment: z.number().int(),
  facilityChecks: z.number().int(),
  facilityFailures: z.number().int(),
  facilityFailureRate: z.number(),
  facilityFailureTarget: z.number(),
  facilityShortfall: z.boolean(),
  plansOverdue: z.number().int(),
});
export type TPatrolFigures = z.infer<typeof ZPatrolFigures>;
