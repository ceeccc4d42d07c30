// what a resident may see, decided on the server for every request. A resident is whoever the desk
// holds as a customer with this phone number, on each unit where that customer's link is current:
// - an owner sees every case of the unit;
// - a tenant sees the unit only with the consent of an owner who still owns it (customer_units'
//   consenting owner), and then only the matters the tenant reported themselves;
// - everything else (another unit, another project, another company) is "not found".
import type { DbOrTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { query } from '../../platform/sql';
import type { Resident } from './session';

export interface ResidentUnitRow {
  unitId: string;
  projectId: string;
  projectName: string;
  path: string;
  relation: 'owner' | 'tenant';
  customerId: string;
  customerName: string;
  allowed: boolean;
}

const UNITS_SQL = `
select cl.unit_id as "unitId", cl.project_id as "projectId", p.name as "projectName", u.path, cl.relation,
       c.id as "customerId", c.name as "customerName",
       (cl.relation = 'owner' or exists (
          select 1 from customer_units o
           where o.customer_id = cl.consenting_owner_id and o.unit_id = cl.unit_id and o.relation = 'owner' and o.ended_at is null)) as allowed
  from customers c
  join customer_units cl on cl.customer_id = c.id and cl.ended_at is null and cl.relation in ('owner', 'tenant')
  join units u on u.id = cl.unit_id
  join projects p on p.id = cl.project_id
 where c.company_id = $1::uuid and c.phone = $2
 order by p.code, u.sort_key`;

export async function residentUnits(db: DbOrTx, r: Pick<Resident, 'companyId' | 'phone'>): Promise<ResidentUnitRow[]> {
  return query<ResidentUnitRow>(db, 'resident_units', UNITS_SQL, [r.companyId, r.phone]);
}

/** A unit the resident may act on: another unit is not found; a tenant without consent is refused. */
export async function allowedUnit(db: DbOrTx, r: Resident, unitId: string): Promise<ResidentUnitRow> {
  const unit = (await residentUnits(db, r)).find((u) => u.unitId === unitId);
  if (!unit) throw notFound();
  if (!unit.allowed) throw new AppError(403, 'owner_consent_missing');
  return unit;
}

/** SQL condition on a cases alias `c`: the cases this resident may see ($units json of allowed units). */
export const visibleCasesWhere = (alias: string, param: string) => `exists (
  select 1 from json_to_recordset(${param}::json) as v("unitId" uuid, relation text, "customerId" uuid)
   where v."unitId" = ${alias}.unit_id and (v.relation = 'owner' or ${alias}.customer_id = v."customerId"))`;

export const unitsParam = (units: ResidentUnitRow[]) =>
  JSON.stringify(units.filter((u) => u.allowed).map((u) => ({ unitId: u.unitId, relation: u.relation, customerId: u.customerId })));

/** Digits only: "138 0013 8000" and "138-0013-8000" are one number. */
export const normalPhone = (phone: string) => phone.replace(/[^\d]/g, '');
