import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiProblem } from '../../../platform/web/api-client';
import type { NewsletterArchive, NewsletterAreaList, Newsletter, NewsletterDraft, SendNewsletter, SendResult, SubscribeInput } from '../contract';

/** The newsletter's API as TanStack Query hooks. */

export function useNewsletterAreas() {
  return useQuery({ queryKey: ['newsletter', 'areas'], queryFn: () => api.get<NewsletterAreaList>('/api/v1/public/newsletter/areas') });
}

export function useNewsletterArchive(areaCode: string) {
  return useQuery({ queryKey: ['newsletter', 'archive', areaCode], queryFn: () => api.get<NewsletterArchive>(`/api/v1/public/newsletters/areas/${encodeURIComponent(areaCode)}`) });
}

export function useNewsletter(id: string) {
  return useQuery({ queryKey: ['newsletter', 'one', id], queryFn: () => api.get<Newsletter>(`/api/v1/public/newsletters/${encodeURIComponent(id)}`) });
}

export function useSubscribe() {
  return useMutation({ mutationFn: (body: SubscribeInput) => api.post<{ status: string }>('/api/v1/public/newsletter/subscriptions', body) });
}

export function useConfirm() {
  return useMutation({ mutationFn: (token: string) => api.post<{ areas: { code: string; name: string }[] }>('/api/v1/public/newsletter/confirmations', { token }) });
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: (token: string) => api.post<{ status: string }>(`/api/v1/public/newsletter/unsubscribe/${encodeURIComponent(token)}`) });
}

export function useNewsletterDraft(areaCode: string | null) {
  return useQuery({
    queryKey: ['newsletter', 'draft', areaCode],
    queryFn: () => api.get<NewsletterDraft>(`/api/v1/newsletter-drafts/${encodeURIComponent(areaCode ?? '')}`),
    enabled: areaCode !== null,
    // A draft is a starting point: not refreshed under the manager's edits.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useSendNewsletter() {
  return useMutation({ mutationFn: (body: SendNewsletter) => api.post<SendResult>('/api/v1/newsletters', body) });
}

/** The problem code of a failed request, to word the newsletter's own cases (expired link, too many tries). */
export function problemCode(error: unknown): string | null {
  return error instanceof ApiProblem ? error.code : null;
}
