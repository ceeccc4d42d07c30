import * as z from 'zod';
import { ZProject, ZProjectCreate, ZProjectSummary, ZProjectUpdate, ZSpaceTree, ZUnit, ZUnitList, ZUnitListQuery, ZUnitUpdate } from '../../../common/org';
import { ZUnitDetail } from '../../../common/people';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { unitDetail } from '../people/queries';
import { createProject } from './commands/create-project';
import { updateProject } from './commands/update-project';
import { updateUnit } from './commands/update-unit';
import { listProjects, listUnits, spaceTree } from './queries';

export function orgRoutes(app: App, { db }: Deps) {
  app.get('/api/projects', { schema: { response: { 200: z.array(ZProjectSummary) } }, config: { access: 'project.read' } }, (req) =>
    listProjects(db, principal(req)),
  );
  app.post('/api/projects', { schema: { body: ZProjectCreate, response: { 201: ZProject } }, config: { access: 'project.manage' } }, async (req, reply) =>
    reply.status(201).send(await createProject(db, principal(req), req.body)),
  );
  app.put(
    '/api/projects/:id',
    { schema: { params: ZIdParams, body: ZProjectUpdate, response: { 200: ZProject } }, config: { access: 'project.manage' } },
    (req) => updateProject(db, principal(req), req.params.id, req.body),
  );
  app.get('/api/projects/:id/space', { schema: { params: ZIdParams, response: { 200: ZSpaceTree } }, config: { access: 'space.read' } }, (req) =>
    spaceTree(db, principal(req), req.params.id),
  );
  app.get('/api/units', { schema: { querystring: ZUnitListQuery, response: { 200: ZUnitList } }, config: { access: 'space.read' } }, (req) =>
    listUnits(db, principal(req), req.query),
  );
  app.get('/api/units/:id', { schema: { params: ZIdParams, response: { 200: ZUnitDetail } }, config: { access: 'space.read' } }, (req) =>
    unitDetail(db, principal(req), req.params.id),
  );
  app.put(
    '/api/units/:id',
    { schema: { params: ZIdParams, body: ZUnitUpdate, response: { 200: ZUnit } }, config: { access: 'space.write' } },
    (req) => updateUnit(db, principal(req), req.params.id, req.body),
  );
}
