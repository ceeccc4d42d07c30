// Saves an attachment: bytes to the storage, the record to the database, in the caller's transaction.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db';
import { invalidField } from '../../platform/errors';
import { MAX_UPLOAD_BYTES, sniffMime, UPLOAD_TYPES, type Storage } from '../../platform/storage';
import { attachments } from './tables';

export interface NewFile {
  companyId: string;
  projectId: string;
  // notices (NT-03), relations' activities and staff photos (CR-04, CR-05), patrol photos (PT-01, PT-02),
  // lost and found (FD-04)
  entity: 'case' | 'work_order' | 'notice' | 'community_activity' | 'staff_photo' | 'patrol_finding' | 'vacant_patrol' | 'lost_item' | 'rectification' | 'survey_measure';
  entityId: string;
  kind: string;
  name: string;
  bytes: Buffer;
  uploadedBy: string;
}

/**
 * A file name as shown and offered for download: no control or bidi-override characters (which make
 * "photo\u202Egnp.exe" read as "photoexe.png"), no path separators, no leading dots, at most 100 characters.
 */
export function cleanFileName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 100);
  return cleaned || 'file';
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
    .values({ id, companyId: f.companyId, projectId: f.projectId, entity: f.entity, entityId: f.entityId, kind: f.kind, name: cleanFileName(f.name), mime, size: f.bytes.length, storageKey, uploadedBy: f.uploadedBy })
    .returning();
  return row;
}

export const fileUrl = (id: string) => `/api/files/${id}`;
