// Saves an attachment: bytes to the storage, the record to the database, in the caller's transaction.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db';
import { invalidField } from '../../platform/errors';
import { MAX_UPLOAD_BYTES, sniffMime, UPLOAD_TYPES, type Storage } from '../../platform/storage';
import { attachments } from './tables';

export interface NewFile {
  companyId: string;
  projectId: string;
  entity: 'case' | 'work_order';
  entityId: string;
  kind: string;
  name: string;
  bytes: Buffer;
  uploadedBy: string;
}

export async function saveAttachment(tx: Tx, storage: Storage, f: NewFile, field = 'file') {
  if (f.bytes.length > MAX_UPLOAD_BYTES) throw invalidField(field, 'file_too_large');
  const mime = sniffMime(f.bytes);
  if (!mime) throw invalidField(field, 'file_type');
  const id = randomUUID();
  const storageKey = `${f.companyId}/${f.projectId}/${id}.${UPLOAD_TYPES[mime]}`;
  await storage.put(storageKey, f.bytes);
  const [row] = await tx
    .insert(attachments)
    .values({ id, companyId: f.companyId, projectId: f.projectId, entity: f.entity, entityId: f.entityId, kind: f.kind, name: f.name.slice(0, 100), mime, size: f.bytes.length, storageKey, uploadedBy: f.uploadedBy })
    .returning();
  return row;
}

export const fileUrl = (id: string) => `/api/files/${id}`;
