import { useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import { formatInstant } from '../../../platform/shared/time';
import type { AreaFeatureCollection } from '../../areas/contract';
import type { Case, CaseSummary, Signal, SignalCounts, SignalList, Taxonomy } from '../contract';

/** The signals API as TanStack Query hooks. Person references only ever travel in request bodies. */

export const DEMO_MUNICIPALITY = 'GM0505';
/** The buurt boundaries the register form and the counts map draw (the demo's Dordrecht 2020 set). */
export const BOUNDARY_YEAR = 2020;

export function useTaxonomy() {
  return useQuery({ queryKey: ['signals', 'taxonomy'], queryFn: () => api.get<Taxonomy>('/api/v1/signal-categories'), staleTime: 10 * 60_000 });
}

export interface SignalFilters {
  municipality: string;
  category?: string | undefined;
  areaCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset?: number | undefined;
}

export function useSignals(filters: SignalFilters) {
  return useQuery({
    queryKey: ['signals', 'list', filters],
    queryFn: () => api.get<SignalList>(`/api/v1/signals${toQueryString({ ...filters, limit: 50 })}`),
  });
}

export function useSignalCounts(filters: Omit<SignalFilters, 'areaCode' | 'offset'>) {
  return useQuery({
    queryKey: ['signals', 'counts', filters],
    queryFn: () => api.get<SignalCounts>(`/api/v1/signals/counts${toQueryString({ ...filters, level: 'buurt' })}`),
  });
}

export function useSignal(id: string | undefined) {
  return useQuery({ queryKey: ['signals', 'detail', id], queryFn: () => api.get<Signal>(`/api/v1/signals/${encodeURIComponent(id ?? '')}`), enabled: Boolean(id), retry: false });
}

export function useBuurtFeatures(municipality: string) {
  return useQuery({
    queryKey: ['signals', 'buurten', municipality],
    queryFn: () => api.get<AreaFeatureCollection>(`/api/v1/area-features${toQueryString({ municipality, level: 'buurt', year: BOUNDARY_YEAR })}`),
    staleTime: 30 * 60_000,
  });
}

export function useCases(municipality: string) {
  return useQuery({ queryKey: ['signals', 'cases', municipality], queryFn: () => api.get<{ items: CaseSummary[] }>(`/api/v1/signal-cases${toQueryString({ municipality })}`) });
}

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: ['signals', 'case', id], queryFn: () => api.get<Case>(`/api/v1/signal-cases/${encodeURIComponent(id ?? '')}`), enabled: Boolean(id), retry: false });
}

export function useOrganisations() {
  return useQuery({ queryKey: ['signals', 'organisations'], queryFn: async () => (await api.get<{ items: { id: string; name: string; kind: string }[] }>('/api/v1/organisations')).items, staleTime: 10 * 60_000 });
}

export function categoryName(taxonomy: Taxonomy | undefined, code: string, language: string): string {
  const category = taxonomy?.categories.find((c) => c.code === code);
  if (!category) return code;
  return language.startsWith('en') ? category.nameEn : category.nameNl;
}

export function regimeName(taxonomy: Taxonomy | undefined, code: string, language: string): string {
  const regime = taxonomy?.regimes.find((r) => r.code === code);
  if (!regime) return code;
  return language.startsWith('en') ? regime.nameEn : regime.nameNl;
}

/** A moment in Amsterdam time, as every page shows it. */
export function formatDateTime(iso: string, language: string): string {
  return formatInstant(iso, language);
}

export function formatDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
