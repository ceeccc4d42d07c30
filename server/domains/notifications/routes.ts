import * as z from 'zod';
import { ZNotificationList } from '../../../common/desk';
import { ZId } from '../../../common/shared';
import { principal, type App, type Deps } from '../../platform/http';
import { markRead, myNotifications } from './queries';

export function notificationRoutes(app: App, { db }: Deps) {
  app.get('/api/notifications', { schema: { response: { 200: ZNotificationList } }, config: { access: 'signed_in' } }, (req) => myNotifications(db, principal(req)));
  app.post('/api/notifications/read', { schema: { body: z.object({ id: ZId.optional() }), response: { 200: ZNotificationList } }, config: { access: 'signed_in' } }, async (req) => {
    // Marking read is the reader's own bookkeeping, not a change to a business record, so it has no audit event.
    await markRead(db, principal(req), req.body.id);
    return myNotifications(db, principal(req));
  });
}
