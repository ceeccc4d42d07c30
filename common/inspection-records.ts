// QI-03: the records that prove a computed finding, kept on the finding as "kind:id" references so the
// inspection page links each one to its own page (drill-down). A shortfall with no record of its own
// (a briefing never published, a week without call reviews) names what is missing instead of an id.
export const RECORD_KINDS = [
  'archive', // AR-01..AR-03: an archive (incomplete, overdue, or with an unsigned change request)
  'order', // WO-02, WO-07, PS-08: a work order
  'case', // IN-05, CP-02: a case (a late reply, a flagged complaint)
  'complaint', // CP-01: a complaint followed up late
  'notice', // NT-02..NT-05: a notice
  'briefing_missing', // NT-05: the month's briefing (id: the month)
  'annual_missing', // NT-05: the year's Q1 publication (id: the year)
  'board_stale', // NT-03: the notice board unchanged for 2 months (id: the last change, or the month)
  'key_customer', // CR-01: a key customer not visited in the quarter
  'key_review_missing', // CR-01: the quarter's list review (id: the quarter)
  'visitor', // CR-02: a manager, CS supervisor or housekeeper short of the month's visits or plan (id: the user)
  'coverage_short', // CR-02, CR-03: a role's coverage short (id: the role, or "full")
  'articles_short', // CR-04: fewer articles than the month's minimum (id: the month)
  'activities_short', // CR-04: activities behind the year's minimum (id: the year)
  'supervision', // RV-02: a return visit drawn for supervision and not checked
  'faq', // IN-06: an FAQ entry not reviewed for 6 months
  'patrol_day', // PT-01: a workday without the public-area patrol (id: the date)
  'patrol_finding', // PT-01: a finding rechecked late
  'patrol_check', // PT-01: a patrol drawn for a spot check and not checked
  'unit', // PT-02: a vacant unit past its patrol
  'shift_log', // FD-02: a handover log unsigned or signed late
  'review_week', // FD-03: a week short of call reviews (id: its Monday)
  'cash_handover', // PS-07: a hand-over late or with a difference
  'cash_day', // PS-07: a clerk's day of takings never handed over (id: the date)
  'survey_missing', // SV-01: no satisfaction survey in the 12 months up to the month (id: the month)
  'survey', // SV-02: a survey (its results not published)
  'survey_item', // SV-02: a weak item of a survey without a measure (id: survey id/item code)
  'survey_measure', // SV-02: an improvement measure past its deadline (id: survey id/measure id)
  'survey_answer', // SV-04: an answer forged or not verified by phone (id: survey id/answer id)
] as const;
export type TRecordKind = (typeof RECORD_KINDS)[number];

export const recordRef = (kind: TRecordKind, id: string) => `${kind}:${id}`;

/** A stored reference back to its kind and id; a bare id (before QI-03 kept kinds) has no kind. */
export function parseRecordRef(ref: string): { kind: TRecordKind | null; id: string } {
  const k = ref.indexOf(':');
  const kind = k > 0 ? ref.slice(0, k) : '';
  return (RECORD_KINDS as readonly string[]).includes(kind) ? { kind: kind as TRecordKind, id: ref.slice(k + 1) } : { kind: null, id: ref };
}
