// ORG-05, ORG-06: staff and customers (owners and tenants).
import * as z from 'zod';
import { ZRole } from './roles';
import { ZDepartmentKind, ZUnit } from './org';
import { ZId, ZName, ZPage, ZPhone, zPageOf } from './shared';

export const CUSTOMER_KINDS = ['person', 'company'] as const;
export const ZCustomerKind = z.enum(CUSTOMER_KINDS);
export const RELATIONS = ['owner', 'tenant'] as const;
export const ZRelation = z.enum(RELATIONS);

export const ZEmergencyContact = z.object({
  name: ZName,
  phone: ZPhone,
  relation: z.string().trim().max(20),
});

export const ZCustomerUnitLink = z.object({
  unitId: ZId,
  path: z.string(),
  relation: ZRelation,
  consentingOwnerId: ZId.nullable(),
  consentingOwnerName: z.string().nullable(),
  since: z.string().nullable(),
});

export const ZCustomer = z.object({
  id: ZId,
  projectId: ZId,
  kind: ZCustomerKind,
  name: z.string(),
  phone: z.string(), // masked in lists (AR-04)
  idNumber: z.string().nullable(), // masked always
  emergencyContacts: z.array(ZEmergencyContact.extend({ phone: z.string() })), // masked in lists (AR-04)
  units: z.array(ZCustomerUnitLink),
  version: z.number().int(),
});
export type TCustomer = z.infer<typeof ZCustomer>;

export const ZCustomerListQuery = ZPage.extend({
  projectId: ZId,
  relation: ZRelation.optional(),
  q: z.string().max(50).optional(),
});
export const ZCustomerList = zPageOf(ZCustomer);

export const ZCustomerCreate = z
  .object({
    projectId: ZId,
    kind: ZCustomerKind,
    name: ZName,
    phone: ZPhone,
    idNumber: z.string().trim().max(30).optional(),
    emergencyContacts: z.array(ZEmergencyContact).max(5).default([]),
    unitId: ZId,
    relation: ZRelation,
    consentingOwnerId: ZId.optional(),
  })
  // ORG-06: a tenant is linked to the owner who consented.
  .refine((c) => c.relation !== 'tenant' || !!c.consentingOwnerId, {
    path: ['consentingOwnerId'],
    error: 'tenant_needs_owner',
  });
export type TCustomerCreate = z.infer<typeof ZCustomerCreate>;

export const ZCustomerUpdate = z.object({
  name: ZName.optional(),
  phone: ZPhone.optional(),
  emergencyContacts: z.array(ZEmergencyContact).max(5).optional(),
  version: z.number().int(),
});
export type TCustomerUpdate = z.infer<typeof ZCustomerUpdate>;

// IN-03 groundwork: caller lookup by part of a phone number, a name or a unit path.
export const ZLookupQuery = z.object({
  q: z.string().trim().min(2).max(50),
  projectId: ZId.optional(),
});
export const ZLookupHit = z.object({
  customerId: ZId.nullable(),
  customerName: z.string().nullable(),
  phone: z.string().nullable(),
  relation: ZRelation.nullable(),
  unitId: ZId,
  path: z.string(),
  projectId: ZId,
  projectName: z.string(),
});
export const ZLookupResult = z.object({ hits: z.array(ZLookupHit) });
export type TLookupHit = z.infer<typeof ZLookupHit>;

export const ZStaff = z.object({
  id: ZId,
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  departmentKind: ZDepartmentKind.nullable(),
  roles: z.array(z.object({ role: ZRole, projectId: ZId.nullable() })),
  active: z.boolean(),
});
export type TStaff = z.infer<typeof ZStaff>;
export const ZStaffList = z.object({ items: z.array(ZStaff) });

export const ZUnitOccupant = z.object({
  customerId: ZId,
  name: z.string(),
  kind: ZCustomerKind,
  phone: z.string(),
  relation: ZRelation,
  consentingOwnerName: z.string().nullable(),
  since: z.string().nullable(),
});
export const ZUnitDetail = z.object({
  unit: ZUnit,
  occupants: z.array(ZUnitOccupant),
  actions: z.array(z.string()),
});
export type TUnitDetail = z.infer<typeof ZUnitDetail>;
