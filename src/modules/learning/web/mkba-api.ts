import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type { AreaList } from '../../areas/contract';
import type { CreateMkba, LinkableGoal, MkbaDetail, MkbaResult, MkbaSummary } from '../contract';

/** The MKBA API as TanStack Query hooks. Every change answers the whole MKBA; the result is read again. */

const ROOT = ['learning', 'mkba'] as const;
const keys = {
  list: [...ROOT, 'list'] as const,
  detail: (id: string) => [...ROOT, 'detail', id] as const,
  result: (id: string) => [...ROOT, 'result', id] as const,
  areas: (level: string) => ['learning', 'areas', level] as const,
  goals: (id: string) => [...ROOT, 'goals', id] as const,
};

export function useMkbas() {
  return useQuery({ queryKey: keys.list, queryFn: async () => (await api.get<{ items: MkbaSummary[] }>('/api/v1/mkbas')).items });
}

export function useMkba(id: string) {
  return useQuery({ queryKey: keys.detail(id), queryFn: () => api.get<MkbaDetail>(`/api/v1/mkbas/${encodeURIComponent(id)}`) });
}

export function useMkbaResult(id: string) {
  return useQuery({ queryKey: keys.result(id), queryFn: () => api.get<MkbaResult>(`/api/v1/mkbas/${encodeURIComponent(id)}/result`) });
}

/** The MKBAs with a benefit tied to a goal (under the list's key, so every MKBA change reads it again). */
export function useMkbasOfGoal(goalId: string, enabled: boolean) {
  return useQuery({ queryKey: [...keys.list, 'goal', goalId], queryFn: async () => (await api.get<{ items: MkbaSummary[] }>(`/api/v1/mkbas${toQueryString({ goal: goalId })}`)).items, enabled });
}

/** The programme goals measured in the MKBA's area, to tie a benefit to. */
export function useLinkableGoals(id: string) {
  return useQuery({ queryKey: keys.goals(id), queryFn: async () => (await api.get<{ items: LinkableGoal[] }>(`/api/v1/mkbas/${encodeURIComponent(id)}/linkable-goals`)).items });
}

/** Focus areas and wijken to choose from when starting an MKBA. */
export function useAreaChoices(level: 'focus' | 'wijk') {
  return useQuery({ queryKey: keys.areas(level), queryFn: async () => (await api.get<AreaList>(`/api/v1/areas${toQueryString({ level })}`)).items });
}

export function useCreateMkba() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMkba) => api.post<MkbaDetail>('/api/v1/mkbas', body),
    onSuccess: (mkba) => {
      queryClient.setQueryData(keys.detail(mkba.id), mkba);
      void queryClient.invalidateQueries({ queryKey: keys.list });
    },
  });
}

export interface MkbaChange {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

/** Any change inside one MKBA (settings, alternatives, measures, lines). */
export function useMkbaChange(mkbaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: MkbaChange) => (method === 'POST' ? api.post<MkbaDetail>(path, body) : method === 'PATCH' ? api.patch<MkbaDetail>(path, body) : api.delete(path)),
    onSuccess: (mkba) => {
      if (mkba) queryClient.setQueryData(keys.detail(mkbaId), mkba);
      void queryClient.invalidateQueries({ queryKey: keys.result(mkbaId) });
      void queryClient.invalidateQueries({ queryKey: keys.list });
    },
  });
}
