// Generates the demo company on an empty database: three projects, their space, staff for every role,
// owners and tenants. Deterministic content; one transaction, so a half-made demo never persists.
import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { TProjectType, TUnitState } from '../../common/org';
import type { TRole } from '../../common/roles';
import type { Db, Tx } from '../platform/db';
import { recordAudit, type AuditInput } from '../platform/audit';
import { projectCalendars } from '../domains/calendar/tables';
import { DEFAULT_CALENDAR, officialDays } from '../domains/calendar/holidays';
import { areas, buildings, companies, departments, projects, units } from '../domains/org/tables';
import { customers, customerUnits, userRoles, users } from '../domains/people/tables';
import { unitPath, unitSortKey } from '../domains/org/space';
import { catalogRows } from '../domains/paid/catalog';
import { serviceItems } from '../domains/paid/tables';
import { fullPlan, smallPlan, type ProjectPlan } from './plan';
import { Rng } from './random';
import { companyName, emergencyContact, idNumber, mobile, personName } from './names';
import type { Vault } from '../platform/vault';
import { sealedIdNumber } from '../domains/archives/identity';
import { seedArchives } from './archives';
import { seedNotices } from './notices';
import { seedRelations } from './relations';
import { seedPatrols } from './patrols';
import { seedFrontdesk } from './frontdesk';
import { seedInspections } from './inspections';
import { assignDemoResidents, seedResidentAccounts } from './residents';
import { seedSurveys } from './surveys';
import { seedPortalErrands } from './portal-errands';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_COMPANY = '锦程物业服务有限公司';

// Staff of each project: user name suffix, role, department.
const PROJECT_STAFF: { suffix: string; role: TRole; dept: string }[] = [
  { suffix: 'clerk', role: 'clerk', dept: 'customer_service' },
  { suffix: 'clerk2', role: 'clerk', dept: 'customer_service' },
  { suffix: 'keeper', role: 'housekeeper', dept: 'customer_service' },
  { suffix: 'keeper2', role: 'housekeeper', dept: 'customer_service' },
  { suffix: 'super', role: 'cs_supervisor', dept: 'customer_service' },
  { suffix: 'eng', role: 'dept_supervisor', dept: 'engineering' },
  { suffix: 'clean', role: 'dept_supervisor', dept: 'environment' },
  { suffix: 'tech', role: 'technician', dept: 'engineering' },
  { suffix: 'tech2', role: 'technician', dept: 'engineering' },
  { suffix: 'cleaner', role: 'technician', dept: 'environment' },
  { suffix: 'finance', role: 'finance', dept: 'finance' },
  { suffix: 'manager', role: 'project_manager', dept: 'management' },
  { suffix: 'guard', role: 'security_guard', dept: 'security' }, // FD-01: the gate
];
const DEPARTMENTS: [string, string][] = [
  ['customer_service', '客服部'],
  ['engineering', '工程部'],
  ['environment', '环境部'],
  ['security', '秩序部'],
  ['finance', '财务部'],
  ['admin', '行政人事部'],
  ['management', '项目管理处'], // the project manager's office, not 行政人事部 (issue 18)
];

// Share of units per state, by project type (ORG-03).
const STATE_MIX: Record<TProjectType, [TUnitState, number][]> = {
  residential: [['vacant', 0.1], ['rented', 0.2], ['decorating', 0.03], ['owner_occupied', 0.67]],
  apartment: [['vacant', 0.1], ['rented', 0.6], ['owner_occupied', 0.3]],
  office: [['vacant', 0.15], ['rented', 0.55], ['decorating', 0.05], ['owner_occupied', 0.25]],
  mall: [['vacant', 0.1], ['rented', 0.8], ['owner_occupied', 0.1]],
  villa: [['vacant', 0.12], ['rented', 0.05], ['decorating', 0.05], ['owner_occupied', 0.78]],
};

function pickState(r: Rng, type: TProjectType): TUnitState {
  let x = r.next();
  for (const [state, share] of STATE_MIX[type]) if ((x -= share) < 0) return state;
  return 'owner_occupied';
}

async function insertMany(tx: Tx, table: PgTable, rows: object[], chunk = 500) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as never);
}

export interface DemoSummary {
  companyId: string;
  projects: { id: string; code: string; key: string; name: string }[];
  units: number;
  customers: number;
  users: number;
}

export async function seedDemo(db: Db, opts: { small?: boolean; year?: number; vault: Vault }): Promise<DemoSummary | null> {
  const plan = opts.small ? smallPlan() : fullPlan();
  const year = opts.year ?? new Date().getFullYear();
  const passwordHash = await argon2.hash(DEMO_PASSWORD); // one hash for every demo user keeps start-up fast
  return db.transaction(async (tx) => {
    // Several instances may start on one empty database: the first seeds, the others see it done.
    await tx.execute(sql`select pg_advisory_xact_lock(7370002)`);
    const existing = await tx.select({ id: companies.id }).from(companies).limit(1);
    if (existing.length) return null;

    const r = new Rng(20261123);
    const companyId = randomUUID();
    const actor = { userId: null, companyId };
    const events: AuditInput[] = [];
    await tx.insert(companies).values({ id: companyId, companyId, name: DEMO_COMPANY });

    const rows = {
      areas: [] as (typeof areas.$inferInsert)[],
      buildings: [] as (typeof buildings.$inferInsert)[],
      units: [] as (typeof units.$inferInsert & { id: string })[],
      depts: [] as (typeof departments.$inferInsert)[],
      users: [] as (typeof users.$inferInsert)[],
      roles: [] as (typeof userRoles.$inferInsert)[],
      customers: [] as (typeof customers.$inferInsert & { id: string })[],
      links: [] as (typeof customerUnits.$inferInsert)[],
    };
    const summary: DemoSummary = { companyId, projects: [], units: 0, customers: 0, users: 0 };
    let phoneSerial = 1;

    const addUser = (username: string, displayName: string, departmentId: string | null, grants: { role: TRole; projectId: string | null }[]) => {
      const id = randomUUID();
      rows.users.push({ id, companyId, username, displayName, phone: mobile(r, 900_000 + rows.users.length), departmentId, passwordHash });
      for (const g of grants) rows.roles.push({ companyId, userId: id, ...g });
      events.push({ entity: 'user', entityId: id, projectId: grants[0]?.projectId ?? null, action: 'seed', after: { username, grants } });
    };

    /** A person (with ID number and an emergency contact) or a company; returns its id. */
    const addCustomer = (projectId: string, company: boolean): string => {
      const id = randomUUID();
      rows.customers.push({
        id,
        companyId,
        projectId,
        kind: company ? 'company' : 'person',
        name: company ? companyName(r, '深圳') : personName(r),
        phone: mobile(r, phoneSerial++),
        ...sealedIdNumber(opts.vault, company ? null : idNumber(r)),
        emergencyContacts: company ? [] : [emergencyContact(r, phoneSerial++)],
      });
      return id;
    };

    const qualityDept = randomUUID();
    rows.depts.push({ id: qualityDept, companyId, projectId: null, kind: 'quality', name: '品质部' });
    addUser('admin', '系统管理员', null, [{ role: 'company_admin', projectId: null }]);
    addUser('quality', personName(r), qualityDept, [{ role: 'quality_inspector', projectId: null }]);

    const projectRows: { id: string; companyId: string; code: string; name: string; type: string; serviceLevel: number }[] = [];
    for (const p of plan as ProjectPlan[]) {
      const projectId = randomUUID();
      projectRows.push({ id: projectId, companyId, code: p.code, name: p.name, type: p.type, serviceLevel: p.serviceLevel });
      await tx.insert(projects).values({ id: projectId, companyId, code: p.code, name: p.name, type: p.type, serviceLevel: p.serviceLevel, address: p.address });
      await tx.insert(projectCalendars).values({ projectId, companyId, ...DEFAULT_CALENDAR, days: officialDays() });
      await tx.insert(serviceItems).values(catalogRows(companyId, projectId));
      events.push({ entity: 'project', entityId: projectId, projectId, action: 'seed', after: { code: p.code, name: p.name } });
      summary.projects.push({ id: projectId, code: p.code, key: p.key, name: p.name });

      const deptIds = new Map<string, string>();
      for (const [kind, name] of DEPARTMENTS) {
        const id = randomUUID();
        deptIds.set(kind, id);
        rows.depts.push({ id, companyId, projectId, kind, name });
      }
      for (const s of PROJECT_STAFF) addUser(`${p.key}-${s.suffix}`, personName(r), deptIds.get(s.dept)!, [{ role: s.role, projectId }]);

      p.areas.forEach((area, ai) => {
        const areaId = randomUUID();
        rows.areas.push({ id: areaId, companyId, projectId, name: area.name, sort: ai });
        area.buildings.forEach((b, bi) => {
          const buildingId = randomUUID();
          rows.buildings.push({ id: buildingId, companyId, projectId, areaId, name: b.name, floors: b.floors, sort: bi });
          for (let floor = 1; floor <= b.floors; floor++) {
            for (let i = 0; i < b.unitsPerFloor(floor); i++) {
              const unitId = randomUUID();
              const use = b.use(floor);
              const number = b.number(floor, i);
              const state = pickState(r, p.type);
              const areaM2 = p.type === 'villa' ? r.int(280, 520) : use === 'residence' ? r.int(68, 168) : r.int(60, 420);
              const handover = `${r.int(2019, 2024)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
              rows.units.push({
                id: unitId,
                companyId,
                projectId,
                buildingId,
                floor,
                number,
                path: unitPath(area.name, b.name, floor, number),
                sortKey: unitSortKey(ai, bi, floor, number),
                areaM2,
                use,
                state,
                handoverDate: handover,
                groupOwned: state === 'vacant' && r.chance(0.3),
              });
              if (state === 'vacant') continue;
              // ORG-06: owners (sometimes two, sometimes a company), and a tenant where rented.
              const companyOwner = use !== 'residence' && r.chance(0.4);
              const owners = companyOwner ? 1 : r.chance(0.15) ? 2 : 1;
              const firstOwner = addCustomer(projectId, companyOwner);
              rows.links.push({ companyId, projectId, customerId: firstOwner, unitId, relation: 'owner', since: handover });
              if (owners === 2) rows.links.push({ companyId, projectId, customerId: addCustomer(projectId, false), unitId, relation: 'owner', since: handover });
              if (state === 'rented') {
                const tenant = addCustomer(projectId, use !== 'residence');
                rows.links.push({ companyId, projectId, customerId: tenant, unitId, relation: 'tenant', consentingOwnerId: firstOwner, since: `${year - 1}-0${r.int(1, 9)}-01` });
              }
            }
          }
        });
      });
    }

    await insertMany(tx, departments, rows.depts);
    await insertMany(tx, users, rows.users);
    await insertMany(tx, userRoles, rows.roles);
    await insertMany(tx, areas, rows.areas);
    await insertMany(tx, buildings, rows.buildings);
    await insertMany(tx, units, rows.units);
    // X-03: the demo residents' documented phone numbers.
    assignDemoResidents(projectRows.map((p) => p.id), rows);
    await insertMany(tx, customers, rows.customers);
    await insertMany(tx, customerUnits, rows.links);
    // X-03: the demo residents' portal accounts (others are made at their first sign-in).
    await seedResidentAccounts(tx, companyId, rows.customers);
    for (const u of rows.units) events.push({ entity: 'unit', entityId: u.id, projectId: u.projectId, action: 'seed' });
    for (const c of rows.customers) events.push({ entity: 'customer', entityId: c.id, projectId: c.projectId, action: 'seed' });
    for (let i = 0; i < events.length; i += 1000) await recordAudit(tx, actor, events.slice(i, i + 1000));
    // AR-01, AR-02: every demo unit's archives, with a realistic spread of missing documents.
    await seedArchives(tx, { companyId, year, units: rows.units, customers: rows.customers, links: rows.links, users: rows.users, roles: rows.roles });
    // NT-01..NT-05: notices in every state, briefings, the annual publication, office and villa deliveries.
    await seedNotices(tx, { companyId, projects: await tx.select().from(projects).where(eq(projects.companyId, companyId)), units: rows.units, users: rows.users, roles: rows.roles });
    // CR-01..CR-05: key customers, six months of visits with their gaps, plans, activities, articles.
    await seedRelations(tx, { companyId, projects: projectRows, units: rows.units, customers: rows.customers, links: rows.links, users: rows.users, roles: rows.roles });
    // PT-01..PT-03: patrols, vacant-unit checks and facility plans, with a missed day and overdue units.
    const types = new Map((plan as ProjectPlan[]).map((p) => [p.key, p.type]));
    await seedPatrols(tx, { companyId, projects: summary.projects.map((p) => ({ id: p.id, key: p.key, type: types.get(p.key) })), units: rows.units, users: rows.users, roles: rows.roles });
    // FD-01..FD-05: the front desk's registers, with the gaps a supervisor would notice; villa express mail.
    await seedFrontdesk(tx, { companyId, links: rows.links, users: rows.users, roles: rows.roles, villaProjectIds: projectRows.filter((p) => p.type === 'villa').map((p) => p.id) });
    // QI-01, QI-02, QI-04: the default standard, a year of inspections (one project failing twice), bulletins, rectifications.
    await seedInspections(tx, companyId);
    // SV-01..SV-04: the default questionnaire and one annual survey per project with answers, report and measures.
    await seedSurveys(tx, companyId);
    // X-03, FD-01, FD-06: the demo residents' pass requests (one issued, one awaiting the owner) and a gym booking.
    await seedPortalErrands(tx, companyId);

    summary.units = rows.units.length;
    summary.customers = rows.customers.length;
    summary.users = rows.users.length;
    return summary;
  });
}
