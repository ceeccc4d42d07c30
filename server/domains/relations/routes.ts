// CR-01..CR-05 over HTTP: the key list and its review, visits and plans, the floor-climb map, activities,
// articles, lobby cards, the per-project targets and the inspection's monthly figures.
import * as z from 'zod';
import {
  ZActivityCreate,
  ZActivityHeld,
  ZActivityList,
  ZArticleCreate,
  ZArticleList,
  ZArticleQuery,
  ZFiguresQuery,
  ZFloorClimb,
  ZFloorClimbQuery,
  ZKeyCustomerCreate,
  ZKeyCustomerList,
  ZKeyCustomerRetire,
  ZKeyCustomerUpdate,
  ZKeySuggestions,
  ZLobbyCards,
  ZPlanList,
  ZPlanPut,
  ZPlanQuery,
  ZQuarterQuery,
  ZRelationFigures,
  ZRelationSettings,
  ZReviewCreate,
  ZStaffPhoto,
  ZVisit,
  ZVisitCreate,
  ZVisitList,
  ZVisitListQuery,
  ZYearQuery,
} from '../../../common/relations';
import { ZIdParams } from '../../../common/shared';
import { notFound } from '../../platform/errors';
import { attachmentOf, sendAttachment } from '../files/serve';
import { principal, type App, type Deps } from '../../platform/http';
import { planActivity, recordArticle, recordHeld, saveStaffPhoto } from './commands/activities';
import { createKeyCustomer, loadKeyCustomer, retireKeyCustomer, reviewKeyList, updateKeyCustomer } from './commands/key-customers';
import { savePlan } from './commands/plans';
import { recordVisit } from './commands/record-visit';
import { relationFigures } from './figures';
import { floorClimb, keyCustomerList, keySuggestions, listActivities, listArticles, listPlans, listVisits, lobbyCards, readable } from './queries';
import { saveSettings, settingsOf } from './settings';

const ZCreated = z.object({ id: z.uuid() });
const ZKeyItem = ZKeyCustomerList.shape.items.element;

export function relationRoutes(app: App, { db, storage }: Deps) {
  const keyItem = async (p: ReturnType<typeof principal>, id: string) => {
    const k = await loadKeyCustomer(db, p, id);
    const list = await keyCustomerList(db, p, k.projectId);
    const item = list.items.find((i) => i.id === id);
    if (!item) throw notFound();
    return item;
  };
  // CR-02..CR-05 targets: defaults from the service level, saved per project by the project manager.
  app.get('/api/projects/:id/relation-settings', { schema: { params: ZIdParams, response: { 200: ZRelationSettings } }, config: { access: 'relations.read' } }, async (req) => {
    readable(principal(req), req.params.id);
    const s = await settingsOf(db, req.params.id);
    return { targets: s.targets, version: s.version };
  });
  app.put('/api/projects/:id/relation-settings', { schema: { params: ZIdParams, body: ZRelationSettings, response: { 200: ZRelationSettings } }, config: { access: 'settings.write' } }, (req) =>
    saveSettings(db, principal(req), req.params.id, req.body),
  );

  // CR-01: the key list of a quarter, the system's 1% suggestions, the list's changes and its review.
  app.get('/api/projects/:id/key-customers', { schema: { params: ZIdParams, querystring: ZQuarterQuery, response: { 200: ZKeyCustomerList } }, config: { access: 'relations.read' } }, (req) =>
    keyCustomerList(db, principal(req), req.params.id, req.query.quarter),
  );
  app.get('/api/projects/:id/key-customers/suggestions', { schema: { params: ZIdParams, response: { 200: ZKeySuggestions } }, config: { access: 'relations.read' } }, (req) =>
    keySuggestions(db, principal(req), req.params.id),
  );
  app.post('/api/projects/:id/key-customers', { schema: { params: ZIdParams, body: ZKeyCustomerCreate, response: { 201: ZKeyItem } }, config: { access: 'relations.manage' } }, async (req, reply) => {
    const p = principal(req);
    const id = await createKeyCustomer(db, p, req.params.id, req.body);
    return reply.status(201).send(await keyItem(p, id));
  });
  app.put('/api/key-customers/:id', { schema: { params: ZIdParams, body: ZKeyCustomerUpdate, response: { 200: ZKeyItem } }, config: { access: 'relations.manage' } }, async (req) => {
    const p = principal(req);
    return keyItem(p, await updateKeyCustomer(db, p, req.params.id, req.body));
  });
  app.post('/api/key-customers/:id/retire', { schema: { params: ZIdParams, body: ZKeyCustomerRetire, response: { 200: ZCreated } }, config: { access: 'relations.manage' } }, async (req) => ({
    id: await retireKeyCustomer(db, principal(req), req.params.id, req.body),
  }));
  app.post('/api/projects/:id/key-customer-reviews', { schema: { params: ZIdParams, body: ZReviewCreate, response: { 201: ZKeyCustomerList } }, config: { access: 'relations.manage' } }, async (req, reply) => {
    const p = principal(req);
    await reviewKeyList(db, p, req.params.id, req.body);
    return reply.status(201).send(await keyCustomerList(db, p, req.params.id, req.body.quarter));
  });

  // CR-02: visits (a raised matter opens a case), the floor-climb map and the monthly plans.
  app.get('/api/visits', { schema: { querystring: ZVisitListQuery, response: { 200: ZVisitList } }, config: { access: 'relations.read' } }, (req) => listVisits(db, principal(req), req.query));
  app.post('/api/visits', { schema: { body: ZVisitCreate, response: { 201: ZVisit } }, config: { access: 'relations.visit' } }, async (req, reply) => {
    const p = principal(req);
    const id = await recordVisit(db, p, req.body);
    const { items } = await listVisits(db, p, { projectId: req.body.projectId, unitId: req.body.unitId });
    return reply.status(201).send(items.find((v) => v.id === id)!);
  });
  app.get('/api/projects/:id/floor-climb', { schema: { params: ZIdParams, querystring: ZFloorClimbQuery, response: { 200: ZFloorClimb } }, config: { access: 'relations.read' } }, (req) =>
    floorClimb(db, principal(req), req.params.id, req.query.buildingId),
  );
  app.get('/api/visit-plans', { schema: { querystring: ZPlanQuery, response: { 200: ZPlanList } }, config: { access: 'relations.read' } }, (req) =>
    listPlans(db, principal(req), req.query.projectId, req.query.month),
  );
  app.put('/api/visit-plans', { schema: { body: ZPlanPut, response: { 200: ZPlanList.shape.items.element } }, config: { access: 'relations.visit' } }, async (req) => {
    const p = principal(req);
    const id = await savePlan(db, p, req.body);
    return (await listPlans(db, p, req.body.projectId, req.body.month)).items.find((x) => x.id === id)!;
  });

  // CR-04: activities of a year (planned, held with photos) and the month's magazine articles.
  app.get('/api/community-activities', { schema: { querystring: ZYearQuery, response: { 200: ZActivityList } }, config: { access: 'relations.read' } }, (req) =>
    listActivities(db, principal(req), req.query.projectId, req.query.year),
  );
  app.post('/api/community-activities', { schema: { body: ZActivityCreate, response: { 201: ZCreated } }, config: { access: 'relations.manage' } }, async (req, reply) =>
    reply.status(201).send({ id: await planActivity(db, principal(req), req.body) }),
  );
  app.post(
    '/api/community-activities/:id/held',
    { schema: { params: ZIdParams, body: ZActivityHeld, response: { 200: ZCreated } }, config: { access: 'relations.manage' }, bodyLimit: 40 * 1024 * 1024 },
    async (req) => ({ id: await recordHeld(db, storage, principal(req), req.params.id, req.body) }),
  );
  app.get('/api/magazine-articles', { schema: { querystring: ZArticleQuery, response: { 200: ZArticleList } }, config: { access: 'relations.read' } }, (req) =>
    listArticles(db, principal(req), req.query.projectId, req.query.month),
  );
  app.post('/api/magazine-articles', { schema: { body: ZArticleCreate, response: { 201: ZCreated } }, config: { access: 'relations.manage' } }, async (req, reply) =>
    reply.status(201).send({ id: await recordArticle(db, principal(req), req.body) }),
  );

  // CR-05: lobby cards per building and the housekeepers' photos on them.
  app.get('/api/projects/:id/lobby-cards', { schema: { params: ZIdParams, response: { 200: ZLobbyCards } }, config: { access: 'relations.read' } }, (req) => lobbyCards(db, principal(req), req.params.id));
  app.post('/api/staff-photos', { schema: { body: ZStaffPhoto, response: { 201: ZCreated } }, config: { access: 'relations.manage' }, bodyLimit: 8 * 1024 * 1024 }, async (req, reply) =>
    reply.status(201).send({ id: await saveStaffPhoto(db, storage, principal(req), req.body) }),
  );
  // Activity photos and staff photos, for readers of the project's customer relations.
  app.get('/api/relations-files/:id', { schema: { params: ZIdParams }, config: { access: 'relations.read' } }, async (req, reply) => {
    const p = principal(req);
    const f = await attachmentOf(db, p, req.params.id, ['community_activity', 'staff_photo']);
    readable(p, f.projectId);
    return sendAttachment(reply, storage, f);
  });

  app.get('/api/projects/:id/relations-figures', { schema: { params: ZIdParams, querystring: ZFiguresQuery, response: { 200: ZRelationFigures } }, config: { access: 'relations.read' } }, (req) =>
    relationFigures(db, principal(req), req.params.id, req.query.month),
  );
}
