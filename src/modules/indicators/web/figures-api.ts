import { useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type { AreaDetail, AreaFeatureCollection, AreaList } from '../../areas/contract';
import type { FigureYears, Indicator, IndicatorValues, Profile, RankingResult, SavedRanking, Series } from '../contract';

/** The figures API (areas and indicators) as TanStack Query hooks. */

export type SavedRankingSummary = Omit<SavedRanking, 'result'>;
export type ImportSummary = {
  id: string;
  kind: string;
  fileName: string;
  year: number | null;
  rows: number;
  createdAt: string;
  createdBy: string | null;
  report: Record<string, unknown>;
};

/** The municipalities the demo ships, and "Nederland" (all gemeenten). */
export const NETHERLANDS = 'NL00';
export const MUNICIPALITY_CHOICES = ['GM0505', 'GM0308', NETHERLANDS] as const;
/** The year a place opens on: the one with buurt boundaries and the full set of figures. */
export const DEFAULT_YEARS: Record<string, number> = { GM0505: 2020 };

const enc = encodeURIComponent;

export function useIndicatorCatalogue() {
  return useQuery({
    queryKey: ['indicators', 'catalogue'],
    queryFn: async () => (await api.get<{ items: Indicator[] }>('/api/v1/indicators')).items,
    staleTime: 10 * 60_000,
  });
}

export function useArea(code: string | undefined, options: { geometry?: boolean; year?: number | null } = {}) {
  return useQuery({
    queryKey: ['areas', 'detail', code, options.geometry ?? false, options.year ?? null],
    queryFn: () => api.get<AreaDetail>(`/api/v1/areas/${enc(code ?? '')}${toQueryString({ geometry: options.geometry ? 'true' : undefined, year: options.year })}`),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

export function useAreaList(params: { municipality?: string; level: string; year?: number | null }, enabled = true) {
  return useQuery({
    queryKey: ['areas', 'list', params],
    queryFn: () => api.get<AreaList>(`/api/v1/areas${toQueryString({ municipality: params.municipality, level: params.level, year: params.year })}`),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/**
 * The server draws each area of a year with its newest boundary at or before that year (docs/figures.md,
 * "Areas and years"), so the asked year is usually enough. A year before the oldest boundary (Baarn's time
 * series from 2016, boundaries of 2024) has none: then a later year's boundaries are shown.
 */
export function featureYearCandidates(year: number, known: readonly number[]): number[] {
  const earlier = [...known].filter((value) => value < year).sort((a, b) => b - a);
  const later = [...known].filter((value) => value > year).sort((a, b) => a - b);
  const nearby = [year - 1, year - 2, year + 1];
  return [...new Set([year, ...earlier, ...nearby, ...later])];
}

export function useAreaFeatures(params: { municipality?: string | undefined; level: string; year: number | null; knownYears?: readonly number[] }) {
  const { knownYears = [], ...key } = params;
  return useQuery({
    queryKey: ['areas', 'features', key],
    queryFn: async () => {
      for (const year of featureYearCandidates(params.year ?? 0, knownYears)) {
        const collection = await api.get<AreaFeatureCollection>(`/api/v1/area-features${toQueryString({ municipality: params.municipality, level: params.level, year })}`);
        if (collection.features.length > 0) return collection;
      }
      return { type: 'FeatureCollection', features: [] } as AreaFeatureCollection;
    },
    enabled: params.year !== null,
    staleTime: 10 * 60_000,
  });
}

/**
 * Years with figures at a level (some sit on older boundaries, without boundaries of their own), and per
 * indicator the years it has figures (the indicator picker).
 */
export function useFigureYears(params: { municipality?: string | undefined; level: string }) {
  return useQuery({
    queryKey: ['indicators', 'figure-years', params],
    queryFn: () => api.get<FigureYears>(`/api/v1/figure-years${toQueryString({ municipality: params.municipality, level: params.level })}`),
    staleTime: 5 * 60_000,
  });
}

export function useIndicatorValues(params: { indicator: string; municipality?: string | undefined; level: string; period: number | null }) {
  return useQuery({
    queryKey: ['indicators', 'values', params],
    queryFn: () =>
      api.get<IndicatorValues>(
        `/api/v1/indicators/${enc(params.indicator)}/values${toQueryString({ municipality: params.municipality, level: params.level, period: params.period })}`,
      ),
    enabled: Boolean(params.indicator) && params.period !== null,
  });
}

export function useProfile(code: string | undefined, period: number | null) {
  return useQuery({
    queryKey: ['indicators', 'profile', code, period],
    queryFn: () => api.get<Profile>(`/api/v1/areas/${enc(code ?? '')}/profile${toQueryString({ period })}`),
    enabled: Boolean(code),
  });
}

export function useSeries(code: string | undefined, indicator: string | null) {
  return useQuery({
    queryKey: ['indicators', 'series', code, indicator],
    queryFn: () => api.get<Series>(`/api/v1/areas/${enc(code ?? '')}/series${toQueryString({ indicator })}`),
    enabled: Boolean(code) && Boolean(indicator),
  });
}

export function useSavedRankings(municipality: string) {
  return useQuery({
    queryKey: ['rankings', 'list', municipality],
    queryFn: async () => (await api.get<{ items: SavedRankingSummary[] }>(`/api/v1/rankings${toQueryString({ municipality })}`)).items,
  });
}

export function useSavedRanking(id: string | undefined) {
  return useQuery({
    queryKey: ['rankings', 'detail', id],
    queryFn: () => api.get<SavedRanking>(`/api/v1/rankings/${enc(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useImports() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: async () => (await api.get<{ items: ImportSummary[] }>('/api/v1/imports')).items,
  });
}

export function profileExportUrl(code: string, period: number | null, format: 'csv' | 'xlsx'): string {
  return `/api/v1/areas/${enc(code)}/profile/export${toQueryString({ period, format })}`;
}

export type { RankingResult };

/** The data's source line, on every map and profile (CC BY 4.0). */
export const DATA_ATTRIBUTION = 'Bron: CBS, Kadaster';
