// WO-11 over HTTP: the month's slip bundle (the print page renders it), its Excel index, and filing it.
import { ZSlipBundle, ZSlipBundleFile, ZSlipBundleQuery } from '../../../common/archives';
import { principal, sendWorkbook, type App, type Deps } from '../../platform/http';
import { projectTimezone } from '../org/queries';
import { fileSlipBundle, slipBundle, slipBundleWorkbook } from './slip-bundle';

export function slipBundleRoutes(app: App, { db }: Deps) {
  app.get('/api/slip-bundles', { schema: { querystring: ZSlipBundleQuery, response: { 200: ZSlipBundle } }, config: { access: 'case.read' } }, (req) =>
    slipBundle(db, principal(req), req.query.projectId, req.query.month),
  );
  app.get('/api/slip-bundles/export', { schema: { querystring: ZSlipBundleQuery }, config: { access: 'case.read' } }, async (req, reply) => {
    const p = principal(req);
    const b = await slipBundle(db, p, req.query.projectId, req.query.month);
    return sendWorkbook(reply, await slipBundleWorkbook(b, p.locale, await projectTimezone(db, req.query.projectId)));
  });
  app.post('/api/slip-bundles/file', { schema: { body: ZSlipBundleFile, response: { 200: ZSlipBundle } }, config: { access: 'case.manage' } }, (req) => fileSlipBundle(db, principal(req), req.body));
}
