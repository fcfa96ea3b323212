import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type {
  Assessment,
  FollowView,
  GrantDecision,
  GrantInput,
  InitiativeDetail,
  InitiativeOptions,
  InitiativeStatus,
  InitiativeSummary,
  StatusChange,
  Submitted,
  SubmitInitiative,
  WijkbudgetOverview,
  WijkbudgetSummary,
} from '../contract';

/** The initiatives API as TanStack Query hooks (docs/initiatives.md). */

export function useInitiativeOptions() {
  return useQuery({ queryKey: ['initiative-options'], queryFn: () => api.get<InitiativeOptions>('/api/v1/public/initiative-options') });
}

export function useSubmitInitiative() {
  return useMutation({ mutationFn: (body: SubmitInitiative) => api.post<Submitted>('/api/v1/public/initiatives', body) });
}

export function useFollow(token: string) {
  return useQuery({ queryKey: ['initiative-follow', token], queryFn: () => api.get<FollowView>(`/api/v1/public/initiatives/follow/${encodeURIComponent(token)}`), retry: false });
}

export function useWijkbudgetOverview(areaCode: string) {
  return useQuery({ queryKey: ['wijkbudget-overview', areaCode], queryFn: () => api.get<WijkbudgetOverview>(`/api/v1/public/wijkbudgets/${encodeURIComponent(areaCode)}`), retry: false });
}

export function useInitiatives(filter: { status?: InitiativeStatus | ''; area?: string }) {
  return useQuery({ queryKey: ['initiatives', filter], queryFn: () => api.get<{ items: InitiativeSummary[] }>(`/api/v1/initiatives${toQueryString(filter)}`) });
}

export function useWijkbudgets() {
  return useQuery({ queryKey: ['wijkbudgets'], queryFn: () => api.get<{ items: WijkbudgetSummary[] }>('/api/v1/wijkbudgets') });
}

export function useInitiative(id: string) {
  return useQuery({ queryKey: ['initiative', id], queryFn: () => api.get<InitiativeDetail>(`/api/v1/initiatives/${id}`) });
}

export function useContact(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['initiative-contact', id], queryFn: () => api.get<{ contact: { name: string; email: string; phone: string } | null; removedAt: string | null }>(`/api/v1/initiatives/${id}/contact`), enabled });
}

type Outcome = InitiativeDetail & { outcome?: 'granted' | 'waiting_for_second_person' | 'rejected' };

/** Every workflow action answers the initiative afresh; the page shows it and the lists refresh. */
function useInitiativeAction<Body>(id: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<Outcome>(`/api/v1/initiatives/${id}${path}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(['initiative', id], detail);
      void queryClient.invalidateQueries({ queryKey: ['initiatives'] });
      void queryClient.invalidateQueries({ queryKey: ['wijkbudgets'] });
    },
  });
}

export const useChangeStatus = (id: string) => useInitiativeAction<StatusChange>(id, '/status');
export const useAssess = (id: string) => useInitiativeAction<Assessment>(id, '/assessment');
export const useGrant = (id: string) => useInitiativeAction<GrantInput>(id, '/grant');
export const useDecideGrant = (id: string) => useInitiativeAction<GrantDecision>(id, '/grant/decision');
