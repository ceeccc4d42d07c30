import { ZHistory, ZHistoryParams } from '../../../common/org';
import { principal, type App, type Deps } from '../../platform/http';
import { historyOf } from './queries';

export function historyRoutes(app: App, { db }: Deps) {
  app.get('/api/history/:entity/:id', { schema: { params: ZHistoryParams, response: { 200: ZHistory } }, config: { access: 'project.read' } }, async (req) => ({
    items: await historyOf(db, principal(req), req.params.entity, req.params.id),
  }));
}
