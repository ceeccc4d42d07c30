// NT-01: customer service drafts a notice — numbered at once with the company scheme (翠湖-通-2026-018),
// titled from the template 关于…的通知 — and edits it while it is a draft.
import { and, eq, sql } from 'drizzle-orm';
import { noticeNumber, noticeTitle, projectShortName, type TNoticeDetail, type TNoticeDraft, type TNoticeKind, type TNoticeUpdate } from '../../../../common/notices';
import { diff, runCommand } from '../../../platform/audit';
import { toLocal } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, updatedOrStale } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { nextInSequence } from '../../../platform/sequence';
import { projects } from '../../org/tables';
import { authorizeNotice } from '../policy';
import { loadNotice, noticeDetail } from '../queries';
import { notices } from '../tables';
import { checkValidity, validUntilOf } from '../validity';

export function draftNotice(db: Db, p: Principal, input: TNoticeDraft, now?: Date): Promise<TNoticeDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      authorizeNotice(p, 'notice.draft', input.projectId);
      const [project] = await tx.select().from(projects).where(and(eq(projects.id, input.projectId), eq(projects.companyId, p.companyId)));
      if (!project) throw invalidField('projectId', 'unknown_project');
      const v = checkValidity(input.kind, input);
      const year = Number(toLocal(ctx.now, project.timezone).date.slice(0, 4));
      // WO-01: the number is taken just before the insert that carries it; the sequence row stays locked to COMMIT.
      const n = await nextInSequence(tx, project.companyId, project.id, 'notice', year);
      const [row] = await tx
        .insert(notices)
        .values({
          companyId: project.companyId,
          projectId: project.id,
          number: noticeNumber(projectShortName(project.name), year, n),
          kind: input.kind,
          template: input.template,
          subject: input.subject,
          title: noticeTitle(input.subject),
          body: input.body,
          period: v.period,
          boardLocation: input.boardLocation,
          validFrom: v.validFrom,
          validTo: v.validTo,
          validUntil: validUntilOf(v.validTo, project.timezone),
          createdBy: p.userId,
          createdAt: ctx.now,
        })
        .returning();
      await ctx.audit({ entity: 'notice', entityId: row.id, projectId: row.projectId, action: 'draft', after: { number: row.number, title: row.title, kind: row.kind, validFrom: row.validFrom, validTo: row.validTo } });
      return noticeDetail(tx, p, row.id, ctx.now);
    },
    now,
  );
}

export function updateNotice(db: Db, p: Principal, id: string, input: TNoticeUpdate, now?: Date): Promise<TNoticeDetail> {
  return runCommand(
    db,
    p,
    async (ctx) => {
      const { tx } = ctx;
      const before = await loadNotice(tx, p, id, 'notice.draft');
      // NT-01: what the manager approved is what gets posted — only a draft changes.
      if (before.status !== 'draft') throw new AppError(409, 'illegal_transition');
      const { version, ...patch } = input;
      const v = checkValidity(before.kind as TNoticeKind, { validFrom: patch.validFrom ?? before.validFrom, validTo: patch.validTo ?? before.validTo, period: patch.period ?? before.period });
      const [project] = await tx.select({ timezone: projects.timezone }).from(projects).where(eq(projects.id, before.projectId));
      const set = {
        ...patch,
        ...v,
        ...(patch.subject ? { title: noticeTitle(patch.subject) } : {}),
        validUntil: validUntilOf(v.validTo, project.timezone),
      };
      updatedOrStale(
        await tx
          .update(notices)
          .set({ ...set, version: sql`${notices.version} + 1` })
          .where(and(eq(notices.id, id), eq(notices.version, version)))
          .returning({ id: notices.id }),
      );
      const { validUntil: _u, ...shown } = set;
      await ctx.audit({ entity: 'notice', entityId: id, projectId: before.projectId, action: 'update', ...diff(before as Record<string, unknown>, shown) });
      return noticeDetail(tx, p, id, ctx.now);
    },
    now,
  );
}
