// QI-03 from the patrols (PT-01, PT-02), read from the month's patrol figures: workdays without the
// public-area patrol, findings rechecked late, spot checks left undone, and vacant units past their patrol.
import { sql } from 'drizzle-orm';
import { patrolFigures } from '../../patrols/figures';
import { vacantUnits } from '../../patrols/vacant';
import { recordRef } from '../../../../common/inspection-records';
import { toLocal } from '../../../platform/clock';
import { counted, finding, RECORDS_KEPT, refs, type AutoContext, type AutoItem } from './context';

const figures = (c: AutoContext) => c.once('patrols', () => patrolFigures(c.db, c.p, c.projectId, c.month, c.now));

/**
 * PT-01 (CS-56): a patrol every workday, each finding rechecked within 3 days, and — once the month is
 * over — every patrol drawn for the CS supervisor's 30 % or the manager's 10 % spot check checked.
 */
const publicPatrols: AutoItem = {
  access: 'patrol.read',
  async compute(c) {
    const f = await figures(c);
    const { F, T, C, to, firstDay, lastDay } = await c.range();
    const late = counted(
      await c.db.execute(sql`
        select id, count(*) over ()::int as n from patrol_findings
         where project_id = ${c.projectId} and created_at >= ${F}::timestamptz and created_at < ${T}::timestamptz
           and first_recheck_due_at < ${C}::timestamptz and (first_rechecked_at is null or first_rechecked_at > first_recheck_due_at)
         order by created_at limit ${RECORDS_KEPT}`),
    );
    const over = c.now >= to;
    const unchecked = over ? f.supervisorChecks.selected - f.supervisorChecks.checked + (f.managerChecks.selected - f.managerChecks.checked) : 0;
    const checks = over
      ? counted(
          await c.db.execute(sql`
            select k.id, count(*) over ()::int as n from patrol_checks k join public_patrols pt on pt.id = k.patrol_id
             where k.project_id = ${c.projectId} and pt.patrol_date between ${firstDay}::date and ${lastDay}::date and k.checked_at is null
             order by pt.patrol_date limit ${RECORDS_KEPT}`),
        )
      : { n: 0, ids: [] };
    return finding(
      f.patrolDaysMissed + f.recheckOverdue + unchecked,
      f.missedDays.map((d) => recordRef('patrol_day', d)),
      refs('patrol_finding', late.ids),
      refs('patrol_check', checks.ids),
    );
  },
};

/** PT-02 (CS-59): vacant units past their patrol (twice a week in the heating season, weekly otherwise). */
const vacantPatrols: AutoItem = {
  access: 'patrol.read',
  async compute(c) {
    const f = await figures(c);
    const { tz, lastDay, cutoff } = await c.range();
    const today = toLocal(c.now, tz).date;
    const units = await vacantUnits(c.db, c.projectId, today < lastDay ? today : lastDay, cutoff);
    return finding(f.vacantOverdue, refs('unit', units.filter((u) => u.overdue).map((u) => u.unitId)));
  },
};

export const PATROL_ITEMS: Record<string, AutoItem> = {
  'CS-56': publicPatrols,
  'CS-59': vacantPatrols,
};
