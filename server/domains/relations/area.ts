// CR-01: "owns over 1% of the project's total area" — from the units' areas and current ownership.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db';
import { rowsOf } from '../../platform/db';

export interface OwnedArea {
  customerId: string;
  name: string;
  paths: string[];
  areaM2: number;
  share: number;
}

/** Owners of the project with their current units' area and its share of the project's total area, largest first. */
export async function ownedAreas(db: DbOrTx, projectId: string, opts: { customerId?: string; minShare?: number } = {}): Promise<{ total: number; owners: OwnedArea[] }> {
  const res = await db.execute(sql`
    with total as (select coalesce(sum(area_m2), 0)::float8 as area from units where project_id = ${projectId}),
    owned as (
      select cu.customer_id, sum(u.area_m2)::float8 as area, array_agg(u.path order by u.sort_key) as paths
        from customer_units cu join units u on u.id = cu.unit_id
       where cu.project_id = ${projectId} and cu.relation = 'owner' and cu.ended_at is null
         ${opts.customerId ? sql`and cu.customer_id = ${opts.customerId}` : sql``}
       group by cu.customer_id
    )
    select o.customer_id as "customerId", c.name, o.paths, o.area as "areaM2", t.area as total,
           case when t.area > 0 then o.area / t.area else 0 end as share
      from owned o join customers c on c.id = o.customer_id, total t
     where ${opts.minShare ?? 0}::float8 = 0 or (t.area > 0 and o.area / t.area > ${opts.minShare ?? 0}::float8)
     order by o.area desc
     limit 200`);
  const rows = rowsOf<OwnedArea & { total: number }>(res);
  let total = rows[0]?.total;
  if (total === undefined) {
    const t = rowsOf<{ area: number }>(await db.execute(sql`select coalesce(sum(area_m2), 0)::float8 as area from units where project_id = ${projectId}`));
    total = t[0].area;
  }
  return { total: Number(total), owners: rows.map(({ total: _t, ...r }) => ({ ...r, areaM2: Number(r.areaM2), share: Number(r.share) })) };
}
