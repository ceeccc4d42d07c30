// X-05 over HTTP: the template, the upload with its preview, the all-or-nothing commit.
import { ZImportCommit, ZImportPreview, ZImportResult, ZImportUpload } from '../../../common/archives';
import { translate } from '../../../common/i18n';
import { ZIdParams } from '../../../common/shared';
import * as z from 'zod';
import { eq } from 'drizzle-orm';
import { authorize } from '../../platform/policy';
import { principal, sendWorkbook, type App, type Deps } from '../../platform/http';
import { commitImport, uploadImport } from './commands/import-batch';
import { templateWorkbook } from './import-sheet';
import { areas, buildings } from '../org/tables';

export function importRoutes(app: App, { db, storage, vault }: Deps) {
  app.get('/api/imports/template', { schema: { querystring: z.object({ projectId: z.uuid() }) }, config: { access: 'space.write' } }, async (req, reply) => {
    const p = principal(req);
    authorize(p, 'space.write', req.query.projectId, 'archive.read');
    // The example rows name a real area and building of the project, so the template imports as it is.
    const [b] = await db.select({ area: areas.name, building: buildings.name }).from(buildings).innerJoin(areas, eq(areas.id, buildings.areaId)).where(eq(buildings.projectId, req.query.projectId)).limit(1);
    const bytes = await templateWorkbook(p.locale, b ?? { area: 'A区', building: '1栋' });
    return sendWorkbook(reply, { name: `${translate(p.locale, 'archive.import.sheet')}.xlsx`, bytes });
  });
  app.post(
    '/api/imports',
    { schema: { body: ZImportUpload, response: { 201: ZImportPreview } }, config: { access: 'space.write' }, bodyLimit: 16 * 1024 * 1024 },
    async (req, reply) => reply.status(201).send(await uploadImport(db, principal(req), { storage, vault }, req.body)),
  );
  app.post('/api/imports/:id/commit', { schema: { params: ZIdParams, body: ZImportCommit, response: { 200: ZImportResult } }, config: { access: 'space.write' } }, (req) =>
    commitImport(db, principal(req), { storage, vault }, req.params.id, req.body.version),
  );
}
