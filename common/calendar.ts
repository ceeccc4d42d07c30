// ORG-01: a project's working calendar.
import * as z from 'zod';
import { ZId } from './shared';

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const DAY_KINDS = ['holiday', 'workday'] as const;

export const ZCalendarSettings = z
  .object({
    timezone: z.string().min(1).max(50),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7), // ISO: 1 = Monday
    businessStart: ZClock,
    businessEnd: ZClock,
  })
  .refine((s) => s.businessStart < s.businessEnd, { path: ['businessEnd'], error: 'end_before_start' });
export type TCalendarSettings = z.infer<typeof ZCalendarSettings>;

export const ZCalendarDay = z.object({
  date: z.iso.date(),
  kind: z.enum(DAY_KINDS), // holiday: day off on a weekday; workday: make-up workday (调休) on a weekend
  name: z.string().max(50),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendar = z.object({
  projectId: ZId,
  settings: ZCalendarSettings,
  days: z.array(ZCalendarDay),
  version: z.number().int(),
  /** ORG-01: the years the calendar holds (loaded from the official schedule or entered by hand). */
  loadedYears: z.array(z.number().int()),
  /** From 1 December: next year is not in the calendar yet, so an administrator must enter it by hand. */
  nextYearMissing: z.boolean(),
});
export type TCalendar = z.infer<typeof ZCalendar>;

export const ZCalendarUpdate = z.object({
  settings: ZCalendarSettings,
  days: z.array(ZCalendarDay).max(3000), // every official year since 2004 is about 900 days
  version: z.number().int(),
});
