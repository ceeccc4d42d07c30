// FD-03: the manager or a delegate (supervisor or above) logs a review of recorded calls — which call,
// how many minutes, what was found — optionally in the shift's handover log. The week is stored with it.
import { and, eq } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZReviewCreate } from '../../../../common/frontdesk';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { invalidField } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { authorizeFrontdesk } from '../policy';
import { callReviews, shiftLogs } from '../tables';
import { projectToday, weekStartOf } from '../time';

export function logReview(db: Db, p: Principal, input: z.infer<typeof ZReviewCreate>, now?: Date): Promise<{ id: string }> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      authorizeFrontdesk(p, 'frontdesk.review', input.projectId);
      const { today } = await projectToday(tx, input.projectId, ctx.now);
      if (input.reviewedOn > today) throw invalidField('reviewedOn', 'date_in_future');
      if (input.shiftLogId) {
        const [log] = await tx.select({ id: shiftLogs.id }).from(shiftLogs).where(and(eq(shiftLogs.id, input.shiftLogId), eq(shiftLogs.projectId, input.projectId)));
        if (!log) throw invalidField('shiftLogId', 'unknown_shift_log');
      }
      const [row] = await tx
        .insert(callReviews)
        .values({ companyId: p.companyId, projectId: input.projectId, reviewerId: p.userId, reviewedOn: input.reviewedOn, weekStart: weekStartOf(input.reviewedOn), recording: input.recording, minutes: input.minutes, findings: input.findings, shiftLogId: input.shiftLogId ?? null, createdAt: ctx.now })
        .returning({ id: callReviews.id });
      await ctx.audit({ entity: 'call_review', entityId: row.id, projectId: input.projectId, action: 'log', after: { reviewedOn: input.reviewedOn, minutes: input.minutes } });
      return row;
    },
    now,
  );
}
