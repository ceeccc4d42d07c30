// Fresh customer-relations records for tests that write (CR-01..CR-05), in a given project.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { createKeyCustomer } from '../domains/relations/commands/key-customers';
import { planActivity } from '../domains/relations/commands/activities';
import { communityActivities, keyCustomers, visitPlans } from '../domains/relations/tables';
import { principalOf, userId } from './desk';

let quarters = 0;
/** CR-01: a different past quarter on every call (1990-Q1, 1990-Q2, …), for reviewing each once. */
export function nextPastQuarter(): string {
  const n = quarters++;
  return `${1990 + Math.floor(n / 4)}-Q${(n % 4) + 1}`;
}
let months = 0;
/** CR-02: a different month on every call, for a new plan each time. */
export function nextPlanMonth(): string {
  const n = months++;
  return `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function relationFixtures(db: Db, key: string, projectId: string) {
  return {
    /** A key customer listed just now by the CS supervisor (a body, not a registered customer). */
    async keyCustomer() {
      const id = await createKeyCustomer(db, await principalOf(db, `${key}-super`), projectId, { name: '社区居委会', phone: '021-5555 1234', reasons: ['neighbourhood_committee'], note: '' });
      const [k] = await db.select().from(keyCustomers).where(eq(keyCustomers.id, id));
      return k;
    },
    /** An activity planned just now, not yet held. */
    async activity() {
      const id = await planActivity(db, await principalOf(db, `${key}-super`), { projectId, year: 2026, kind: 'activity', title: '中秋游园会', plannedOn: '2026-09-20', note: '' });
      const [a] = await db.select().from(communityActivities).where(and(eq(communityActivities.id, id), isNull(communityActivities.heldOn)));
      return a;
    },
    keeperId: () => userId(db, `${key}-keeper`),
    async plan() {
      const [p] = await db.select().from(visitPlans).where(eq(visitPlans.projectId, projectId)).limit(1);
      return p;
    },
  };
}
