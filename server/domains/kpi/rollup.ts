// QI-04, QI-05: the commands that create a counted fact add it to the monthly rollup in their own
// transaction — one statement, meant to run as the command's last write so the (project, month) row
// lock is held only until COMMIT. The month is the project's own, computed in SQL from its timezone.
import { KPI_COUNTS } from '../../../common/desk';
import type { DbOrTx } from '../../platform/db';
import { query } from '../../platform/sql';

export const KPI_COUNTERS = KPI_COUNTS;
export type KpiCounter = (typeof KPI_COUNTERS)[number];
export type KpiCounts = Record<KpiCounter, number>;

/** A fact to count: which counters it adds to, in the project month that holds `at`. */
export interface KpiFact {
  at: Date;
  add: Partial<KpiCounts>;
}

export const column = (c: KpiCounter) => c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`);
const cols = KPI_COUNTERS.map(column);

/**
 * The rollup upsert with the project id and the facts (`kpiFactsJson`) as parameters — run alone by
 * `countKpis`, or as the last part of a command's single write statement (create-case).
 */
export const kpiUpsertSql = (projectParam: string, factsParam: string) => `
    insert into kpi_months (project_id, company_id, month, ${cols.join(', ')})
    select p.id, p.company_id, to_char(v.at at time zone p.timezone, 'YYYY-MM'), ${cols.map((c) => `coalesce(sum(v.${c}), 0)`).join(', ')}
    from projects p cross join jsonb_to_recordset(${factsParam}::jsonb) as v(at timestamptz, ${cols.map((c) => `${c} int`).join(', ')})
    where p.id = ${projectParam}::uuid
    group by p.id, p.company_id, 3
    on conflict (project_id, month) do update set ${cols.map((c) => `${c} = kpi_months.${c} + excluded.${c}`).join(', ')}`;

/** The facts that add anything, as the JSON the upsert reads. */
export function kpiFactsJson(facts: KpiFact[]): string {
  const rows = facts
    .filter((f) => Object.values(f.add).some((n) => n))
    .map((f) => ({ at: f.at.toISOString(), ...Object.fromEntries(Object.entries(f.add).map(([k, v]) => [column(k as KpiCounter), v])) }));
  return JSON.stringify(rows);
}

const UPSERT_SQL = kpiUpsertSql('$1', '$2');

export async function countKpis(tx: DbOrTx, projectId: string, facts: KpiFact[]): Promise<void> {
  const json = kpiFactsJson(facts);
  if (json !== '[]') await query(tx, 'kpi_count', UPSERT_SQL, [projectId, json]);
}
