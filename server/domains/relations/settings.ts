// CR-02..CR-05: each project's visit, activity and article targets. Defaults follow the SPEC for the
// project's service level and type; a saved setting overrides them and is versioned (X-01 style).
import { eq, sql } from 'drizzle-orm';
import { defaultTargets, type TRelationSettings, type TRelationTargets } from '../../../common/relations';
import { runCommand } from '../../platform/audit';
import type { Db, DbOrTx } from '../../platform/db';
import { invalidField, notFound, staleVersion } from '../../platform/errors';
import type { Principal } from '../../platform/policy';
import { buildings, projects } from '../org/tables';
import { userRoles } from '../people/tables';
import { authorizeRelations } from './policy';
import { relationSettings } from './tables';

export async function settingsOf(db: DbOrTx, projectId: string): Promise<TRelationSettings & { serviceLevel: number; type: string; name: string }> {
  const [row] = await db
    .select({ serviceLevel: projects.serviceLevel, type: projects.type, name: projects.name, targets: relationSettings.targets, version: relationSettings.version })
    .from(projects)
    .leftJoin(relationSettings, eq(relationSettings.projectId, projects.id))
    .where(eq(projects.id, projectId));
  if (!row) throw notFound();
  const base = defaultTargets(row.serviceLevel, row.type);
  return { serviceLevel: row.serviceLevel, type: row.type, name: row.name, targets: row.targets ? { ...base, ...row.targets } : base, version: row.version ?? 0 };
}

export function saveSettings(db: Db, p: Principal, projectId: string, input: { targets: TRelationTargets; version: number }): Promise<TRelationSettings> {
  return runCommand(db, p, async (ctx) => {
    authorizeRelations(p, 'settings.write', projectId);
    const { tx } = ctx;
    const before = await settingsOf(tx, projectId);
    if (before.version !== input.version) throw staleVersion();
    // CR-05: a building's housekeeper is one of the project's housekeepers.
    const ids = Object.keys(input.targets.keeperBuildings);
    if (ids.length) {
      const own = new Set((await tx.select({ id: buildings.id }).from(buildings).where(eq(buildings.projectId, projectId))).map((b) => b.id));
      if (ids.some((b) => !own.has(b))) throw invalidField('targets.keeperBuildings', 'unknown_building');
      const keepers = new Set(
        (await tx.select({ id: userRoles.userId }).from(userRoles).where(sql`${userRoles.projectId} = ${projectId} and ${userRoles.role} = 'housekeeper'`)).map((r) => r.id),
      );
      if (Object.values(input.targets.keeperBuildings).some((u) => !keepers.has(u))) throw invalidField('targets.keeperBuildings', 'not_housekeeper');
    }
    const [row] = await tx
      .insert(relationSettings)
      .values({ projectId, companyId: p.companyId, targets: input.targets, version: before.version + 1 })
      .onConflictDoUpdate({ target: relationSettings.projectId, set: { targets: input.targets, version: sql`${relationSettings.version} + 1` }, where: eq(relationSettings.version, input.version) })
      .returning();
    if (!row) throw staleVersion();
    await ctx.audit({ entity: 'relation_settings', entityId: projectId, projectId, action: 'update', before: before.targets, after: input.targets });
    return { targets: row.targets, version: row.version };
  });
}
