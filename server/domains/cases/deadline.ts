// IN-05: every case is answered within 24 h of being received; the owner answers for it.
import type { Tx } from '../../platform/db';
import { dueAt } from '../../platform/clock';
import { workCalendar } from '../calendar/queries';
import { rulesOf } from '../deadlines/rules';
import { syncDeadlines } from '../deadlines/sync';
import type { cases } from './tables';

export async function syncReplyDeadline(tx: Tx, c: typeof cases.$inferSelect, now = new Date()): Promise<void> {
  const { rules } = await rulesOf(tx, c.projectId);
  const cal = await workCalendar(tx, c.companyId, c.projectId);
  await syncDeadlines(tx, { companyId: c.companyId, projectId: c.projectId, entity: 'case', entityId: c.id, ruleVersion: c.ruleVersion }, [
    { kind: 'reply', dueAt: dueAt(rules.reply, c.createdAt, cal), metAt: c.repliedAt ?? c.closedAt, responsibleId: c.ownerId },
  ], now);
}
