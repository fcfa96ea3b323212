import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type {
  Action,
  ActionList,
  CreateAction,
  CreateAgendaItem,
  CreateDecision,
  CreateEscalation,
  CreateMeeting,
  DirectionDashboard,
  Escalation,
  Link,
  MeetingDetail,
  MeetingList,
  OwnerOptions,
  UpdateAction,
} from '../contract';

/** The meetings module's API calls as TanStack Query hooks; every change refreshes everything meetings show. */

const ROOT = ['meetings'] as const;
const keys = {
  list: [...ROOT, 'list'] as const,
  detail: (id: string) => [...ROOT, 'detail', id] as const,
  mine: [...ROOT, 'mine'] as const,
  owners: [...ROOT, 'owners'] as const,
  linkOptions: (municipality: string) => [...ROOT, 'link-options', municipality] as const,
  areas: (municipality: string) => [...ROOT, 'areas', municipality] as const,
  direction: [...ROOT, 'direction'] as const,
  escalations: (status: string) => [...ROOT, 'escalations', status] as const,
};

export function useMeetings() {
  return useQuery({ queryKey: keys.list, queryFn: () => api.get<MeetingList>('/api/v1/meetings') });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: keys.detail(id), queryFn: () => api.get<MeetingDetail>(`/api/v1/meetings/${encodeURIComponent(id)}`) });
}

export function useMyActions() {
  return useQuery({ queryKey: keys.mine, queryFn: () => api.get<ActionList>('/api/v1/my-actions?include=all') });
}

export function useOwnerOptions(enabled: boolean) {
  return useQuery({ queryKey: keys.owners, queryFn: () => api.get<OwnerOptions>('/api/v1/meeting-owners'), enabled, staleTime: 60_000 });
}

export type AreaLevelChoice = 'focus' | 'wijk' | 'buurt';
export interface AreaChoice {
  code: string;
  name: string;
  level: AreaLevelChoice;
}

/** The focus areas, wijken and buurten of a municipality (newest boundaries), for the area and link pickers. */
export function useMunicipalityAreas(municipality: string, enabled = true) {
  return useQuery({
    queryKey: keys.areas(municipality),
    queryFn: async () => {
      const levels: AreaLevelChoice[] = ['focus', 'wijk', 'buurt'];
      const lists = await Promise.all(levels.map((level) => api.get<{ items: { code: string; name: string }[] }>(`/api/v1/areas${toQueryString({ municipality, level })}`)));
      return levels.flatMap((level, i) =>
        (lists[i]?.items ?? []).map((a) => ({ code: a.code, name: a.name, level })).sort((x, y) => x.name.localeCompare(y.name, 'nl')),
      );
    },
    enabled: enabled && municipality !== '',
    staleTime: 300_000,
  });
}

export type LinkOption = Link & { group: AreaLevelChoice | 'programme' | 'goal' | 'activity' };

/** Priority areas (focus areas, then wijken and buurten) and the programmes' goals and activities. */
export function useLinkOptions(municipality: string, enabled: boolean) {
  const programmes = useQuery({
    queryKey: keys.linkOptions(municipality),
    queryFn: async () => (await api.get<{ items: Link[] }>(`/api/v1/meeting-link-options${toQueryString({ municipality })}`)).items,
    enabled,
    staleTime: 60_000,
  });
  const areas = useMunicipalityAreas(municipality, enabled);
  const priority = (level: AreaLevelChoice): LinkOption[] =>
    (areas.data ?? []).filter((a) => a.level === level).map((a) => ({ kind: 'priority' as const, id: a.code, label: a.name, group: level }));
  const items: LinkOption[] = [
    ...priority('focus'),
    ...(['programme', 'goal', 'activity'] as const).flatMap((kind) => (programmes.data ?? []).filter((l) => l.kind === kind).map((l) => ({ ...l, group: kind }))),
    ...priority('wijk'),
    ...priority('buurt'),
  ];
  return { items, isPending: programmes.isPending || areas.isPending, error: programmes.error ?? areas.error };
}

export function useDirection() {
  return useQuery({ queryKey: keys.direction, queryFn: () => api.get<DirectionDashboard>('/api/v1/direction') });
}

export function useEscalations(status: 'open' | 'handled') {
  return useQuery({ queryKey: keys.escalations(status), queryFn: async () => (await api.get<{ items: Escalation[] }>(`/api/v1/escalations?status=${status}`)).items });
}

function useMeetingsMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  // Not awaited: the caller's own onSuccess (a confirmation) must run even when the refetch unmounts its form.
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ROOT });
    },
  });
}

export const useCreateMeeting = () => useMeetingsMutation((input: CreateMeeting) => api.post<MeetingDetail>('/api/v1/meetings', input));
export const useAddAgendaItem = (meetingId: string) =>
  useMeetingsMutation((input: CreateAgendaItem) => api.post<MeetingDetail>(`/api/v1/meetings/${encodeURIComponent(meetingId)}/agenda-items`, input));
export const useAddDecision = () =>
  useMeetingsMutation(({ itemId, ...input }: CreateDecision & { itemId: string }) => api.post<MeetingDetail>(`/api/v1/agenda-items/${encodeURIComponent(itemId)}/decisions`, input));
export const useSetNoDecision = () =>
  useMeetingsMutation(({ itemId, reason }: { itemId: string; reason: string | null }) => api.patch<MeetingDetail>(`/api/v1/agenda-items/${encodeURIComponent(itemId)}`, { noDecisionReason: reason }));
export const useAddAction = (meetingId: string) => useMeetingsMutation((input: CreateAction) => api.post<Action>(`/api/v1/meetings/${encodeURIComponent(meetingId)}/actions`, input));
export const useUpdateAction = () => useMeetingsMutation(({ id, changes }: { id: string; changes: UpdateAction }) => api.patch<Action>(`/api/v1/meeting-actions/${encodeURIComponent(id)}`, changes));
export const useSetDecisionPublication = () =>
  useMeetingsMutation(({ id, isPublic }: { id: string; isPublic: boolean }) => api.put<MeetingDetail>(`/api/v1/decisions/${encodeURIComponent(id)}/publication`, { public: isPublic }));
export const useCloseMeeting = (meetingId: string) => useMeetingsMutation(() => api.post<MeetingDetail>(`/api/v1/meetings/${encodeURIComponent(meetingId)}/close`));
export const useEscalate = () => useMeetingsMutation((input: CreateEscalation) => api.post<Escalation>('/api/v1/escalations', input));
export const useHandleEscalation = () =>
  useMeetingsMutation(({ id, resolution }: { id: string; resolution: string }) => api.patch<Escalation>(`/api/v1/escalations/${encodeURIComponent(id)}`, { resolution }));
