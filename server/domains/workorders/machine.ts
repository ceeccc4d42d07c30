// WO-03: the work-order state machine as one table — from which states each action may be taken, where
// it leads, who may take it and what else must hold. Every caller goes through `decide`.
import type { TWoAction, TWoStatus } from '../../../common/desk';
import { OPEN_WO_STATUSES } from '../../../common/desk';
import { can, type Principal } from '../../platform/policy';

export type Actor = 'dispatcher' | 'assignee' | 'desk' | 'confirmer' | 'worker_or_dispatcher' | 'anyone_on_it';

export interface OrderState {
  projectId: string;
  status: TWoStatus;
  assigneeId: string | null;
  heldFrom: string | null;
  locationKind: string;
  hasAcceptance: boolean;
  onsiteConfirmed: boolean;
  signed: boolean;
  /** PS-03, PS-06: a paid order's price agreement and fee; null for free repairs. */
  paid: { agreed: boolean; collected: boolean } | null;
}

interface Rule {
  from: readonly TWoStatus[];
  to: (o: OrderState) => TWoStatus;
  who: Actor;
  /** a refusal reason (a message key) when the state alone is right but something else is missing */
  guard?: (o: OrderState) => string | null;
}

const stay = (o: OrderState) => o.status;
const to = (s: TWoStatus) => () => s;

export const MACHINE: Record<TWoAction, Rule> = {
  dispatch: { from: ['reported'], to: to('dispatched'), who: 'dispatcher' },
  reassign: { from: ['dispatched', 'accepted', 'in_progress', 'on_hold'], to: to('dispatched'), who: 'dispatcher' },
  accept: { from: ['dispatched'], to: to('accepted'), who: 'assignee' },
  return: { from: ['dispatched', 'accepted'], to: to('reported'), who: 'assignee' },
  // PS-03: no work on a paid order before the customer has agreed to the price. A technician already at
  // the door starts straight from dispatched: one tap, one event (issue 18).
  start: { from: ['dispatched', 'accepted'], to: to('in_progress'), who: 'assignee', guard: (o) => (o.paid && !o.paid.agreed ? 'price_not_agreed' : null) },
  hold: { from: ['accepted', 'in_progress'], to: to('on_hold'), who: 'worker_or_dispatcher' },
  resume: { from: ['on_hold'], to: (o) => (o.heldFrom as TWoStatus | null) ?? 'in_progress', who: 'worker_or_dispatcher' },
  complete: { from: ['in_progress'], to: to('completed'), who: 'assignee' },
  // WO-05: the slip completed afterwards — the desk records the customer's consent and opinion.
  record_acceptance: {
    from: ['completed'],
    to: stay,
    who: 'desk',
    guard: (o) => (o.locationKind === 'public' ? 'public_needs_onsite' : o.hasAcceptance ? 'already_accepted' : null),
  },
  // WO-05: public-area repairs are confirmed on site by the housekeeper or the engineering foreman.
  confirm_onsite: {
    from: ['completed'],
    to: stay,
    who: 'confirmer',
    guard: (o) => (o.locationKind !== 'public' ? 'unit_needs_customer' : o.onsiteConfirmed ? 'already_accepted' : null),
  },
  cannot_repair: { from: ['accepted', 'in_progress', 'on_hold'], to: to('cannot_repair'), who: 'worker_or_dispatcher' },
  cancel: { from: ['reported', 'dispatched', 'accepted', 'on_hold'], to: to('cancelled'), who: 'desk' },
  // WO-04: only a completed order can be closed (销项), and only with the customer's acceptance.
  close: {
    from: ['completed'],
    to: to('closed'),
    who: 'desk',
    guard: (o) => {
      // PS-06: a paid service closes only with the customer's signature and the fee collected.
      if (o.paid) return !o.signed ? 'signature_missing' : !o.paid.collected ? 'payment_missing' : null;
      return (o.locationKind === 'public' ? o.onsiteConfirmed : o.hasAcceptance) ? null : 'acceptance_missing';
    },
  },
  progress_note: { from: OPEN_WO_STATUSES, to: stay, who: 'anyone_on_it' },
};

function isActor(p: Principal, who: Actor, o: OrderState): boolean {
  const mine = o.assigneeId === p.userId && can(p, 'wo.work', o.projectId);
  const dispatcher = can(p, 'wo.dispatch', o.projectId);
  switch (who) {
    case 'dispatcher':
      return dispatcher;
    case 'assignee':
      return mine;
    case 'desk':
      return can(p, 'wo.desk', o.projectId);
    case 'confirmer':
      return can(p, 'wo.confirm', o.projectId);
    case 'worker_or_dispatcher':
      return mine || dispatcher;
    case 'anyone_on_it':
      return mine || dispatcher || can(p, 'wo.desk', o.projectId);
  }
}

export type Decision = { ok: true; to: TWoStatus } | { ok: false; status: 403 | 409; reason: string };

export function decide(p: Principal, o: OrderState, action: TWoAction): Decision {
  const rule = MACHINE[action];
  if (!rule.from.includes(o.status)) {
    // WO-04 gets its own words: closing an unfinished order is the refusal staff must understand.
    return { ok: false, status: 409, reason: action === 'close' ? 'not_completed' : 'illegal_transition' };
  }
  if (!isActor(p, rule.who, o)) return { ok: false, status: 403, reason: 'forbidden' };
  const refused = rule.guard?.(o);
  if (refused) return { ok: false, status: 409, reason: refused };
  return { ok: true, to: rule.to(o) };
}

/** The actions this principal may take on the order now: the buttons the page shows. */
export function availableActions(p: Principal, o: OrderState): TWoAction[] {
  return (Object.keys(MACHINE) as TWoAction[]).filter((a) => decide(p, o, a).ok);
}
