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
});
export type TCalendar = z.infer<typeof ZCalendar>;

export const ZCalendarUpdate = z.object({
  settings: ZCalendarSettings,
  days: z.array(ZCalendarDay).max(400),
  version: z.number().int(),
});
