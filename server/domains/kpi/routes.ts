import { ZKpiDashboard, ZKpiQuery, ZKpiRanking, ZProjectKpis } from '../../../common/desk';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { kpiDashboard } from './dashboard';
import { projectKpis, ranking } from './queries';

export function kpiRoutes(app: App, { db }: Deps) {
  app.get('/api/projects/:id/kpis', { schema: { params: ZIdParams, querystring: ZKpiQuery, response: { 200: ZProjectKpis } }, config: { access: 'project.read' } }, (req) =>
    projectKpis(db, principal(req), req.params.id, req.query.month),
  );
  // QI-04: a thousand projects' KPIs, built by typed code from the rollup; re-validating ~700 KB of output
  // against the contract cost more than the query (18 ms of ~45 at 1,000 projects), so it is only stringified.
  app.get('/api/kpis/ranking', { schema: { querystring: ZKpiQuery, response: { 200: ZKpiRanking } }, config: { access: 'project.read' }, serializerCompiler: () => (data) => JSON.stringify(data) }, async (req) => ({
    month: req.query.month,
    items: await ranking(db, principal(req), req.query.month),
  }));
  // QI-05: every KPI with its target, per project and for the company, over the 12 months ending with `month`.
  app.get('/api/kpis/dashboard', { schema: { querystring: ZKpiQuery, response: { 200: ZKpiDashboard } }, config: { access: 'project.read' } }, (req) =>
    kpiDashboard(db, principal(req), req.query.month),
  );
}
