// X-03, NT-04: the published notices of the resident's projects in the portal. A resident opening a notice
// is the delivery record of each of their units in that project (method "portal", no staff recorder), one
// per notice and unit (a unit already recorded keeps its first record) — the staff app's coverage counts it.
import type { TPortalBulletin, TPortalBulletinDetail } from '../../../common/portal-services';
import { recordAudit } from '../../platform/audit';
import type { Db, DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { query } from '../../platform/sql';
import { residentUnits, type ResidentUnitRow } from './scope';
import type { Resident } from './session';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/** The units a resident may act for: owners, and tenants with the owner's consent. */
const allowedOf = (units: ResidentUnitRow[]) => units.filter((u) => u.allowed);

interface Row {
  id: string;
  number: string;
  title: string;
  body: string;
  projectId: string;
  projectName: string;
  publishedAt: Date | null;
  validFrom: string;
  validTo: string;
  read: boolean;
}

const BULLETIN_SQL = (where: string) => `
select n.id, n.number, n.title, n.body, n.project_id as "projectId", p.name as "projectName", n.published_at as "publishedAt",
       n.valid_from::text as "validFrom", n.valid_to::text as "validTo",
       exists (select 1 from notice_deliveries d where d.notice_id = n.id and d.unit_id = any($3::uuid[])) as read
  from notices n join projects p on p.id = n.project_id
 where n.company_id = $1::uuid and n.project_id = any($2::uuid[]) and n.status = 'published' ${where}
 order by n.published_at desc nulls last
 limit 50`;

const present = ({ body: _b, validFrom: _f, projectId: _p, ...n }: Row): TPortalBulletin => ({ ...n, publishedAt: iso(n.publishedAt) });

export async function residentBulletins(db: DbOrTx, r: Resident): Promise<TPortalBulletin[]> {
  const units = allowedOf(await residentUnits(db, r));
  if (!units.length) return [];
  const rows = await query<Row>(db, 'resident_bulletins', BULLETIN_SQL(''), [r.companyId, [...new Set(units.map((u) => u.projectId))], units.map((u) => u.unitId)]);
  return rows.map(present);
}

/** NT-04: opening a notice records its delivery to each of the resident's units in its project, once. */
export async function openBulletin(db: Db, r: Resident, noticeId: string): Promise<TPortalBulletinDetail> {
  const units = allowedOf(await residentUnits(db, r));
  const [n] = units.length
    ? await query<Row>(db, 'resident_bulletin', BULLETIN_SQL('and n.id = $4::uuid'), [r.companyId, [...new Set(units.map((u) => u.projectId))], units.map((u) => u.unitId), noticeId])
    : [];
  if (!n) throw notFound();
  const mine = units.filter((u) => u.projectId === n.projectId);
  const recorded = await db.transaction(async (tx) => {
    const rows = await query<{ unitId: string }>(
      tx,
      'resident_bulletin_deliver',
      `insert into notice_deliveries (company_id, project_id, notice_id, unit_id, method, recipient, note, delivered_at, recorded_by, created_at)
       select $1::uuid, $2::uuid, $3::uuid, x.unit_id, 'portal', x.recipient, '住户端已读', now(), null, now()
         from unnest($4::uuid[], $5::text[]) as x(unit_id, recipient)
       on conflict (notice_id, unit_id) do nothing
       returning unit_id as "unitId"`,
      [r.companyId, n.projectId, n.id, mine.map((u) => u.unitId), mine.map((u) => u.customerName)],
    );
    if (rows.length) await recordAudit(tx, { userId: null, companyId: r.companyId }, { entity: 'notice', entityId: n.id, projectId: n.projectId, action: 'deliver', after: { method: 'portal', units: rows.length, residentId: r.residentId } });
    return rows.length;
  });
  return { ...present({ ...n, read: true }), body: n.body, validFrom: n.validFrom, recorded };
}
