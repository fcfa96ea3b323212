import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type { ProgrammeSummary } from '../../programmes/contract';
import type { Candidate, CreateEvaluation, EvaluationDetail, EvaluationSummary, EvidenceOptions, FactorKind, Framework, LibraryFactor } from '../contract';

/** The evaluation API as TanStack Query hooks. Every change answers the evaluation as the caller now sees it. */

const ROOT = ['evaluation'] as const;
const keys = {
  list: [...ROOT, 'list'] as const,
  detail: (id: string) => [...ROOT, 'detail', id] as const,
  candidates: (id: string) => [...ROOT, 'candidates', id] as const,
  options: (id: string) => [...ROOT, 'options', id] as const,
  library: (q: string, kind: string) => [...ROOT, 'library', q, kind] as const,
  programmes: [...ROOT, 'programmes'] as const,
  frameworks: [...ROOT, 'frameworks'] as const,
};

export function useEvaluations() {
  return useQuery({ queryKey: keys.list, queryFn: async () => (await api.get<{ items: EvaluationSummary[] }>('/api/v1/evaluations')).items });
}

export function useEvaluation(id: string) {
  return useQuery({ queryKey: keys.detail(id), queryFn: () => api.get<EvaluationDetail>(`/api/v1/evaluations/${encodeURIComponent(id)}`) });
}

export function useCandidates(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.candidates(id), enabled, queryFn: async () => (await api.get<{ items: Candidate[] }>(`/api/v1/evaluations/${encodeURIComponent(id)}/candidates`)).items });
}

export function useEvidenceOptions(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.options(id), enabled, queryFn: () => api.get<EvidenceOptions>(`/api/v1/evaluations/${encodeURIComponent(id)}/evidence-options`) });
}

export function useFactorLibrary(q: string, kind: FactorKind | '') {
  return useQuery({
    queryKey: keys.library(q, kind),
    queryFn: async () => (await api.get<{ items: LibraryFactor[] }>(`/api/v1/evaluation-factors${toQueryString({ q: q.trim() || undefined, kind: kind || undefined })}`)).items,
  });
}

/** The fixed frameworks with their source, shown under each framework's heading. */
export function useFrameworks() {
  return useQuery({ queryKey: keys.frameworks, staleTime: Infinity, queryFn: async () => (await api.get<{ items: Framework[] }>('/api/v1/evaluation-frameworks')).items });
}

export function useProgrammes() {
  return useQuery({ queryKey: keys.programmes, queryFn: async () => (await api.get<{ items: ProgrammeSummary[] }>('/api/v1/programmes')).items });
}

export function useCreateEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEvaluation) => api.post<EvaluationDetail>('/api/v1/evaluations', body),
    onSuccess: (evaluation) => {
      queryClient.setQueryData(keys.detail(evaluation.id), evaluation);
      void queryClient.invalidateQueries({ queryKey: keys.list });
    },
  });
}

export interface EvaluationChange {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

/** Any change inside one evaluation; the answer replaces what the page shows. */
export function useEvaluationChange(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: EvaluationChange) => (method === 'POST' ? api.post<EvaluationDetail>(path, body) : method === 'PUT' ? api.put<EvaluationDetail>(path, body) : (api.delete(path) as Promise<unknown> as Promise<EvaluationDetail>)),
    onSuccess: (evaluation) => {
      if (evaluation) queryClient.setQueryData(keys.detail(evaluationId), evaluation);
      void queryClient.invalidateQueries({ queryKey: keys.list });
      void queryClient.invalidateQueries({ queryKey: keys.candidates(evaluationId) });
      void queryClient.invalidateQueries({ queryKey: [...ROOT, 'library'] });
    },
  });
}
