import * as z from 'zod';
import {
  ZCashDay,
  ZCashQuery,
  ZHandover,
  ZHandoverConfirm,
  ZHandoverCreate,
  ZPaidAction,
  ZPaidList,
  ZPaidListQuery,
  ZPaidOrder,
  ZPaidRegister,
  ZPaidSummary,
  ZPriceList,
  ZReceiptVoid,
  ZServiceItem,
  ZServiceItemCreate,
  ZServiceItemUpdate,
  ZSummaryQuery,
} from '../../../common/paid';
import { ZIdParams } from '../../../common/shared';
import { principal, sendWorkbook, type App, type Deps } from '../../platform/http';
import { recordExport } from '../../platform/personal';
import { can } from '../../platform/policy';
import { cashDay } from './cash';
import { confirmHandover, submitHandover } from './commands/handover';
import { paidAction } from './commands/paid-action';
import { registerPaidOrder } from './commands/register-paid';
import { voidReceipt } from './commands/void-receipt';
import { createItem, updateItem } from './commands/write-item';
import { summaryWorkbook } from './export';
import { listPaidOrders, paidOrderDetail, priceList } from './queries';
import { paidSummary } from './summary';

export function paidRoutes(app: App, { db, readDb }: Deps) {
  // PS-01: the price list is public — residents and the future portal read it without signing in.
  app.get(
    '/api/projects/:id/price-list',
    { schema: { params: ZIdParams, querystring: z.object({ all: z.enum(['1']).optional() }), response: { 200: ZPriceList } }, config: { access: 'public' } },
    (req) => priceList(db, req.params.id, !!req.query.all && !!req.principal && can(req.principal, 'catalog.write', req.params.id)),
  );
  app.post('/api/service-items', { schema: { body: ZServiceItemCreate, response: { 201: ZServiceItem } }, config: { access: 'catalog.write' } }, async (req, reply) =>
    reply.status(201).send(await createItem(db, principal(req), req.body)),
  );
  app.put('/api/service-items/:id', { schema: { params: ZIdParams, body: ZServiceItemUpdate, response: { 200: ZServiceItem } }, config: { access: 'catalog.write' } }, (req) =>
    updateItem(db, principal(req), req.params.id, req.body),
  );

  // PS-02..PS-06: paid orders, taken by the desk only.
  app.post('/api/paid-orders', { schema: { body: ZPaidRegister, response: { 201: ZPaidOrder } }, config: { access: 'paid.register' } }, async (req, reply) =>
    reply.status(201).send(await registerPaidOrder(db, principal(req), req.body)),
  );
  app.get('/api/paid-orders', { schema: { querystring: ZPaidListQuery, response: { 200: ZPaidList } }, config: { access: 'case.read' } }, (req) =>
    listPaidOrders(db, principal(req), req.query),
  );
  app.get('/api/paid-orders/:id', { schema: { params: ZIdParams, response: { 200: ZPaidOrder } }, config: { access: 'wo.read' } }, (req) =>
    paidOrderDetail(db, principal(req), req.params.id),
  );
  app.post('/api/paid-orders/:id/actions', { schema: { params: ZIdParams, body: ZPaidAction, response: { 200: ZPaidOrder } }, config: { access: 'paid.register' } }, (req) =>
    paidAction(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/receipts/:id/void', { schema: { params: ZIdParams, body: ZReceiptVoid, response: { 200: ZPaidOrder } }, config: { access: 'paid.register' } }, (req) =>
    voidReceipt(db, principal(req), req.params.id, req.body.reason),
  );

  // PS-07: the day's takings and their hand-over to finance.
  app.get('/api/cash', { schema: { querystring: ZCashQuery, response: { 200: ZCashDay } }, config: { access: 'case.read' } }, (req) =>
    cashDay(db, principal(req), req.query.projectId, req.query.date),
  );
  app.post('/api/cash-handovers', { schema: { body: ZHandoverCreate, response: { 201: ZHandover } }, config: { access: 'paid.register' } }, async (req, reply) =>
    reply.status(201).send(await submitHandover(db, principal(req), req.body)),
  );
  app.post('/api/cash-handovers/:id/confirm', { schema: { params: ZIdParams, body: ZHandoverConfirm, response: { 200: ZHandover } }, config: { access: 'cash.confirm' } }, (req) =>
    confirmHandover(db, principal(req), req.params.id, req.body),
  );

  // PS-09: the monthly summary and its Excel workbook.
  app.get('/api/paid-summary', { schema: { querystring: ZSummaryQuery, response: { 200: ZPaidSummary } }, config: { access: 'paid.report' } }, (req) =>
    paidSummary(readDb, principal(req), req.query.projectId, req.query.month),
  );
  app.get('/api/paid-summary/export', { schema: { querystring: ZSummaryQuery }, config: { access: 'paid.report' } }, async (req, reply) => {
    const p = principal(req);
    const file = await summaryWorkbook(p, await paidSummary(readDb, p, req.query.projectId, req.query.month));
    await recordExport(db, p, req.query.projectId, 'paid_summary', req.query);
    return sendWorkbook(reply, file);
  });
}
