// Downloads of stored attachments, shared by every domain that keeps photos or signatures: the file is
// found within the caller's company and among the owner kinds the route serves, the route checks the
// record it belongs to, and the bytes always go out as a download.
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/policy';
import type { Storage } from '../../platform/storage';
import { cleanFileName } from './store';
import { attachments } from './tables';

export type Attachment = typeof attachments.$inferSelect;

/** An attachment of the caller's company owned by one of `entities`, or 404. */
export async function attachmentOf(db: DbOrTx, p: Principal, id: string, entities: readonly string[]): Promise<Attachment> {
  const [f] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.companyId, p.companyId), inArray(attachments.entity, [...entities])));
  if (!f) throw notFound();
  return f;
}

/**
 * Always a download (an <img> still shows it): a file whose bytes pass for an image but hold markup is
 * never rendered as a page of our origin; nosniff and the CSP come from the security frame.
 */
export async function sendAttachment(reply: FastifyReply, storage: Storage, f: Attachment) {
  const bytes = await storage.get(f.storageKey);
  if (!bytes) throw notFound();
  return reply.type(f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(cleanFileName(f.name))}`).send(bytes);
}
