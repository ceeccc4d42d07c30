// PT-01, PT-02: the project's patrol settings (heating season, intervals, recheck days), edited as a whole
// under its version by whoever sets the project's rules.
import { and, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZPatrolSettingsPut, ZPatrolSettingsView } from '../../../../common/patrols';
import { runCommand } from '../../../platform/audit';
import type { Db, DbOrTx } from '../../../platform/db';
import { notFound, staleVersion, updatedOrStale } from '../../../platform/errors';
import { authorize, can, type Principal } from '../../../platform/policy';
import { patrolSettingsOf } from '../rules';
import { patrolSettings } from '../tables';

type View = z.infer<typeof ZPatrolSettingsView>;

export async function readPatrolSettings(db: DbOrTx, p: Principal, projectId: string): Promise<View> {
  if (!can(p, 'patrol.read', projectId)) throw notFound();
  return { projectId, ...(await patrolSettingsOf(db, projectId)) };
}

export function putPatrolSettings(db: Db, p: Principal, projectId: string, input: z.infer<typeof ZPatrolSettingsPut>): Promise<View> {
  return runCommand(db, p, async (ctx) => {
    authorize(p, 'settings.write', projectId, 'patrol.read');
    const before = await patrolSettingsOf(ctx.tx, projectId);
    if (input.version === 0) {
      // The first save: the row does not exist yet; a concurrent first save loses on the primary key.
      if (before.version !== 0) throw staleVersion();
      const [row] = await ctx.tx.insert(patrolSettings).values({ projectId, companyId: p.companyId, settings: input.settings }).onConflictDoNothing().returning();
      if (!row) throw staleVersion();
    } else {
      updatedOrStale(
        await ctx.tx
          .update(patrolSettings)
          .set({ settings: input.settings, version: sql`${patrolSettings.version} + 1` })
          .where(and(eq(patrolSettings.projectId, projectId), eq(patrolSettings.version, input.version)))
          .returning({ v: patrolSettings.version }),
      );
    }
    await ctx.audit({ entity: 'patrol_settings', entityId: projectId, projectId, action: 'update', before: before.settings, after: input.settings });
    const [row] = await ctx.tx.select().from(patrolSettings).where(eq(patrolSettings.projectId, projectId));
    return { projectId, settings: row.settings, version: row.version };
  });
}
