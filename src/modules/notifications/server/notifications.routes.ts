import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/server/index.js';
import { DeleteNotifications, DeleteNotificationsResult, MarkRead, MarkReadResult, NotificationList, NotificationSettings, UpdateNotificationSettings } from '../contract.js';
import { deleteNotifications, listNotifications, markNotificationsRead } from './inbox.service.js';
import { getNotificationSettings, updateNotificationSettings } from './settings.service.js';

/** Everyone's own notifications and settings: no permission beyond being logged in; never another person's. */
export async function notificationsRoutes(app: FastifyInstance): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.ctx.database.db;
  const tags = ['notifications'];
  typed.get('/api/v1/me/notifications', { config: { access: 'authenticated' }, schema: { tags, summary: 'The caller\u2019s in-app notifications (newest 50) and how many are unread', response: { 200: NotificationList } } }, async (request) =>
    listNotifications(db(), app.ctx.config, requireActor(request)),
  );
  typed.post('/api/v1/me/notifications/read', { config: { access: 'authenticated' }, schema: { tags, summary: 'Mark some or all of the caller\u2019s notifications read; audited', body: MarkRead, response: { 200: MarkReadResult } } }, async (request) =>
    markNotificationsRead(db(), requireActor(request), request.body, app.ctx.clock()),
  );
  typed.post('/api/v1/me/notifications/delete', { config: { access: 'authenticated' }, schema: { tags, summary: 'Delete some of the caller\u2019s notifications, or all they have read; audited', body: DeleteNotifications, response: { 200: DeleteNotificationsResult } } }, async (request) =>
    deleteNotifications(db(), requireActor(request), request.body, app.ctx.clock()),
  );
  typed.get('/api/v1/me/notification-settings', { config: { access: 'authenticated' }, schema: { tags, summary: 'How the caller is told of each kind, and whether e-mail is possible', response: { 200: NotificationSettings } } }, async (request) =>
    getNotificationSettings(db(), app.ctx.config, requireActor(request)),
  );
  typed.put('/api/v1/me/notification-settings', { config: { access: 'authenticated' }, schema: { tags, summary: 'Choose per kind: in the app, e-mail at once, daily digest or off; audited', body: UpdateNotificationSettings, response: { 200: NotificationSettings } } }, async (request) =>
    updateNotificationSettings(db(), app.ctx.config, requireActor(request), request.body, app.ctx.clock()),
  );
}
