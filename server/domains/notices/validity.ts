// NT-02, NT-05: the validity rules of a notice, checked on drafting and editing (field errors).
import { daysInclusive, maxValidTo, MIN_UP_DAYS, type TNoticeKind } from '../../../common/notices';
import { fromLocal, addDays } from '../../platform/clock';
import { invalidField } from '../../platform/errors';

export interface Validity {
  validFrom: string;
  validTo: string;
  period: string | null;
}

export function checkValidity(kind: TNoticeKind, v: { validFrom: string; validTo: string; period?: string | null }): Validity {
  if (v.validTo < v.validFrom) throw invalidField('validTo', 'valid_to_before_from');
  // NT-02: at most 3 months; long-lived information belongs on signs.
  if (v.validTo > maxValidTo(v.validFrom)) throw invalidField('validTo', 'validity_over_3_months');
  // NT-05: the briefing and the annual publication stay up at least 15 days.
  if (kind !== 'general' && daysInclusive(v.validFrom, v.validTo) < MIN_UP_DAYS) throw invalidField('validTo', 'up_at_least_15_days');
  let period = v.period ?? null;
  if (kind === 'briefing') {
    period ??= v.validFrom.slice(0, 7);
    if (!/^\d{4}-\d{2}$/.test(period)) throw invalidField('period', 'bad_period');
  } else if (kind === 'annual') {
    period ??= v.validFrom.slice(0, 4);
    if (!/^\d{4}$/.test(period)) throw invalidField('period', 'bad_period');
  } else period = null;
  return { validFrom: v.validFrom, validTo: v.validTo, period };
}

/** The instant a notice stops being valid: the end of its last day, local time. */
export const validUntilOf = (validTo: string, tz: string) => fromLocal(addDays(validTo, 1), 0, tz);
