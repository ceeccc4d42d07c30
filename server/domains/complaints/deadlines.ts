// CP-01, CP-04: a complaint's own deadlines (the 24 h reply is the case's): the follow-up within a week
// of the resolution; for company-level complaints the owner contacted within 24 h and a progress
// report to the quality department every 2 days until closed.
import type { Tx } from '../../platform/db';
import { dueAt } from '../../platform/clock';
import { workCalendar } from '../calendar/queries';
import { rulesOf } from '../deadlines/rules';
import { syncDeadlines, type ComputedDeadline } from '../deadlines/sync';
import type { complaints } from './tables';

export async function syncComplaintDeadlines(tx: Tx, k: typeof complaints.$inferSelect, caseOwnerId: string, now: Date): Promise<void> {
  const { rules } = await rulesOf(tx, k.projectId);
  const cal = await workCalendar(tx, k.companyId, k.projectId);
  const closed = k.status === 'closed';
  const out: ComputedDeadline[] = [];
  if (k.resolvedAt) out.push({ kind: 'cp_followup', dueAt: dueAt(rules.complaintFollowup, k.resolvedAt, cal), metAt: k.followedUpAt, responsibleId: caseOwnerId });
  if (k.companyLevel) {
    out.push({ kind: 'cp_contact', dueAt: dueAt(rules.complaintContact, k.createdAt, cal), metAt: k.contactedAt ?? (closed ? k.followedUpAt : null), responsibleId: k.handlerId });
    out.push({ kind: 'cp_progress', dueAt: dueAt(rules.complaintProgress, k.lastProgressAt ?? k.createdAt, cal), metAt: closed ? k.followedUpAt : null, responsibleId: k.handlerId });
  }
  await syncDeadlines(tx, { companyId: k.companyId, projectId: k.projectId, entity: 'complaint', entityId: k.id, ruleVersion: k.ruleVersion }, out, now);
}
