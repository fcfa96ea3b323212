import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, getCsrfToken, parseProblem } from '../../../platform/web/api-client';
import type { Answers, CodeBatchRequest, CodeLookupResult, PublicSurvey, PublishResult, SurveyDetail, SurveyList, SurveyResults } from '../contract';

/** The survey API as TanStack Query hooks (docs/survey.md). */

export function useSurveys() {
  return useQuery({ queryKey: ['surveys'], queryFn: () => api.get<SurveyList>('/api/v1/surveys') });
}

export function useSurvey(id: string) {
  return useQuery({ queryKey: ['surveys', id], queryFn: () => api.get<SurveyDetail>(`/api/v1/surveys/${id}`) });
}

export function useSurveyResults(id: string) {
  return useQuery({ queryKey: ['surveys', id, 'results'], queryFn: () => api.get<SurveyResults>(`/api/v1/surveys/${id}/results`) });
}

export function usePublishFigures(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PublishResult>(`/api/v1/surveys/${id}/figures`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

/** Makes codes and saves the print file the answer carries (it cannot be fetched again). */
export function useMakeCodes(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CodeBatchRequest) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/csv, application/pdf, application/problem+json' };
      const csrf = getCsrfToken();
      if (csrf) headers['x-csrf-token'] = csrf;
      const response = await fetch(`/api/v1/surveys/${id}/code-batches`, { method: 'POST', headers, body: JSON.stringify(request), credentials: 'same-origin' });
      if (!response.ok) throw parseProblem(response.status, await response.json().catch(() => undefined), response.headers.get('retry-after'));
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `codes.${request.format}`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { name, count: request.buurtCodes.length * request.perBuurt };
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['surveys', id] }),
  });
}

// The resident's side, without login.

export function useSurveyForm(id: string) {
  return useQuery({ queryKey: ['survey-forms', id], queryFn: () => api.get<PublicSurvey>(`/api/v1/survey-forms/${id}`), retry: false });
}

export function useLookupCode() {
  return useMutation({ mutationFn: (code: string) => api.post<CodeLookupResult>('/api/v1/survey-invitations/lookup', { code }) });
}

export function useAnswerWithCode() {
  return useMutation({ mutationFn: (body: { code: string; answers: Answers }) => api.post<{ received: true }>('/api/v1/survey-invitations/responses', body) });
}

export function useAnswerOpen(id: string) {
  return useMutation({ mutationFn: (body: { buurtCode: string; answers: Answers; browserToken: string }) => api.post<{ received: true }>(`/api/v1/survey-forms/${id}/responses`, body) });
}

/**
 * The open link's duplicate check: a random value this browser keeps for the survey. It says nothing about
 * who answers; the server keeps only a keyed hash of it until the survey closes.
 */
export function browserTokenFor(surveyId: string): string {
  const key = `wijkregie.survey.${surveyId}`;
  const stored = window.localStorage.getItem(key);
  if (stored) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  window.localStorage.setItem(key, token);
  return token;
}
