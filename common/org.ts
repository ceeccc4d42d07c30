// ORG-01..ORG-04: company, projects, space tree, departments.
import * as z from 'zod';
import { ZId, ZName, ZPage, zPageOf } from './shared';

export const PROJECT_TYPES = ['residential', 'apartment', 'office', 'mall', 'villa'] as const;
export const ZProjectType = z.enum(PROJECT_TYPES);
export const UNIT_USES = ['residence', 'office', 'shop'] as const;
export const ZUnitUse = z.enum(UNIT_USES);
export const UNIT_STATES = ['vacant', 'owner_occupied', 'rented', 'decorating'] as const;
export const ZUnitState = z.enum(UNIT_STATES);
export const DEPARTMENT_KINDS = ['customer_service', 'engineering', 'environment', 'security', 'finance', 'admin', 'quality', 'management'] as const;
export const ZDepartmentKind = z.enum(DEPARTMENT_KINDS);

export const ZProject = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  type: ZProjectType,
  serviceLevel: z.number().int().min(1).max(5),
  timezone: z.string(),
  address: z.string().nullable(),
  version: z.number().int(),
});
export type TProject = z.infer<typeof ZProject>;

export const ZProjectSummary = ZProject.extend({
  areaCount: z.number().int(),
  buildingCount: z.number().int(),
  unitCount: z.number().int(),
  vacantCount: z.number().int(),
  actions: z.array(z.string()),
});
export type TProjectSummary = z.infer<typeof ZProjectSummary>;

export const ZProjectUpdate = z.object({
  name: ZName.optional(),
  serviceLevel: z.number().int().min(1).max(5).optional(),
  address: z.string().max(200).nullable().optional(),
  version: z.number().int(),
});

export const ZBuilding = z.object({
  id: ZId,
  areaId: ZId,
  name: z.string(),
  floors: z.number().int(),
  unitCount: z.number().int(),
});
export const ZArea = z.object({ id: ZId, name: z.string(), buildings: z.array(ZBuilding) });
export const ZSpaceTree = z.object({ projectId: ZId, areas: z.array(ZArea) });
export type TSpaceTree = z.infer<typeof ZSpaceTree>;

export const ZUnit = z.object({
  id: ZId,
  projectId: ZId,
  buildingId: ZId,
  path: z.string(), // "区域-栋号-楼层-房号", ORG-02
  areaName: z.string(),
  buildingName: z.string(),
  floor: z.number().int(),
  number: z.string(),
  areaM2: z.number(),
  use: ZUnitUse,
  state: ZUnitState,
  handoverDate: z.string().nullable(),
  groupOwned: z.boolean(),
  version: z.number().int(),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitListQuery = ZPage.extend({
  projectId: ZId,
  buildingId: ZId.optional(),
  state: ZUnitState.optional(),
  q: z.string().max(50).optional(),
});
export const ZUnitList = zPageOf(ZUnit);

export const ZUnitUpdate = z.object({
  state: ZUnitState.optional(),
  use: ZUnitUse.optional(),
  areaM2: z.number().positive().max(100000).optional(),
  handoverDate: z.iso.date().nullable().optional(),
  groupOwned: z.boolean().optional(),
  version: z.number().int(),
});
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>;

export const ZDepartment = z.object({ id: ZId, projectId: ZId.nullable(), kind: ZDepartmentKind, name: z.string() });
export type TProjectType = z.infer<typeof ZProjectType>;
export type TUnitUse = z.infer<typeof ZUnitUse>;
export type TUnitState = z.infer<typeof ZUnitState>;

export const ZProjectCreate = z.object({
  code: z.string().trim().regex(/^[A-Z0-9-]{2,20}$/),
  name: ZName,
  type: ZProjectType,
  serviceLevel: z.number().int().min(1).max(5),
  timezone: z.string().min(1).max(50).default('Asia/Shanghai'),
  address: z.string().trim().max(200).nullable().default(null),
});
export type TProjectCreate = z.infer<typeof ZProjectCreate>;

export const ZHistoryEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const ZHistory = z.object({ items: z.array(ZHistoryEvent) });
export const HISTORY_ENTITIES = ['unit', 'customer', 'project', 'calendar'] as const;
export const ZHistoryParams = z.object({ entity: z.enum(HISTORY_ENTITIES), id: ZId });
