// AR-01..AR-05 over HTTP: archives, their documents and checklists, the inspection figures, the view log.
import { and, eq } from 'drizzle-orm';
import * as z from 'zod';
import {
  ZAccessLog,
  ZAccessLogQuery,
  ZArchiveDetail,
  ZArchiveFigures,
  ZArchiveList,
  ZArchiveListQuery,
  ZArchiveOpen,
  ZArchiveUpdate,
  ZChecklistPut,
  ZChecklists,
  ZDocumentFile,
  ZDocumentRetire,
  ZFloorGrid,
  ZFloorGridQuery,
  ZKindParams,
  ZMonthQuery,
  ZRetire,
  ZSyncResult,
  ARCHIVE_KINDS,
} from '../../../common/archives';
import { ZIdParams } from '../../../common/shared';
import { runCommand } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { principal, sendWorkbook, type App, type Deps } from '../../platform/http';
import { logAccess, originOf } from './access-log';
import { checklistOf } from './checklist';
import { editChecklist } from './commands/edit-checklist';
import { fileDocument, retireDocument } from './commands/file-document';
import { openArchive, syncArchives } from './commands/open-archive';
import { retireArchive, updateArchive } from './commands/update-archive';
import { exportArchives } from './export';
import { authorizeArchive } from './policy';
import { accessLog, archiveDetail, archiveFigures, floorGrid, listArchives } from './queries';
import { archiveDocuments, archives } from './tables';
import { units } from '../org/tables';
import { changeRoutes } from './change-routes';
import { importRoutes } from './import-routes';
import { slipBundleRoutes } from './slip-routes';

export function archiveRoutes(app: App, deps: Deps) {
  const { db, storage, vault } = deps;
  app.get('/api/archives', { schema: { querystring: ZArchiveListQuery, response: { 200: ZArchiveList } }, config: { access: 'archive.read' } }, (req) =>
    listArchives(db, principal(req), vault, req.query),
  );
  app.get('/api/archives/export', { schema: { querystring: ZArchiveListQuery }, config: { access: 'archive.export' } }, async (req, reply) =>
    sendWorkbook(reply, await exportArchives(db, principal(req), vault, req.query, originOf(req))),
  );
  app.get('/api/archives/floor-grid', { schema: { querystring: ZFloorGridQuery, response: { 200: ZFloorGrid } }, config: { access: 'archive.read' } }, (req) =>
    floorGrid(db, principal(req), req.query.projectId, req.query.buildingId),
  );
  // AR-04: the full personal data only here, and every look is logged with where it came from.
  app.get('/api/archives/:id', { schema: { params: ZIdParams, response: { 200: ZArchiveDetail } }, config: { access: 'archive.read' } }, (req) => {
    const p = principal(req);
    return runCommand(db, p, async (ctx) => {
      const detail = await archiveDetail(ctx.tx, p, vault, req.params.id, ctx.now);
      await logAccess(ctx.tx, p, { projectId: detail.projectId, action: 'view', entity: 'archive', entityId: detail.id, label: `${detail.path} ${detail.customerName ?? ''}`.trim() }, originOf(req), ctx.now);
      return detail;
    });
  });
  app.post('/api/archives', { schema: { body: ZArchiveOpen, response: { 201: ZArchiveDetail } }, config: { access: 'archive.manage' } }, async (req, reply) =>
    reply.status(201).send(await openArchive(db, principal(req), vault, req.body)),
  );
  app.put('/api/archives/:id', { schema: { params: ZIdParams, body: ZArchiveUpdate, response: { 200: ZArchiveDetail } }, config: { access: 'archive.manage' } }, (req) =>
    updateArchive(db, principal(req), vault, req.params.id, req.body),
  );
  app.post('/api/archives/:id/retire', { schema: { params: ZIdParams, body: ZRetire, response: { 200: ZArchiveDetail } }, config: { access: 'archive.manage' } }, (req) =>
    retireArchive(db, principal(req), vault, req.params.id, req.body),
  );
  app.post(
    '/api/archives/:id/documents',
    { schema: { params: ZIdParams, body: ZDocumentFile, response: { 201: ZArchiveDetail } }, config: { access: 'archive.manage' }, bodyLimit: 8 * 1024 * 1024 },
    async (req, reply) => reply.status(201).send(await fileDocument(db, principal(req), { storage, vault }, req.params.id, req.body)),
  );
  app.post('/api/archive-documents/:id/retire', { schema: { params: ZIdParams, body: ZDocumentRetire, response: { 200: ZArchiveDetail } }, config: { access: 'archive.manage' } }, (req) =>
    retireDocument(db, principal(req), vault, req.params.id, req.body.reason),
  );
  // AR-04: a document is opened (decrypted) only for a reader of its archive, and the view is logged.
  app.get('/api/archive-documents/:id', { schema: { params: ZIdParams }, config: { access: 'archive.read' } }, async (req, reply) => {
    const p = principal(req);
    const [d] = await db
      .select({ d: archiveDocuments, path: units.path })
      .from(archiveDocuments)
      .innerJoin(archives, eq(archives.id, archiveDocuments.archiveId))
      .innerJoin(units, eq(units.id, archives.unitId))
      .where(and(eq(archiveDocuments.id, req.params.id), eq(archiveDocuments.companyId, p.companyId)));
    if (!d || !d.d.storageKey) throw notFound();
    authorizeArchive(p, 'archive.read', d.d.projectId);
    const sealed = await storage.get(d.d.storageKey);
    if (!sealed) throw notFound();
    let bytes: Buffer;
    try {
      bytes = vault.open(sealed);
    } catch {
      throw new AppError(409, 'document_damaged'); // AR-05: an altered file is never served as if it were the one filed
    }
    await runCommand(db, p, (ctx) => logAccess(ctx.tx, p, { projectId: d.d.projectId, action: 'view', entity: 'archive_document', entityId: d.d.id, label: `${d.path} ${d.d.name}` }, originOf(req), ctx.now));
    return reply.type(d.d.mime ?? 'application/octet-stream').header('cache-control', 'private, no-store').send(bytes);
  });
  app.post('/api/projects/:id/archives/sync', { schema: { params: ZIdParams, response: { 200: ZSyncResult } }, config: { access: 'archive.manage' } }, (req) =>
    syncArchives(db, principal(req), req.params.id),
  );
  app.get('/api/projects/:id/archive-figures', { schema: { params: ZIdParams, querystring: ZMonthQuery, response: { 200: ZArchiveFigures } }, config: { access: 'archive.read' } }, (req) =>
    archiveFigures(db, principal(req), req.params.id, req.query.month),
  );
  app.get('/api/archive-log', { schema: { querystring: ZAccessLogQuery, response: { 200: ZAccessLog } }, config: { access: 'archive.log' } }, (req) =>
    accessLog(db, principal(req), req.query.projectId, req.query.month),
  );
  app.get('/api/archive-checklists', { schema: { response: { 200: ZChecklists } }, config: { access: 'archive.read' } }, async (req) => {
    const p = principal(req);
    const kinds = Object.fromEntries(await Promise.all(ARCHIVE_KINDS.map(async (k) => [k, await checklistOf(db, p.companyId, k)] as const)));
    return { kinds } as z.infer<typeof ZChecklists>;
  });
  app.put(
    '/api/archive-checklists/:kind',
    { schema: { params: ZKindParams, body: ZChecklistPut, response: { 200: z.object({ recounted: z.number().int() }) } }, config: { access: 'archive.configure' } },
    (req) => {
      const p = principal(req);
      // The checklist is the company's: only a company-wide grant edits it.
      if (!p.grants.some((g) => g.projectId === null && g.role === 'company_admin')) throw new AppError(403, 'forbidden');
      return editChecklist(db, p, req.params.kind, req.body.items);
    },
  );
  changeRoutes(app, deps);
  importRoutes(app, deps);
  slipBundleRoutes(app, deps);
}
