import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { projects } from '../org/tables';

// QI-04, QI-05: the monthly rollup the KPI pages and the company ranking read. Each counter is a count
// of facts from the event history, kept current by the commands that create those facts (same
// transaction, server/domains/kpi/rollup.ts) and rebuilt exactly from the events by recount.ts.
// `month` is the project's own calendar month (its timezone), 'YYYY-MM'.
export const kpiMonths = pgTable(
  'kpi_months',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    month: text('month').notNull(),
    companyId: uuid('company_id').notNull(),
    // WO-02, by the month a repair cycle starts (reported, or reopened by a rework)
    repairCycles: integer('repair_cycles').notNull().default(0),
    dispatchedInTime: integer('dispatched_in_time').notNull().default(0),
    dispatchedSameDay: integer('dispatched_same_day').notNull().default(0),
    completed: integer('completed').notNull().default(0),
    // WO-09, by the month of the rework
    reworks: integer('reworks').notNull().default(0),
    // WO-07, PS-08, by the month of the close: closes, and their follow-ups done within the deadline
    closedPaid: integer('closed_paid').notNull().default(0),
    followedPaid: integer('followed_paid').notNull().default(0),
    closedFree: integer('closed_free').notNull().default(0),
    followedFree: integer('followed_free').notNull().default(0),
    // IN-05 and CP-01, by the month the deadline falls due
    repliesDue: integer('replies_due').notNull().default(0),
    repliedInTime: integer('replied_in_time').notNull().default(0),
    complaintRepliesDue: integer('complaint_replies_due').notNull().default(0),
    complaintRepliedInTime: integer('complaint_replied_in_time').notNull().default(0),
    complaintFollowupsDue: integer('complaint_followups_due').notNull().default(0),
    complaintFollowedInTime: integer('complaint_followed_in_time').notNull().default(0),
    // QI-05 repair timeliness: cycles completed within their completion deadline, by the cycle's month
    completedInTime: integer('completed_in_time').notNull().default(0),
    // QI-05 owner satisfaction (RV-01) and complaint satisfaction (CP-01): verdicts given, and those
    // 满意 or 较满意, by the month of the return visit
    visitVerdicts: integer('visit_verdicts').notNull().default(0),
    visitsSatisfied: integer('visits_satisfied').notNull().default(0),
    complaintVerdicts: integer('complaint_verdicts').notNull().default(0),
    complaintSatisfied: integer('complaint_satisfied').notNull().default(0),
  },
  // The ranking reads one month of every project: by month, whatever the number of months kept.
  (t) => [primaryKey({ columns: [t.projectId, t.month] }), index('kpi_months_month').on(t.month, t.projectId)],
);
