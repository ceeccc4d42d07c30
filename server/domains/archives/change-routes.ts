// AR-03 over HTTP: raise a change request on an archive, then sign, consent, apply or cancel it.
import { ZChangeAction, ZChangeCreate, ZChangeRequest } from '../../../common/archives';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { changeAction, createChange } from './commands/change-request';

export function changeRoutes(app: App, { db, storage, vault }: Deps) {
  app.post('/api/archive-changes', { schema: { body: ZChangeCreate, response: { 201: ZChangeRequest } }, config: { access: 'archive.manage' } }, async (req, reply) =>
    reply.status(201).send(await createChange(db, principal(req), vault, req.body)),
  );
  app.post('/api/archive-changes/:id/actions', { schema: { params: ZIdParams, body: ZChangeAction, response: { 200: ZChangeRequest } }, config: { access: 'archive.manage' } }, (req) =>
    changeAction(db, principal(req), { storage, vault }, req.params.id, req.body),
  );
}
