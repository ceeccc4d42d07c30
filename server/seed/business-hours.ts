// The demo's clock: a property desk works 08:00–20:00 local time (the projects are in Beijing time), so
// replayed calls and the steps after them fall in those hours, not in UTC business hours (issue 18).
import { addDays, fromLocal, toLocal } from '../platform/clock';
import type { Rng } from './random';

export const DEMO_TZ = 'Asia/Shanghai';
const OPEN = 8 * 60;
const CLOSE = 20 * 60;

/** A moment in the desk's hours on the local day `daysAgo` days before `now`. */
export function deskMoment(r: Rng, now: Date, daysAgo: number): Date {
  const day = addDays(toLocal(now, DEMO_TZ).date, -daysAgo);
  // Most calls come in the morning and late afternoon, as at a real desk.
  const minute = r.chance(0.55) ? r.int(OPEN + 15, 12 * 60) : r.int(13 * 60 + 30, CLOSE - 15);
  return fromLocal(day, minute, DEMO_TZ);
}

/** The same instant when the desk is open; otherwise the next opening, a few minutes in. */
export function inDeskHours(t: number): number {
  const local = toLocal(new Date(t), DEMO_TZ);
  const jitter = Math.floor(t / 60_000) % 45;
  if (local.minutes < OPEN) return fromLocal(local.date, OPEN + jitter, DEMO_TZ).getTime();
  if (local.minutes >= CLOSE) return fromLocal(addDays(local.date, 1), OPEN + jitter, DEMO_TZ).getTime();
  return t;
}
