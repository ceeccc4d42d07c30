// QI-04, QI-05: the commands that create a counted fact add it to the monthly rollup in their own
// transaction — one statement, meant to run as the command's last write so the (project, month) row
// lock is held only until COMMIT. The month is the project's own, computed in SQL from its timezone.
import { sql } from 'drizzle-orm';
import { KPI_COUNTS } from '../../../common/desk';
import type { DbOrTx } from '../../platform/db';

export const KPI_COUNTERS = KPI_COUNTS;
export type KpiCounter = (typeof KPI_COUNTERS)[number];
export type KpiCounts = Record<KpiCounter, number>;

/** A fact to count: which counters it adds to, in the project month that holds `at`. */
export interface KpiFact {
  at: Date;
  add: Partial<KpiCounts>;
}

export const column = (c: KpiCounter) => c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`);

export async function countKpis(tx: DbOrTx, projectId: string, facts: KpiFact[]): Promise<void> {
  const rows = facts.filter((f) => Object.values(f.add).some((n) => n)).map((f) => ({ at: f.at.toISOString(), ...f.add }));
  if (!rows.length) return;
  const cols = KPI_COUNTERS.map(column);
  await tx.execute(sql`
    insert into kpi_months (project_id, company_id, month, ${sql.raw(cols.join(', '))})
    select p.id, p.company_id, to_char(v.at at time zone p.timezone, 'YYYY-MM'), ${sql.raw(cols.map((c) => `coalesce(sum(v.${c}), 0)`).join(', '))}
    from projects p cross join jsonb_to_recordset(${JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k === 'at' ? k : column(k as KpiCounter), v]))))}::jsonb)
      as v(at timestamptz, ${sql.raw(cols.map((c) => `${c} int`).join(', '))})
    where p.id = ${projectId}::uuid
    group by p.id, p.company_id, 3
    on conflict (project_id, month) do update set ${sql.raw(cols.map((c) => `${c} = kpi_months.${c} + excluded.${c}`).join(', '))}`);
}
