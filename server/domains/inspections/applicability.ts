// QI-01: where an item applies. Project kinds come from the project; "with vacant units" from its units
// now. Front desks and butler service are not yet recorded per project, so those items apply everywhere.
import { and, eq, sql } from 'drizzle-orm';
import type { TStandardItem } from '../../../common/inspections';
import type { DbOrTx } from '../../platform/db';
import { projects, units } from '../org/tables';

export async function applicableItems(db: DbOrTx, projectId: string, items: TStandardItem[]): Promise<TStandardItem[]> {
  const [p] = await db
    .select({ type: projects.type, vacant: sql<boolean>`exists (select 1 from ${units} where ${and(eq(units.projectId, projectId), eq(units.state, 'vacant'))})` })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!p) return [];
  return items.filter((i) => {
    switch (i.appliesTo) {
      case 'office':
        return p.type === 'office';
      case 'villa':
        return p.type === 'villa';
      case 'office_villa':
        return p.type === 'office' || p.type === 'villa';
      case 'vacant_units':
        return !!p.vacant;
      default:
        return true;
    }
  });
}
