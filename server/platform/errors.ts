// Errors the API answers with; codes are keys of the message catalog (common/i18n).
import type * as z from 'zod';

export type ErrorCode =
  | 'validation'
  | 'bad_json'
  | 'unauthenticated'
  | 'bad_credentials'
  | 'throttled'
  | 'cross_site'
  | 'forbidden'
  | 'not_found'
  | 'stale_version'
  | 'conflict'
  | 'too_large'
  | 'internal'
  // refusals of the desk's state machines (409), each with its own words in the catalog
  | 'illegal_transition'
  | 'not_completed'
  | 'acceptance_missing'
  | 'public_needs_onsite'
  | 'unit_needs_customer'
  | 'already_accepted'
  | 'late_reason_required'
  | 'orders_open'
  | 'not_replied'
  | 'case_closed'
  | 'followup_closed'
  // paid services (PS-03..PS-07)
  | 'price_not_agreed'
  | 'signature_missing'
  | 'payment_missing'
  | 'work_started'
  | 'already_agreed'
  | 'not_quoted'
  | 'quote_declined'
  | 'already_paid'
  | 'not_ready_for_payment'
  | 'receipt_voided'
  | 'receipt_handed_over'
  | 'order_closed'
  | 'nothing_to_hand_over'
  | 'handover_confirmed'
  // complaints (CP-01..CP-04) and supervision (RV-02)
  | 'complaint_closed'
  | 'complaint_needs_followup'
  | 'not_resolved'
  | 'not_company_level'
  | 'already_checked'
  // archives, import and the monthly bundle (AR-01..AR-05, X-05, WO-11)
  | 'archive_exists'
  | 'archive_retired'
  | 'document_retired'
  | 'document_damaged'
  | 'protected_field'
  | 'change_closed'
  | 'change_not_signed'
  | 'owner_consent_missing'
  | 'import_has_problems'
  | 'import_committed'
  | 'bundle_filed'
  | 'bundle_not_due'
  // notices (NT-01, NT-02, NT-04)
  | 'notice_not_approved'
  | 'notice_still_valid'
  | 'notice_validity_passed'
  | 'notice_not_posted'
  // customer relations (CR-01..CR-05)
  | 'key_customer_listed'
  | 'key_customer_retired'
  | 'review_exists'
  | 'review_not_open'
  | 'activity_held'
  | 'plan_exists'
  // patrols and facility plans (PT-01..PT-03)
  | 'patrol_exists'
  | 'finding_closed'
  | 'unit_not_vacant'
  | 'equipment_retired'
  // meeting rooms (FD-06)
  | 'booking_conflict'
  | 'booking_closed'
  | 'room_retired'
  // front desk (FD-01..FD-04)
  | 'pass_needs_owner'
  | 'pass_request_decided'
  | 'pass_used'
  | 'pass_void'
  | 'pass_expired'
  | 'pass_not_yet_valid'
  | 'sign_previous_first'
  | 'sign_own_log'
  | 'log_signed'
  | 'lost_not_open'
  | 'return_found_only'
  | 'not_due_for_disposal'
  // quality inspections (QI-01..QI-03)
  | 'inspection_exists'
  | 'inspection_submitted'
  | 'inspection_not_submitted'
  | 'finding_not_proposed'
  // monthly results, bulletin and rectification (QI-04)
  | 'bulletin_exists'
  | 'bulletin_published'
  | 'bulletin_incomplete'
  | 'rectification_not_open'
  | 'rectification_not_closed'
  // the resident portal
  | 'code_wrong'
  | 'code_expired'
  | 'code_used'
  | 'code_attempts'
  | 'no_clerk_on_duty'
  | 'already_rated'
  // satisfaction surveys (SV-01..SV-04)
  | 'survey_not_open'
  | 'survey_answered'
  | 'survey_link_used'
  | 'survey_link_expired'
  | 'survey_not_closed'
  | 'verification_pending'
  | 'measure_missing'
  | 'measure_closed'
  | 'not_drawn_for_verification'
  | 'verify_own_answer';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly fields?: { path: string; key: string }[],
    /** Headers the answer carries, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
/** Concurrent edits are detected by the version column, never silently overwritten. */
export const staleVersion = () => new AppError(409, 'stale_version');
export const invalidField = (path: string, key: string) => new AppError(400, 'validation', [{ path, key }]);

/** A request that failed its zod contract; localized when answered. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly schema: z.ZodType,
    readonly input: unknown,
  ) {
    super('validation');
  }
}

/** An optimistic update (`… WHERE version = $expected RETURNING`) that matched nothing lost a race. */
export function updatedOrStale<T>(rows: T[]): T {
  if (!rows[0]) throw staleVersion();
  return rows[0];
}
