import { useQuery } from '@tanstack/react-query';
import { api } from '../../../platform/web/api-client';
import type { Worklist } from '../contract';

export const WORKLIST_QUERY_KEY = ['worklist'] as const;

/** The caller's worklist; read again whenever the start page is shown. */
export function useWorklist() {
  return useQuery({ queryKey: WORKLIST_QUERY_KEY, queryFn: () => api.get<Worklist>('/api/v1/me/worklist'), refetchOnMount: 'always' });
}
