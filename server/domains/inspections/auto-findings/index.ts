// QI-03: the items an inspection computes from the system's own data. A registry: item code of the
// standard → the grant it reads under and a function of the project and month returning the count of
// non-conformities and the records that prove them ("kind:id", at most 200). Each item reads its
// domain's monthly figures (one query per project and month, read once per inspection) and, where the
// figures give counts only, one indexed query for the ids. Items without an entry stay manual.
import type { DbOrTx } from '../../../platform/db';
import { can, type Principal } from '../../../platform/policy';
import { ARCHIVE_ITEMS } from './archives';
import { makeContext, type AutoFinding, type AutoItem } from './context';
import { DESK_ITEMS } from './desk';
import { FRONTDESK_ITEMS } from './frontdesk';
import { NOTICE_ITEMS } from './notices';
import { PATROL_ITEMS } from './patrols';
import { RELATION_ITEMS } from './relations';
import { SURVEY_ITEMS } from './surveys';

export type { AutoFinding, AutoItem } from './context';

export const AUTO_ITEMS: Record<string, AutoItem> = {
  ...ARCHIVE_ITEMS,
  ...DESK_ITEMS,
  ...NOTICE_ITEMS,
  ...RELATION_ITEMS,
  ...FRONTDESK_ITEMS,
  ...PATROL_ITEMS,
  ...SURVEY_ITEMS,
};

/** Whether the principal computes the item for the project (the item exists and its figures are readable). */
export const computable = (p: Principal, projectId: string, code: string) => !!AUTO_ITEMS[code] && can(p, AUTO_ITEMS[code].access, projectId);

/**
 * Computes every registered item the standard contains, one after the other on the caller's connection
 * (the inspection's transaction); items with nothing wrong yield no finding.
 */
export async function computeFindings(db: DbOrTx, p: Principal, projectId: string, month: string, itemCodes: string[], now = new Date()) {
  const ctx = makeContext(db, p, projectId, month, now);
  const results: ({ code: string } & AutoFinding)[] = [];
  for (const code of itemCodes.filter((c) => computable(p, projectId, c))) results.push({ code, ...(await AUTO_ITEMS[code].compute(ctx)) });
  return results.filter((r) => r.count > 0);
}
