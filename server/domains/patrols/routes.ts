// PT-01..PT-03 over HTTP: the daily patrol and its findings, spot checks, the vacant-unit register and its
// patrols, the equipment register and checks, the settings, the photos, and the month's figures.
import * as z from 'zod';
import {
  ZEquipment,
  ZEquipmentCreate,
  ZEquipmentList,
  ZEquipmentUpdate,
  ZFacilityCheck,
  ZFacilityCheckCreate,
  ZFindingCreate,
  ZPatrolCheckRecord,
  ZPatrolDetail,
  ZPatrolFigures,
  ZPatrolMonthQuery,
  ZPatrolRegister,
  ZPatrolSettingsPut,
  ZPatrolSettingsView,
  ZPatrolStart,
  ZPatrolSupervision,
  ZPlanCreate,
  ZProjectQuery,
  ZRecheck,
  ZVacantPatrol,
  ZVacantPatrolCreate,
  ZVacantQuery,
  ZVacantRegister,
} from '../../../common/patrols';
import { ZMonthQuery } from '../../../common/archives';
import { ZIdParams } from '../../../common/shared';
import { notFound } from '../../platform/errors';
import { attachmentOf, sendAttachment } from '../files/serve';
import { principal, type App, type Deps } from '../../platform/http';
import { can } from '../../platform/policy';
import { checkPatrol } from './commands/check-patrol';
import { createEquipment, createPlan, recordFacilityCheck, updateEquipment } from './commands/facility';
import { addFinding, recheckFinding, startPatrol } from './commands/record-patrol';
import { putPatrolSettings, readPatrolSettings } from './commands/settings';
import { equipmentList } from './facilities';
import { patrolFigures } from './figures';
import { patrolDetail, patrolRegister, patrolSupervision } from './queries';
import { recordVacantPatrol, unitPatrols, vacantRegister } from './vacant';

const PHOTO_LIMIT = { bodyLimit: 45 * 1024 * 1024 }; // up to six photos of 5 MB, base64

export function patrolRoutes(app: App, { db, storage }: Deps) {
  // PT-01: the daily public-area patrol
  app.get('/api/patrols', { schema: { querystring: ZPatrolMonthQuery, response: { 200: ZPatrolRegister } }, config: { access: 'patrol.read' } }, (req) =>
    patrolRegister(db, principal(req), req.query.projectId, req.query.month),
  );
  app.post('/api/patrols', { schema: { body: ZPatrolStart, response: { 201: ZPatrolDetail } }, config: { access: 'patrol.record' } }, async (req, reply) =>
    reply.status(201).send(await startPatrol(db, principal(req), req.body)),
  );
  app.get('/api/patrols/:id', { schema: { params: ZIdParams, response: { 200: ZPatrolDetail } }, config: { access: 'patrol.read' } }, (req) => patrolDetail(db, principal(req), req.params.id));
  app.post(
    '/api/patrols/:id/findings',
    { schema: { params: ZIdParams, body: ZFindingCreate, response: { 201: ZPatrolDetail } }, config: { access: 'patrol.record' }, ...PHOTO_LIMIT },
    async (req, reply) => reply.status(201).send(await addFinding(db, storage, principal(req), req.params.id, req.body)),
  );
  app.post('/api/patrol-findings/:id/recheck', { schema: { params: ZIdParams, body: ZRecheck, response: { 200: ZPatrolDetail } }, config: { access: 'patrol.record' } }, (req) =>
    recheckFinding(db, principal(req), req.params.id, req.body),
  );
  // PT-01 with RV-02: the supervisor's and the manager's spot checks
  app.get('/api/patrol-checks', { schema: { querystring: ZPatrolMonthQuery, response: { 200: ZPatrolSupervision } }, config: { access: 'patrol.read' } }, (req) =>
    patrolSupervision(db, principal(req), req.query.projectId, req.query.month),
  );
  app.post(
    '/api/patrol-checks/:id',
    { schema: { params: ZIdParams, body: ZPatrolCheckRecord, response: { 200: z.object({ id: z.uuid(), outcome: z.string(), version: z.number().int() }) } }, config: { access: 'patrol.read' } },
    (req) => checkPatrol(db, principal(req), req.params.id, req.body),
  );
  // PT-02: the vacant-unit register and its patrols
  app.get('/api/vacant-units', { schema: { querystring: ZVacantQuery, response: { 200: ZVacantRegister } }, config: { access: 'patrol.read' } }, (req) =>
    vacantRegister(db, principal(req), req.query.projectId, req.query.overdue === 'true'),
  );
  app.get('/api/vacant-units/:id/patrols', { schema: { params: ZIdParams, response: { 200: z.object({ items: z.array(ZVacantPatrol) }) } }, config: { access: 'patrol.read' } }, async (req) => ({
    items: await unitPatrols(db, principal(req), req.params.id),
  }));
  app.post('/api/vacant-patrols', { schema: { body: ZVacantPatrolCreate, response: { 201: ZVacantPatrol } }, config: { access: 'patrol.record' }, ...PHOTO_LIMIT }, async (req, reply) =>
    reply.status(201).send(await recordVacantPatrol(db, storage, principal(req), req.body)),
  );
  // PT-03: equipment, maintenance plans and checks
  app.get('/api/equipment', { schema: { querystring: ZProjectQuery, response: { 200: ZEquipmentList } }, config: { access: 'facility.read' } }, async (req) => ({
    items: await equipmentList(db, principal(req), req.query.projectId),
  }));
  app.post('/api/equipment', { schema: { body: ZEquipmentCreate, response: { 201: ZEquipment } }, config: { access: 'facility.manage' } }, async (req, reply) =>
    reply.status(201).send(await createEquipment(db, principal(req), req.body)),
  );
  app.put('/api/equipment/:id', { schema: { params: ZIdParams, body: ZEquipmentUpdate, response: { 200: ZEquipment } }, config: { access: 'facility.manage' } }, (req) =>
    updateEquipment(db, principal(req), req.params.id, req.body),
  );
  app.post('/api/maintenance-plans', { schema: { body: ZPlanCreate, response: { 201: ZEquipment } }, config: { access: 'facility.manage' } }, async (req, reply) =>
    reply.status(201).send(await createPlan(db, principal(req), req.body)),
  );
  app.post('/api/facility-checks', { schema: { body: ZFacilityCheckCreate, response: { 201: ZFacilityCheck } }, config: { access: 'facility.check' } }, async (req, reply) =>
    reply.status(201).send(await recordFacilityCheck(db, principal(req), req.body)),
  );
  // settings and figures per project
  app.get('/api/projects/:id/patrol-settings', { schema: { params: ZIdParams, response: { 200: ZPatrolSettingsView } }, config: { access: 'patrol.read' } }, (req) =>
    readPatrolSettings(db, principal(req), req.params.id),
  );
  app.put('/api/projects/:id/patrol-settings', { schema: { params: ZIdParams, body: ZPatrolSettingsPut, response: { 200: ZPatrolSettingsView } }, config: { access: 'settings.write' } }, (req) =>
    putPatrolSettings(db, principal(req), req.params.id, req.body),
  );
  app.get('/api/projects/:id/patrol-figures', { schema: { params: ZIdParams, querystring: ZMonthQuery, response: { 200: ZPatrolFigures } }, config: { access: 'patrol.read' } }, (req) =>
    patrolFigures(db, principal(req), req.params.id, req.query.month),
  );
  // PT-01, PT-02: a photo, for readers of its project only
  app.get('/api/patrol-photos/:id', { schema: { params: ZIdParams }, config: { access: 'patrol.read' } }, async (req, reply) => {
    const p = principal(req);
    const f = await attachmentOf(db, p, req.params.id, ['patrol_finding', 'vacant_patrol']);
    if (!can(p, 'patrol.read', f.projectId)) throw notFound();
    return sendAttachment(reply, storage, f);
  });
}
