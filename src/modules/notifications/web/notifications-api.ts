import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../platform/web/api-client';
import type { DeleteNotifications, DeleteNotificationsResult, MarkRead, NotificationList, NotificationSettings, UpdateNotificationSettings } from '../contract';

/** The notifications module's API calls as TanStack Query hooks. */

const ROOT = ['notifications'] as const;
const keys = { list: [...ROOT, 'list'] as const, settings: [...ROOT, 'settings'] as const };

/** The caller's notifications; asked again every minute, so the header's count follows the job. */
export function useNotifications() {
  return useQuery({ queryKey: keys.list, queryFn: () => api.get<NotificationList>('/api/v1/me/notifications'), refetchInterval: 60_000 });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkRead) => api.post<{ marked: number; unreadCount: number }>('/api/v1/me/notifications/read', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.list }),
  });
}

export function useDeleteNotifications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteNotifications) => api.post<DeleteNotificationsResult>('/api/v1/me/notifications/delete', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.list }),
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => api.get<NotificationSettings>('/api/v1/me/notification-settings') });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateNotificationSettings) => api.put<NotificationSettings>('/api/v1/me/notification-settings', input),
    onSuccess: (data) => queryClient.setQueryData(keys.settings, data),
  });
}
