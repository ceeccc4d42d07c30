import { ZTransition, ZWorkOrderDetail, ZTransitionResult, ZWorkOrderList, ZWorkOrderListQuery } from '../../../common/desk';
import { ZIdParams } from '../../../common/shared';
import { principal, sendWorkbook, type App, type Deps } from '../../platform/http';
import { recordExport } from '../../platform/personal';
import { projectTimezone } from '../org/queries';
import { transitionOrder } from './commands/transition-order';
import { exportOrders } from './export';
import { listOrders, orderDetail } from './queries';

export function workOrderRoutes(app: App, { db, readDb, storage }: Deps) {
  app.get('/api/work-orders', { schema: { querystring: ZWorkOrderListQuery, response: { 200: ZWorkOrderList } }, config: { access: 'wo.read' } }, (req) =>
    listOrders(readDb, principal(req), req.query),
  );
  app.get('/api/work-orders/export', { schema: { querystring: ZWorkOrderListQuery }, config: { access: 'wo.read' } }, async (req, reply) => {
    const p = principal(req);
    const file = await exportOrders(readDb, p, req.query, await projectTimezone(readDb, req.query.projectId));
    await recordExport(db, p, req.query.projectId, 'work_orders', req.query);
    return sendWorkbook(reply, file);
  });
  app.get('/api/work-orders/:id', { schema: { params: ZIdParams, response: { 200: ZWorkOrderDetail } }, config: { access: 'wo.read' } }, (req) =>
    orderDetail(db, principal(req), req.params.id),
  );
  app.post(
    '/api/work-orders/:id/transitions',
    { schema: { params: ZIdParams, body: ZTransition, response: { 200: ZTransitionResult } }, config: { access: 'wo.read' }, bodyLimit: 1024 * 1024 },
    (req) => transitionOrder(db, storage, principal(req), req.params.id, req.body),
  );
}
