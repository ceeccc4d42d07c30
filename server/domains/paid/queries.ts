// PS-01: the public price list of a project (for the desk, the lobby and the future resident portal).
import { and, asc, eq } from 'drizzle-orm';
import { SERVICE_CATEGORIES, type TPriceList, type TServiceItem } from '../../../common/paid';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { projects } from '../org/tables';
import { EXCLUDED_SERVICES } from './catalog';
import { serviceItems } from './tables';

export const presentItem = (i: typeof serviceItems.$inferSelect): TServiceItem => ({
  id: i.id,
  projectId: i.projectId,
  category: i.category as TServiceItem['category'],
  name: i.name,
  unit: i.unit,
  price: i.price,
  note: i.note,
  active: i.active,
  version: i.version,
});

/** Public: prices are published (PS-01), so no sign-in; retired items are left out unless asked for by staff. */
export async function priceList(db: DbOrTx, projectId: string, includeRetired = false): Promise<TPriceList> {
  const [project] = await db.select({ id: projects.id, name: projects.name }).from(projects).where(eq(projects.id, projectId));
  if (!project) throw notFound();
  const rows = await db
    .select()
    .from(serviceItems)
    .where(and(eq(serviceItems.projectId, projectId), includeRetired ? undefined : eq(serviceItems.active, true)))
    .orderBy(asc(serviceItems.sort), asc(serviceItems.name));
  // Categories in the catalogue's own order (water and electrical first), items as the desk arranged them.
  const rank = (c: string) => SERVICE_CATEGORIES.indexOf(c as (typeof SERVICE_CATEGORIES)[number]);
  rows.sort((a, b) => rank(a.category) - rank(b.category));
  return { projectId, projectName: project.name, currency: 'CNY', excluded: EXCLUDED_SERVICES, items: rows.map(presentItem) };
}
