import { useQuery } from '@tanstack/react-query';
import { api, ApiProblem } from '../../../platform/web/api-client';
import type { PublicAreaList, PublicAreaPage, PublicLessonList } from '../contract';

/** The public pages' API as TanStack Query hooks; no session needed. */

export function usePublicAreas() {
  return useQuery({ queryKey: ['public-areas'], queryFn: () => api.get<PublicAreaList>('/api/v1/public/areas') });
}

export function usePublicAreaPage(code: string) {
  return useQuery({
    queryKey: ['public-areas', code],
    queryFn: () => api.get<PublicAreaPage>(`/api/v1/public/areas/${encodeURIComponent(code)}`),
    // A 404 is an answer (no public page for this area), not a hiccup to retry.
    retry: (count, error) => !(error instanceof ApiProblem && error.status === 404) && count < 2,
  });
}

export function usePublicLessons() {
  return useQuery({ queryKey: ['public-lessons'], queryFn: () => api.get<PublicLessonList>('/api/v1/public/lessons') });
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 404;
}
