// the deadline rules of a project, each with its declared clock. Defaults come from the SPEC;
// every number is a per-project setting (desk_rules), versioned so records know which applied.
import { eq } from 'drizzle-orm';
import * as z from 'zod';
import type { DeadlineRule } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db';
import { deskRules } from './tables';
import { DEFAULT_KPI_TARGETS, ZKpiTargets } from '../../../common/desk';
import { memoInTx } from '../../platform/tx-memo';

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const ZDeadlineRule = z.discriminatedUnion('clock', [
  z.object({ clock: z.literal('elapsed_minutes'), minutes: z.number().int().positive().max(24 * 60) }),
  z.object({ clock: z.literal('elapsed_hours'), hours: z.number().positive().max(24 * 90) }),
  z.object({ clock: z.literal('calendar_days'), days: z.number().int().min(0).max(365) }),
  z.object({ clock: z.literal('working_hours'), hours: z.number().positive().max(2000) }),
  z.object({ clock: z.literal('working_days'), days: z.number().int().min(0).max(250) }),
  z.object({ clock: z.literal('months'), months: z.number().int().min(1).max(12) }),
  z.object({ clock: z.literal('same_day'), cutoff: ZClock, nextDayBy: ZClock }),
]) satisfies z.ZodType<DeadlineRule>;

export const ZDeskRules = z.object({
  reply: ZDeadlineRule, // IN-05
  dispatch: ZDeadlineRule, // WO-02
  completion: z.object({ normal: ZDeadlineRule, emergency: ZDeadlineRule }), // repair timeliness (QI-05)
  followup: ZDeadlineRule, // WO-07
  progress: ZDeadlineRule, // WO-06
  followupSampleRate: z.number().min(0.3).max(1), // WO-07: at least 30% of free repairs
  followupRetryLimit: z.number().int().min(1).max(10),
  escalateAfterHours: z.number().min(0).max(240), // then the supervisor is told
  paidAppointment: ZDeadlineRule, // PS-04: a phone request hears its appointment time
  complaintFollowup: ZDeadlineRule, // CP-01: the follow-up after the complaint is resolved
  complaintContact: ZDeadlineRule, // CP-04: company-level complaints, first contact with the owner
  complaintProgress: ZDeadlineRule, // CP-04: progress to the quality department until closed
  repeatComplaintDays: z.number().int().min(1).max(366), // CP-02: the window of a repeat complaint
  requestTurnedComplaintDays: z.number().int().min(1).max(366), // CP-02: an unhandled request that came back as a complaint
  supervisorCheckRate: z.number().min(0.3).max(1), // RV-02
  managerCheckRate: z.number().min(0.1).max(1), // RV-02
  kpiTargets: ZKpiTargets.default(DEFAULT_KPI_TARGETS), // QI-05: the targets the SPEC gives numbers for
  rectification: ZDeadlineRule, // QI-04: an inspection finding rectified by the project
});
export type DeskRules = z.infer<typeof ZDeskRules>;

export const DEFAULT_DESK_RULES: DeskRules = {
  reply: { clock: 'elapsed_hours', hours: 24 },
  dispatch: { clock: 'same_day', cutoff: '20:00', nextDayBy: '10:00' },
  completion: { normal: { clock: 'calendar_days', days: 3 }, emergency: { clock: 'elapsed_hours', hours: 4 } },
  followup: { clock: 'calendar_days', days: 3 },
  progress: { clock: 'months', months: 1 },
  followupSampleRate: 0.3,
  followupRetryLimit: 3,
  escalateAfterHours: 2,
  paidAppointment: { clock: 'elapsed_minutes', minutes: 10 },
  complaintFollowup: { clock: 'calendar_days', days: 7 },
  complaintContact: { clock: 'elapsed_hours', hours: 24 },
  complaintProgress: { clock: 'calendar_days', days: 2 },
  repeatComplaintDays: 90,
  requestTurnedComplaintDays: 30,
  supervisorCheckRate: 0.3,
  managerCheckRate: 0.1,
  kpiTargets: DEFAULT_KPI_TARGETS,
  rectification: { clock: 'calendar_days', days: 7 },
};

export interface ProjectRules {
  rules: DeskRules;
  version: number;
}

export function rulesOf(db: DbOrTx, projectId: string): Promise<ProjectRules> {
  return memoInTx(db, `rules:${projectId}`, async () => {
    const [row] = await db.select().from(deskRules).where(eq(deskRules.projectId, projectId));
    // Rules saved before a setting existed take that setting's default.
    return row ? { rules: { ...DEFAULT_DESK_RULES, ...row.rules }, version: row.version } : { rules: DEFAULT_DESK_RULES, version: 0 };
  });
}
