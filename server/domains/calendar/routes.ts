import * as z from 'zod';
import { ZCalendar, ZCalendarUpdate } from '../../../common/calendar';
import { ZIdParams } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { updateCalendar } from './commands/update-calendar';
import { calendarOf } from './queries';

export function calendarRoutes(app: App, { db }: Deps) {
  app.get('/api/projects/:id/calendar', { schema: { params: ZIdParams, response: { 200: ZCalendar } }, config: { access: 'project.read' } }, (req) =>
    calendarOf(db, principal(req), req.params.id),
  );
  app.put(
    '/api/projects/:id/calendar',
    { schema: { params: ZIdParams, body: ZCalendarUpdate, response: { 200: ZCalendar } }, config: { access: 'calendar.write' } },
    (req) => updateCalendar(db, principal(req), req.params.id, req.body),
  );
}
