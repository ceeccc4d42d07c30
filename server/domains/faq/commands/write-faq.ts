// IN-06: supervisors keep the FAQ; saving an entry counts as its review.
import { and, eq, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZFaqUpdate, ZFaqWrite } from '../../../../common/desk';
import { diff, runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound, updatedOrStale } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { presentFaq } from '../queries';
import { faqEntries } from '../tables';

export function createFaq(db: Db, p: Principal, input: z.infer<typeof ZFaqWrite>) {
  return runCommand(db, p, async ({ tx, audit, now }) => {
    authorize(p, 'faq.write', input.projectId, 'case.read');
    const [f] = await tx.insert(faqEntries).values({ companyId: p.companyId, ...input, reviewedAt: now }).returning();
    await audit({ entity: 'faq', entityId: f.id, projectId: f.projectId, action: 'create', after: input });
    return presentFaq(f, now);
  });
}

export function updateFaq(db: Db, p: Principal, id: string, input: z.infer<typeof ZFaqUpdate>) {
  return runCommand(db, p, async ({ tx, audit, now }) => {
    const [before] = await tx.select().from(faqEntries).where(and(eq(faqEntries.id, id), eq(faqEntries.companyId, p.companyId)));
    if (!before) throw notFound();
    authorize(p, 'faq.write', before.projectId, 'case.read');
    const { version, ...patch } = input;
    const f = updatedOrStale(
      await tx
        .update(faqEntries)
        .set({ ...patch, reviewedAt: now, version: sql`${faqEntries.version} + 1` })
        .where(and(eq(faqEntries.id, id), eq(faqEntries.version, version)))
        .returning(),
    );
    await audit({ entity: 'faq', entityId: id, projectId: f.projectId, action: 'review', ...diff(before, patch) });
    return presentFaq(f, now);
  });
}
