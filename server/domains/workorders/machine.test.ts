// WO-03: the state machine table, row by row — every action from every state, and who may take it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WO_ACTIONS, WO_STATUSES, type TWoStatus } from '../../../common/desk';
import type { TRole } from '../../../common/roles';
import { resolveProjectActions, type Principal } from '../../platform/policy';
import { decide, MACHINE, type OrderState } from './machine';

const P = 'project-1';
const as = (role: TRole, userId = `u-${role}`): Principal => {
  const grants = [{ role, projectId: P }];
  return { userId, companyId: 'c', locale: 'zh-CN', grants, projectActions: resolveProjectActions(grants, [P]) };
};
const order = (status: TWoStatus, extra: Partial<OrderState> = {}): OrderState => ({
  projectId: P,
  status,
  assigneeId: 'u-technician',
  heldFrom: 'in_progress',
  locationKind: 'unit',
  hasAcceptance: true,
  onsiteConfirmed: false,
  signed: false,
  paid: null,
  ...extra,
});

// The actor each action is meant for.
const ACTOR: Record<string, Principal> = {
  dispatch: as('dept_supervisor'),
  reassign: as('dept_supervisor'),
  accept: as('technician'),
  return: as('technician'),
  start: as('technician'),
  hold: as('technician'),
  resume: as('technician'),
  complete: as('technician'),
  record_acceptance: as('clerk'),
  confirm_onsite: as('housekeeper'),
  cannot_repair: as('technician'),
  cancel: as('clerk'),
  close: as('clerk'),
  progress_note: as('clerk'),
};

test('WO-03 every action is allowed exactly from the states of its row, and refused with 409 elsewhere', () => {
  for (const action of WO_ACTIONS) {
    for (const status of WO_STATUSES) {
      const o = order(status, action === 'record_acceptance' ? { hasAcceptance: false } : action === 'confirm_onsite' ? { locationKind: 'public' } : {});
      const d = decide(ACTOR[action], o, action);
      const allowed = MACHINE[action].from.includes(status);
      assert.equal(d.ok, allowed, `${action} from ${status}`);
      if (!d.ok) assert.equal(d.status, 409, `${action} from ${status}`);
    }
  }
});

test('WO-03 where each action leads', () => {
  const expect: [string, TWoStatus, TWoStatus][] = [
    ['dispatch', 'reported', 'dispatched'],
    ['reassign', 'in_progress', 'dispatched'],
    ['accept', 'dispatched', 'accepted'],
    ['return', 'accepted', 'reported'],
    ['start', 'accepted', 'in_progress'],
    ['start', 'dispatched', 'in_progress'],
    ['hold', 'in_progress', 'on_hold'],
    ['complete', 'in_progress', 'completed'],
    ['cannot_repair', 'on_hold', 'cannot_repair'],
    ['cancel', 'dispatched', 'cancelled'],
    ['close', 'completed', 'closed'],
    ['progress_note', 'on_hold', 'on_hold'],
  ];
  for (const [action, from, to] of expect) {
    const d = decide(ACTOR[action], order(from), action as never);
    assert.deepEqual(d, { ok: true, to }, action);
  }
  assert.deepEqual(decide(ACTOR.resume, order('on_hold', { heldFrom: 'accepted' }), 'resume'), { ok: true, to: 'accepted' });
});

test('WO-03 who: a clerk cannot dispatch, a dispatcher cannot accept, only the assignee works the order', () => {
  assert.deepEqual(decide(as('clerk'), order('reported'), 'dispatch'), { ok: false, status: 403, reason: 'forbidden' });
  assert.equal(decide(as('dept_supervisor'), order('dispatched'), 'accept').ok, false);
  assert.equal(decide(as('technician', 'someone-else'), order('dispatched'), 'accept').ok, false);
  assert.equal(decide(as('technician'), order('completed'), 'close').ok, false);
  assert.equal(decide(as('finance'), order('reported'), 'progress_note').ok, false);
  assert.equal(decide(as('quality_inspector'), order('completed'), 'close').ok, false);
});

test('WO-04 / WO-05 guards: close needs completion and acceptance; unit and public areas accept differently', () => {
  assert.deepEqual(decide(as('clerk'), order('in_progress'), 'close'), { ok: false, status: 409, reason: 'not_completed' });
  assert.deepEqual(decide(as('clerk'), order('completed', { hasAcceptance: false }), 'close'), { ok: false, status: 409, reason: 'acceptance_missing' });
  assert.deepEqual(decide(as('clerk'), order('completed', { locationKind: 'public' }), 'close'), { ok: false, status: 409, reason: 'acceptance_missing' });
  assert.equal(decide(as('clerk'), order('completed', { locationKind: 'public', onsiteConfirmed: true }), 'close').ok, true);
  assert.equal(decide(as('housekeeper'), order('completed'), 'confirm_onsite').ok, false);
  assert.equal(decide(as('clerk'), order('completed', { hasAcceptance: true }), 'record_acceptance').ok, false);
});

test('PS-03 / PS-06 guards: no work before the price is agreed; a paid order closes only signed and paid', () => {
  const unagreed = { paid: { agreed: false, collected: false } };
  assert.deepEqual(decide(as('technician'), order('accepted', unagreed), 'start'), { ok: false, status: 409, reason: 'price_not_agreed' });
  assert.equal(decide(as('technician'), order('accepted', { paid: { agreed: true, collected: false } }), 'start').ok, true);
  assert.equal(decide(as('technician'), order('accepted'), 'start').ok, true, 'free repairs need no price');
  assert.deepEqual(decide(as('clerk'), order('completed', { paid: { agreed: true, collected: true }, hasAcceptance: true }), 'close'), { ok: false, status: 409, reason: 'signature_missing' });
  assert.deepEqual(decide(as('clerk'), order('completed', { paid: { agreed: true, collected: false }, signed: true }), 'close'), { ok: false, status: 409, reason: 'payment_missing' });
  assert.equal(decide(as('clerk'), order('completed', { paid: { agreed: true, collected: true }, signed: true }), 'close').ok, true);
});
