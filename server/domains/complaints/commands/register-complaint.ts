// CP-01..CP-04: the desk records a complaint as a case (reply within 24 h, IN-05) with its type; a major
// complaint tells the project manager and the quality department at once; a company-level one gets its
// contact and progress deadlines; the CP-02 flags are raised in the same transaction.
import type { TComplaintCreate, TComplaintDetail } from '../../../../common/complaints';
import { COMPANY_CHANNELS } from '../../../../common/desk';
import { runCommand, type CommandContext } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import type { Principal } from '../../../platform/policy';
import { prepareCase } from '../../cases/commands/create-case';
import { syncComplaintDeadlines } from '../deadlines';
import { flagsOnRegister } from '../flags';
import { notifyMajor } from '../notify-major';
import { complaintDetail } from '../queries';
import { complaints } from '../tables';

/** `also` runs inside the same transaction once the complaint is written (the portal's audit and the clerk's
 *  notice: one commit, so a resident's complaint never stands without them). */
export async function registerComplaint(
  db: Db,
  p: Principal,
  input: TComplaintCreate,
  now?: Date,
  also?: (ctx: CommandContext, made: { id: string; caseId: string; caseNumber: string }) => Promise<void>,
): Promise<TComplaintDetail> {
  const made = await runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const { type, majorReasons, relatedCaseId, ...caseInput } = input;
      // The case is checked and built first; its KF number is taken last (issue 11: the project's number
      // row stays locked only from there to COMMIT). The complaint and its flags refer to the case before
      // it is written: those foreign keys are checked at COMMIT (migration 0007).
      const prepared = await prepareCase(ctx, p, { ...caseInput, category: 'complaint' });
      const { kase, rules, ruleVersion: version } = prepared;
      const [k] = await tx
        .insert(complaints)
        .values({
          companyId: p.companyId,
          projectId: kase.projectId,
          caseId: kase.id,
          type,
          severity: majorReasons.length ? 'major' : 'normal',
          majorReasons,
          companyLevel: COMPANY_CHANNELS.includes(input.channel),
          ruleVersion: version,
          createdAt: ctx.now,
        })
        .returning();
      await flagsOnRegister(tx, kase, type, relatedCaseId, rules);
      await syncComplaintDeadlines(tx, k, kase.ownerId, ctx.now);
      await prepared.write();
      await ctx.audit({ entity: 'complaint', entityId: k.id, projectId: k.projectId, action: 'create', after: { caseNumber: kase.number, type, majorReasons, companyLevel: k.companyLevel } });
      if (k.severity === 'major') await notifyMajor(tx, k, kase.number, ctx.now);
      await also?.(ctx, { id: k.id, caseId: kase.id, caseNumber: kase.number });
      return { id: k.id, at: ctx.now };
    },
    now,
  );
  // The answer is read after COMMIT, so no read holds the number row.
  return complaintDetail(db, p, made.id, made.at);
}
