// PT-01, PT-02: photos taken on the housekeeper's phone, stored as attachments of the finding or the
// vacant-unit patrol, served only to readers of its project.
import { and, eq, inArray } from 'drizzle-orm';
import type { TPhoto } from '../../../common/patrols';
import type { CommandContext } from '../../platform/audit';
import type { DbOrTx } from '../../platform/db';
import type { Storage } from '../../platform/storage';
import { saveAttachment } from '../files/store';
import { attachments } from '../files/tables';

export type PhotoEntity = 'patrol_finding' | 'vacant_patrol';

export const photoUrl = (id: string) => `/api/patrol-photos/${id}`;

export async function savePhotos(
  ctx: CommandContext,
  storage: Storage,
  owner: { companyId: string; projectId: string; entity: PhotoEntity; entityId: string; uploadedBy: string },
  photos: { name: string; data: string }[],
): Promise<TPhoto[]> {
  const out: TPhoto[] = [];
  for (const [i, ph] of photos.entries()) {
    const bytes = Buffer.from(ph.data.replace(/^data:[^,]*,/, ''), 'base64');
    const row = await saveAttachment(ctx.tx, storage, { ...owner, kind: 'photo', name: ph.name, bytes }, `photos.${i}.data`);
    out.push({ id: row.id, name: row.name, url: photoUrl(row.id) });
  }
  return out;
}

/** The photos of many records in one read, by record id. */
export async function photosOf(db: DbOrTx, entity: PhotoEntity, ids: string[]): Promise<Map<string, TPhoto[]>> {
  const out = new Map<string, TPhoto[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ id: attachments.id, name: attachments.name, entityId: attachments.entityId })
    .from(attachments)
    .where(and(eq(attachments.entity, entity), inArray(attachments.entityId, ids)))
    .orderBy(attachments.createdAt);
  for (const r of rows) out.set(r.entityId, [...(out.get(r.entityId) ?? []), { id: r.id, name: r.name, url: photoUrl(r.id) }]);
  return out;
}
