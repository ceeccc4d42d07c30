// AR-02: a checklist document is filed as a stored file (a scan or phone photo, sealed at rest with
// the hash of its content kept) or marked as the paper original held in a cabinet. Replaced documents
// are retired with a reason, never deleted (AR-05).
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { TArchiveDetail, TArchiveKind, TDocumentFile } from '../../../../common/archives';
import { runCommand } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, invalidField, notFound } from '../../../platform/errors';
import type { Principal } from '../../../platform/policy';
import { MAX_UPLOAD_BYTES, sniffMime, UPLOAD_TYPES, type Storage } from '../../../platform/storage';
import type { Vault } from '../../../platform/vault';
import { checklistOf, recount } from '../checklist';
import { authorizeArchive } from '../policy';
import { archiveDetail, loadArchive } from '../queries';
import { archiveDocuments } from '../tables';

export function fileDocument(db: Db, p: Principal, deps: { storage: Storage; vault: Vault }, archiveId: string, input: TDocumentFile): Promise<TArchiveDetail> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const a = await loadArchive(tx, p, archiveId, 'archive.manage');
    if (a.retiredAt) throw new AppError(409, 'archive_retired');
    const items = await checklistOf(tx, a.companyId, a.kind as TArchiveKind);
    const item = items.find((i) => i.code === input.itemCode);
    if (!item) throw invalidField('itemCode', 'unknown_checklist_item');
    const id = randomUUID();
    let file: { mime: string; size: number; sha256: string; storageKey: string } | null = null;
    if (input.form === 'file') {
      if (!input.data) throw invalidField('data', 'file_required');
      const bytes = Buffer.from(input.data.replace(/^data:[^,]*,/, ''), 'base64');
      if (bytes.length > MAX_UPLOAD_BYTES) throw invalidField('data', 'file_too_large');
      const mime = sniffMime(bytes);
      if (!mime) throw invalidField('data', 'file_type');
      // AR-04: the stored bytes are sealed; the hash is of the content as filed.
      const storageKey = `${a.companyId}/${a.projectId}/archives/${id}.${UPLOAD_TYPES[mime]}.sealed`;
      await deps.storage.put(storageKey, deps.vault.seal(bytes));
      file = { mime, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storageKey };
    }
    await tx.insert(archiveDocuments).values({
      id,
      companyId: a.companyId,
      projectId: a.projectId,
      archiveId: a.id,
      itemCode: item.code,
      form: input.form,
      name: input.name || item.label,
      ...(file ?? {}),
      cabinet: input.cabinet || a.cabinet,
      createdBy: p.userId,
      createdAt: ctx.now,
    });
    const counted = await recount(tx, a.id, ctx.now);
    await ctx.audit({ entity: 'archive', entityId: a.id, projectId: a.projectId, action: 'file', after: { documentId: id, itemCode: item.code, form: input.form, sha256: file?.sha256 ?? null, missing: counted.missingCount } });
    return archiveDetail(tx, p, deps.vault, a.id, ctx.now);
  });
}

/** AR-05: a document filed in error is retired with a reason; it stays on record. */
export function retireDocument(db: Db, p: Principal, vault: Vault, documentId: string, reason: string): Promise<TArchiveDetail> {
  return runCommand(db, p, async (ctx) => {
    const { tx } = ctx;
    const [d] = await tx.select().from(archiveDocuments).where(and(eq(archiveDocuments.id, documentId), eq(archiveDocuments.companyId, p.companyId)));
    if (!d) throw notFound();
    authorizeArchive(p, 'archive.manage', d.projectId);
    const [done] = await tx
      .update(archiveDocuments)
      .set({ retiredAt: ctx.now, retiredReason: reason })
      .where(and(eq(archiveDocuments.id, d.id), isNull(archiveDocuments.retiredAt)))
      .returning({ id: archiveDocuments.id });
    if (!done) throw new AppError(409, 'document_retired');
    const counted = await recount(tx, d.archiveId, ctx.now);
    await ctx.audit({ entity: 'archive', entityId: d.archiveId, projectId: d.projectId, action: 'retire_document', after: { documentId: d.id, itemCode: d.itemCode, reason, missing: counted.missingCount } });
    return archiveDetail(tx, p, vault, d.archiveId, ctx.now);
  });
}
