// CR-04: the yearly plan of community activities and plant-room open days, each then recorded as held
// with its photos; articles sent to the company magazine. CR-05: a housekeeper's photo for the lobby card.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type * as z from 'zod';
import type { ZActivityCreate, ZActivityHeld, ZArticleCreate, ZStaffPhoto } from '../../../../common/relations';
import { runCommand } from '../../../platform/audit';
import { toLocal } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, notFound, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import type { Storage } from '../../../platform/storage';
import { saveAttachment } from '../../files/store';
import { projectTimezone } from '../../org/queries';
import { userRoles } from '../../people/tables';
import { authorizeRelations } from '../policy';
import { communityActivities, magazineArticles } from '../tables';

const bytesOf = (data: string) => Buffer.from(data.replace(/^data:[^,]*,/, ''), 'base64');

export function planActivity(db: Db, p: Principal, input: z.infer<typeof ZActivityCreate>): Promise<string> {
  return runCommand(db, p, async (ctx) => {
    authorizeRelations(p, 'relations.manage', input.projectId);
    if (!input.plannedOn.startsWith(`${input.year}-`)) throw invalidField('plannedOn', 'wrong_year');
    const [a] = await ctx.tx
      .insert(communityActivities)
      .values({ companyId: p.companyId, projectId: input.projectId, year: input.year, kind: input.kind, title: input.title, plannedOn: input.plannedOn, note: input.note, createdBy: p.userId, createdAt: ctx.now })
      .returning();
    await ctx.audit({ entity: 'community_activity', entityId: a.id, projectId: a.projectId, action: 'plan', after: { kind: a.kind, title: a.title, plannedOn: a.plannedOn } });
    return a.id;
  });
}

export function recordHeld(db: Db, storage: Storage, p: Principal, id: string, input: z.infer<typeof ZActivityHeld>): Promise<string> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const [before] = await tx.select().from(communityActivities).where(and(eq(communityActivities.id, id), eq(communityActivities.companyId, p.companyId)));
    if (!before) throw notFound();
    authorizeRelations(p, 'relations.manage', before.projectId);
    if (before.heldOn) throw new AppError(409, 'activity_held');
    const today = toLocal(ctx.now, await projectTimezone(tx, before.projectId)).date;
    if (input.heldOn > today) throw invalidField('heldOn', 'held_in_future');
    updatedOrStale(
      await tx
        .update(communityActivities)
        .set({ heldOn: input.heldOn, participants: input.participants, summary: input.summary, version: sql`${communityActivities.version} + 1` })
        .where(and(eq(communityActivities.id, id), eq(communityActivities.version, input.version), isNull(communityActivities.heldOn)))
        .returning({ id: communityActivities.id }),
    );
    const photos = [];
    for (const [i, f] of input.photos.entries())
      photos.push(await saveAttachment(tx, storage, { companyId: p.companyId, projectId: before.projectId, entity: 'community_activity', entityId: id, kind: 'photo', name: f.name, bytes: bytesOf(f.data), uploadedBy: p.userId }, `photos.${i}.data`));
    await ctx.audit({ entity: 'community_activity', entityId: id, projectId: before.projectId, action: 'held', after: { heldOn: input.heldOn, participants: input.participants, photos: photos.map((x) => x.id) } });
    return id;
  });
}

export function recordArticle(db: Db, p: Principal, input: z.infer<typeof ZArticleCreate>): Promise<string> {
  return runCommand(db, p, async (ctx) => {
    authorizeRelations(p, 'relations.manage', input.projectId);
    const today = toLocal(ctx.now, await projectTimezone(ctx.tx, input.projectId)).date;
    if (input.sentOn > today) throw invalidField('sentOn', 'sent_in_future');
    const [a] = await ctx.tx
      .insert(magazineArticles)
      .values({ companyId: p.companyId, projectId: input.projectId, month: input.sentOn.slice(0, 7), title: input.title, author: input.author, sentOn: input.sentOn, createdBy: p.userId, createdAt: ctx.now })
      .returning();
    await ctx.audit({ entity: 'magazine_article', entityId: a.id, projectId: a.projectId, action: 'create', after: { title: a.title, sentOn: a.sentOn } });
    return a.id;
  });
}

/** CR-05: the photo on a housekeeper's lobby card; the newest one counts. */
export function saveStaffPhoto(db: Db, storage: Storage, p: Principal, input: z.infer<typeof ZStaffPhoto>): Promise<string> {
  return runCommand(db, p, async (ctx) => {
    authorizeRelations(p, 'relations.manage', input.projectId);
    const [staff] = await ctx.tx.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.userId, input.userId), eq(userRoles.projectId, input.projectId))).limit(1);
    if (!staff) throw invalidField('userId', 'not_project_staff');
    const f = await saveAttachment(ctx.tx, storage, { companyId: p.companyId, projectId: input.projectId, entity: 'staff_photo', entityId: input.userId, kind: 'photo', name: input.name, bytes: bytesOf(input.data), uploadedBy: p.userId }, 'data');
    await ctx.audit({ entity: 'staff_photo', entityId: input.userId, projectId: input.projectId, action: 'create', after: { fileId: f.id } });
    return f.id;
  });
}
