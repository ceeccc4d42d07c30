// NT-01, NT-02: moves a notice through its state machine (policy.ts), each step one audited event:
// only an approved notice is published, only the project manager approves, and publishing stores the
// 24 h take-down deadline after the end of validity.
import { and, eq, sql } from 'drizzle-orm';
import { TAKE_DOWN_HOURS, type TNoticeDetail, type TNoticeStatus, type TNoticeTransition } from '../../../../common/notices';
import { runCommand } from '../../../platform/audit';
import { dueAt } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { AppError, forbidden, invalidField, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { workCalendar } from '../../calendar/queries';
import { syncDeadlines } from '../../deadlines/sync';
import { authorizeNotice, isProjectManager, NOTICE_TRANSITIONS } from '../policy';
import { loadNotice, noticeDetail } from '../queries';
import { notices } from '../tables';
import { briefingPublished } from '../briefing-deadline';
import { projectTimezone } from '../../org/queries';

export function transitionNotice(db: Db, p: Principal, id: string, input: TNoticeTransition, now?: Date): Promise<TNoticeDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const n = await loadNotice(tx, p, id);
      const t = NOTICE_TRANSITIONS[input.action];
      authorizeNotice(p, t.access, n.projectId);
      // NT-01: approval is the project manager's, not any holder of a company-wide grant.
      if (t.managerOnly && !isProjectManager(p, n.projectId)) throw forbidden();
      if (!t.from.includes(n.status as TNoticeStatus)) throw new AppError(409, t.refusal ?? 'illegal_transition');
      if (input.action === 'reject' && !input.reason) throw invalidField('reason', 'required');
      // NT-01: a template's blanks ({{日期}}, {{原因}} …) are filled in before the notice goes for approval.
      if (input.action === 'submit' && /\{\{[^}]*\}\}/.test(`${n.subject}${n.body}`)) throw invalidField('body', 'template_blank_unfilled');
      if (input.action === 'expire' && n.validUntil > ctx.now) throw new AppError(409, 'notice_still_valid');
      if (input.action === 'publish' && n.validUntil <= ctx.now) throw new AppError(409, 'notice_validity_passed');

      const set: Partial<typeof notices.$inferInsert> = { status: t.to };
      if (input.action === 'submit') set.submittedAt = ctx.now;
      if (input.action === 'approve') Object.assign(set, { approvedAt: ctx.now, approvedBy: p.userId });
      if (input.action === 'reject') set.submittedAt = null;
      if (input.action === 'publish') {
        // NT-02: an expired notice comes down within 24 h — wall-clock hours, nights and holidays included.
        const cal = await workCalendar(tx, n.companyId, n.projectId);
        Object.assign(set, { publishedAt: ctx.now, takeDownDueAt: dueAt({ clock: 'elapsed_hours', hours: TAKE_DOWN_HOURS }, n.validUntil, cal) });
      }
      if (input.action === 'expire') set.expiredAt = n.validUntil;
      if (input.action === 'take_down') set.takenDownAt = ctx.now;
      updatedOrStale(
        await tx
          .update(notices)
          .set({ ...set, version: sql`${notices.version} + 1` })
          .where(and(eq(notices.id, id), eq(notices.version, input.version), eq(notices.status, n.status)))
          .returning({ id: notices.id }),
      );
      // NT-02, X-01: the take-down due time goes to the shared deadlines (the sweeper tells the notice's
      // drafter, then the CS supervisor); taking the notice down meets it.
      if (input.action === 'publish' || input.action === 'take_down')
        await syncDeadlines(
          tx,
          { companyId: n.companyId, projectId: n.projectId, entity: 'notice', entityId: id, ruleVersion: 1 },
          [{ kind: 'nt_take_down', dueAt: set.takeDownDueAt ?? n.takeDownDueAt ?? n.validUntil, metAt: input.action === 'take_down' ? ctx.now : null, responsibleId: n.createdBy }],
          ctx.now,
        );
      // NT-05, X-01: the month's briefing published meets its publish-by-the-10th deadline
      if (input.action === 'publish' && n.kind === 'briefing' && n.period)
        await briefingPublished(tx, { companyId: n.companyId, projectId: n.projectId, period: n.period }, await projectTimezone(tx, n.projectId), ctx.now);
      await ctx.audit({
        entity: 'notice',
        entityId: id,
        projectId: n.projectId,
        action: input.action,
        before: { status: n.status },
        after: { status: t.to, ...(input.reason ? { reason: input.reason } : {}), ...(set.takeDownDueAt ? { takeDownDueAt: set.takeDownDueAt } : {}) },
      });
      return noticeDetail(tx, p, id, ctx.now);
    },
    now,
  );
}
