// PT-01, PT-02, PT-03: a patrol finding, a vacant unit's problem or a failed facility check is handled by a
// work order opened through the desk's own command (openCase: a repair case and its first order, numbered,
// with their deadlines), so the order is dispatched, followed and counted like any other.
import { eq } from 'drizzle-orm';
import type { TRADES } from '../../../common/desk';
import type { CommandContext } from '../../platform/audit';
import type { Principal } from '../../platform/policy';
import { openCase } from '../cases/commands/create-case';
import { users } from '../people/tables';

export interface PatrolOrder {
  projectId: string;
  unitId?: string;
  location: string;
  description: string;
  trade: (typeof TRADES)[number];
  priority: 'normal' | 'emergency';
  department: 'engineering' | 'environment' | 'security';
}

export async function openPatrolOrder(ctx: CommandContext, p: Principal, o: PatrolOrder): Promise<{ id: string; number: string }> {
  const [me] = await ctx.tx.select({ name: users.displayName, phone: users.phone }).from(users).where(eq(users.id, p.userId));
  // PT-03: whoever records the failed check reports it, even a technician who cannot take calls at the desk.
  const actions = new Map(p.projectActions);
  actions.set(o.projectId, new Set([...(actions.get(o.projectId) ?? []), 'case.create']));
  const opened = await openCase(
    ctx,
    { ...p, projectActions: actions },
    {
      projectId: o.projectId,
      channel: 'note',
      category: 'repair',
      unitId: o.unitId,
      callerName: me?.name ?? '',
      callerPhone: me?.phone ?? '',
      content: `${o.location}：${o.description}`,
      confirmedWithCaller: true,
      order: o.unitId
        ? { trade: o.trade, priority: o.priority, locationKind: 'unit', description: o.description, department: o.department }
        : { trade: o.trade, priority: o.priority, locationKind: 'public', publicLocation: o.location.slice(0, 100), description: o.description, department: o.department },
    },
  );
  return { id: opened.order!.id, number: opened.order!.number };
}
