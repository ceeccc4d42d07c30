// Uploads (photos before/after, case documents) as base64 JSON from the phone or desk, and downloads
// checked against the record they belong to.
import { and, eq } from 'drizzle-orm';
import * as z from 'zod';
import { ZAttachment } from '../../../common/desk';
import { ZIdParams } from '../../../common/shared';
import { runCommand } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { attachmentOf, sendAttachment } from './serve';
import { principal, type App, type Deps } from '../../platform/http';
import { loadCaseRow } from '../cases/queries';
import { cases } from '../cases/tables';
import { can } from '../../platform/policy';
import { workOrders } from '../workorders/tables';
import { loadOrderRow } from '../workorders/queries';
import { fileUrl, saveAttachment } from './store';

const ZUpload = z.object({
  entity: z.enum(['case', 'work_order']),
  entityId: z.uuid(),
  kind: z.enum(['photo', 'before', 'after', 'document']),
  name: z.string().trim().min(1).max(100),
  data: z.string().max(7_200_000), // base64 of at most 5 MB
});

export function fileRoutes(app: App, { db, storage }: Deps) {
  app.post(
    '/api/files',
    { schema: { body: ZUpload, response: { 201: ZAttachment } }, config: { access: 'wo.read' }, bodyLimit: 8 * 1024 * 1024 },
    async (req, reply) => {
      const p = principal(req);
      const b = req.body;
      const row = await runCommand(db, p, async ({ tx, audit }) => {
        // Whoever may see the record may add a photo to it (the technician to their own order).
        const projectId = b.entity === 'case' ? (await loadCaseRow(tx, p, b.entityId)).c.projectId : (await loadOrderRow(tx, p, b.entityId)).o.projectId;
        const bytes = Buffer.from(b.data.replace(/^data:[^,]*,/, ''), 'base64');
        const saved = await saveAttachment(tx, storage, { companyId: p.companyId, projectId, entity: b.entity, entityId: b.entityId, kind: b.kind, name: b.name, bytes, uploadedBy: p.userId }, 'data');
        await audit({ entity: b.entity, entityId: b.entityId, projectId, action: 'attach', after: { fileId: saved.id, kind: b.kind, name: saved.name } });
        return saved;
      });
      return reply.status(201).send({ id: row.id, kind: row.kind, name: row.name, mime: row.mime, size: row.size, url: fileUrl(row.id) });
    },
  );

  // A case's files travel with its orders: the technician of one of its orders may open them too.
  async function readableCase(p: ReturnType<typeof principal>, caseId: string) {
    const [kase] = await db.select({ projectId: cases.projectId }).from(cases).where(eq(cases.id, caseId));
    if (kase && can(p, 'case.read', kase.projectId)) return;
    const mine = await db.select({ id: workOrders.id }).from(workOrders).where(and(eq(workOrders.caseId, caseId), eq(workOrders.assigneeId, p.userId)));
    if (!mine.length) throw notFound();
  }

  app.get('/api/files/:id', { schema: { params: ZIdParams }, config: { access: 'wo.read' } }, async (req, reply) => {
    const p = principal(req);
    const f = await attachmentOf(db, p, req.params.id, ['case', 'work_order']);
    if (f.entity === 'case') await readableCase(p, f.entityId);
    else await loadOrderRow(db, p, f.entityId);
    return sendAttachment(reply, storage, f);
  });
}
