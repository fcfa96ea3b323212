import { useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type { AreaFeatureCollection } from '../../areas/contract';
import type { SavedHotspotSummary } from '../contract';

export function useIndicatorChoices() {
  return useQuery({
    queryKey: ['indicators', 'catalogue'],
    queryFn: async () => (await api.get<{ items: { code: string; name: string; theme: string }[] }>('/api/v1/indicators')).items,
    staleTime: 10 * 60_000,
  });
}

export function useAreaYears(municipality: string, level: string) {
  return useQuery({
    queryKey: ['areas', 'list', municipality, level],
    queryFn: () => api.get<{ year: number | null }>(`/api/v1/areas${toQueryString({ municipality, level })}`),
    staleTime: 10 * 60_000,
  });
}

export function useAreaShapes(municipality: string | null, level: string, year: number | null) {
  return useQuery({
    queryKey: ['areas', 'features', { municipality, level, year }],
    queryFn: () => api.get<AreaFeatureCollection>(`/api/v1/area-features${toQueryString({ municipality: municipality ?? undefined, level, year })}`),
    enabled: municipality !== null && year !== null,
    staleTime: 10 * 60_000,
  });
}

export function useSavedHotspots() {
  return useQuery({
    queryKey: ['hotspots', 'saved'],
    queryFn: async () => (await api.get<{ items: SavedHotspotSummary[] }>('/api/v1/analyses/hotspots/saved')).items,
  });
}
