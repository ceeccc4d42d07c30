// X-01 for work orders: due times recomputed from the order's facts and its event history, so a typed
// pause (waiting on the customer, parts or access) moves the completion deadline by exactly its length.
import type { TWoStatus } from '../../../common/desk';
import { OPEN_WO_STATUSES } from '../../../common/desk';
import { dueAt, type WorkCalendar } from '../../platform/clock';
import type { ComputedDeadline } from '../deadlines/sync';
import type { DeskRules } from '../deadlines/rules';

export interface OrderFacts {
  status: TWoStatus;
  priority: 'normal' | 'emergency';
  department: string;
  assigneeId: string | null;
  caseOwnerId: string;
  reportedAt: Date;
  followupSelected: boolean | null;
  lastProgressAt: Date | null;
  /** PS-04: a paid order registered by phone, and when the appointment time was given. */
  appointment?: { from: Date; metAt: Date | null } | null;
}

export interface OrderEvent {
  action: string;
  at: Date;
}

/** The order's current cycle: a rework starts a new one (WO-09). */
function cycle(facts: OrderFacts, events: OrderEvent[]) {
  const reworks = events.filter((e) => e.action === 'rework');
  const start = reworks.length ? reworks[reworks.length - 1].at : facts.reportedAt;
  const inCycle = events.filter((e) => e.at >= start);
  const firstAt = (action: string) => inCycle.find((e) => e.action === action)?.at ?? null;
  const lastAt = (actions: string[]) => [...inCycle].reverse().find((e) => actions.includes(e.action))?.at ?? null;
  let pausedMs = 0;
  let openPause: Date | null = null;
  for (const e of inCycle) {
    if (e.action === 'hold') openPause = e.at;
    if (e.action === 'resume' && openPause) {
      pausedMs += e.at.getTime() - openPause.getTime();
      openPause = null;
    }
  }
  return {
    start,
    dispatchedAt: firstAt('dispatch'),
    completedAt: lastAt(['complete']),
    endedAt: lastAt(['complete', 'cannot_repair', 'cancel']),
    followedUpAt: lastAt(['followed_up', 'followup_unreachable']),
    pausedMs,
    openPause,
  };
}

export function orderDeadlines(facts: OrderFacts, events: OrderEvent[], rules: DeskRules, cal: WorkCalendar): ComputedDeadline[] {
  const c = cycle(facts, events);
  const open = OPEN_WO_STATUSES.includes(facts.status);
  const out: ComputedDeadline[] = [
    // WO-02: dispatched on the day reported.
    { kind: 'dispatch', dueAt: dueAt(rules.dispatch, c.start, cal), metAt: c.dispatchedAt ?? (open ? null : c.endedAt), responsibleId: null, department: facts.department },
    {
      kind: 'completion',
      dueAt: new Date(dueAt(rules.completion[facts.priority], c.start, cal).getTime() + c.pausedMs),
      metAt: open ? null : c.endedAt,
      pausedAt: c.openPause,
      responsibleId: facts.assigneeId,
      department: facts.department,
    },
    // WO-06: an open order gets a progress note every month.
    {
      kind: 'progress',
      dueAt: dueAt(rules.progress, facts.lastProgressAt && facts.lastProgressAt > c.start ? facts.lastProgressAt : c.start, cal),
      metAt: open ? null : c.endedAt,
      responsibleId: facts.assigneeId,
      department: facts.department,
    },
  ];
  if (facts.appointment)
    out.push({ kind: 'appointment', dueAt: dueAt(rules.paidAppointment, facts.appointment.from, cal), metAt: facts.appointment.metAt ?? (open ? null : c.endedAt), responsibleId: facts.caseOwnerId });
  // WO-07: the follow-up within 3 days of completion, for the orders the sampler selected.
  if (facts.followupSelected && c.completedAt)
    out.push({ kind: 'followup', dueAt: dueAt(rules.followup, c.completedAt, cal), metAt: c.followedUpAt, responsibleId: facts.caseOwnerId });
  return out;
}
