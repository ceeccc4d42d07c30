// a stored deadline as pages show it; a paused one (a typed wait) is never overdue.
import type { TDeadline } from '../../../common/desk';
import type { deadlines } from './tables';

export const presentDeadline = (d: typeof deadlines.$inferSelect, now: Date): TDeadline => ({
  kind: d.kind,
  dueAt: d.dueAt.toISOString(),
  metAt: d.metAt?.toISOString() ?? null,
  overdue: !d.metAt && !d.pausedAt && d.dueAt < now,
});
