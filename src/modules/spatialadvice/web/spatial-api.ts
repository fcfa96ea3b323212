import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type { AreaDetail } from '../../areas/contract';
import type { SavedHotspotAnalysis, SavedHotspotSummary } from '../../hotspots/contract';
import type { AdviceBody, AreaChoice, ManualTrigger, PublishTemplate, ScanDetail, ScoreBody, Template, TriggerSummary } from '../contract';

/** The spatial-advice API as TanStack Query hooks. Every change to a scan answers the whole scan. */

const ROOT = '/api/v1/spatial-advice';
const keys = {
  triggers: (filter: TriggerFilter) => ['spatialadvice', 'triggers', filter.area ?? '', filter.programme ?? ''] as const,
  allTriggers: ['spatialadvice', 'triggers'] as const,
  scan: (id: string) => ['spatialadvice', 'scan', id] as const,
  templates: ['spatialadvice', 'templates'] as const,
  template: (id: string) => ['spatialadvice', 'template', id] as const,
  people: (scanId: string) => ['spatialadvice', 'people', scanId] as const,
};

export interface TriggerFilter {
  area?: string | undefined;
  programme?: string | undefined;
}

export function useTriggers(filter: TriggerFilter, enabled = true) {
  return useQuery({ enabled, queryKey: keys.triggers(filter), queryFn: async () => (await api.get<{ items: TriggerSummary[] }>(`${ROOT}/triggers${toQueryString({ area: filter.area, programme: filter.programme })}`)).items });
}

export function useScan(id: string) {
  return useQuery({ queryKey: keys.scan(id), queryFn: () => api.get<ScanDetail>(`${ROOT}/scans/${encodeURIComponent(id)}`) });
}

export function useTemplates() {
  return useQuery({ queryKey: keys.templates, queryFn: async () => (await api.get<{ items: { id: string; version: number; note: string; publishedAt: string; publishedBy: string | null; itemCount: number }[] }>(`${ROOT}/templates`)).items });
}

export function useTemplate(id: string | undefined) {
  return useQuery({ queryKey: keys.template(id ?? ''), enabled: Boolean(id), queryFn: () => api.get<Template>(`${ROOT}/templates/${encodeURIComponent(id ?? '')}`) });
}

/** People who may be invited to this scan or own its conditions: only those whose areas cover its place. */
export function usePeople(scanId: string, enabled: boolean) {
  return useQuery({ queryKey: keys.people(scanId), enabled, queryFn: async () => (await api.get<{ items: { id: string; name: string; organisation: string }[] }>(`${ROOT}/scans/${encodeURIComponent(scanId)}/people`)).items });
}

/** Focus areas, wijken and buurten the user may raise a trigger for: within their own areas. */
export function useAreaChoices() {
  return useQuery({ queryKey: ['spatialadvice', 'areas'], queryFn: async () => (await api.get<{ items: AreaChoice[] }>(`${ROOT}/areas`)).items });
}

/** The outline of one area, to place a trigger's point in. */
export function useAreaOutline(code: string) {
  return useQuery({ queryKey: ['spatialadvice', 'outline', code], enabled: code !== '', staleTime: Infinity, queryFn: async () => (await api.get<AreaDetail>(`/api/v1/areas/${encodeURIComponent(code)}${toQueryString({ geometry: 'true' })}`)).geometry as GeoJSON.Geometry | null | undefined });
}

/** Saved hot-spot analyses (the hotspots module's own API; only for who may run hot-spot analyses). */
export function useSavedHotspots(enabled: boolean) {
  return useQuery({ queryKey: ['spatialadvice', 'hotspots'], enabled, queryFn: async () => (await api.get<{ items: SavedHotspotSummary[] }>('/api/v1/analyses/hotspots/saved')).items });
}

export function useSavedHotspot(id: string) {
  return useQuery({ queryKey: ['spatialadvice', 'hotspot', id], enabled: id !== '', queryFn: () => api.get<SavedHotspotAnalysis>(`/api/v1/analyses/hotspots/saved/${encodeURIComponent(id)}`) });
}

function useTriggerMutation<T>(fn: (body: T) => Promise<TriggerSummary | { raised: number }>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.allTriggers }) });
}

export const useRaiseTrigger = () => useTriggerMutation((body: ManualTrigger) => api.post<TriggerSummary>(`${ROOT}/triggers`, body));
export const useRaiseFromHotspot = () => useTriggerMutation((body: { analysisId: string; cell: string }) => api.post<TriggerSummary>(`${ROOT}/triggers/from-hotspot`, body));
export const useCheckPlans = () => useTriggerMutation(() => api.post<{ raised: number }>(`${ROOT}/triggers/check-plans`));
export const useDismissTrigger = () => useTriggerMutation(({ id, reason }: { id: string; reason: string }) => api.post<TriggerSummary>(`${ROOT}/triggers/${encodeURIComponent(id)}/dismiss`, { reason }));

export function useStartScan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (triggerId: string) => api.post<ScanDetail>(`${ROOT}/scans`, { triggerId }),
    onSuccess: (scan) => {
      queryClient.setQueryData(keys.scan(scan.id), scan);
      void queryClient.invalidateQueries({ queryKey: keys.allTriggers });
    },
  });
}

/** Any change inside one scan: participants, scores, photos, the advice, a condition. */
export function useScanChange(scanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: () => Promise<ScanDetail>) => change(),
    onSuccess: (scan) => {
      queryClient.setQueryData(keys.scan(scanId), scan);
      void queryClient.invalidateQueries({ queryKey: keys.allTriggers });
    },
  });
}

export const scanCalls = {
  addParticipant: (scanId: string, body: { userId: string; discipline: string }) => () => api.post<ScanDetail>(`${ROOT}/scans/${scanId}/participants`, body),
  score: (scanId: string, itemId: string, body: ScoreBody) => () => api.put<ScanDetail>(`${ROOT}/scans/${scanId}/items/${itemId}/score`, body),
  photo: (scanId: string, itemId: string, file: File) => () => {
    const form = new FormData();
    form.set('file', file, file.name);
    return api.upload<ScanDetail>(`${ROOT}/scans/${scanId}/items/${itemId}/photos`, form);
  },
  removePhoto: (photoId: string, reason: string) => () => api.post<ScanDetail>(`${ROOT}/photos/${encodeURIComponent(photoId)}/removal`, { reason }),
  advice: (scanId: string, body: AdviceBody) => () => api.post<ScanDetail>(`${ROOT}/scans/${scanId}/advice`, body),
  condition: (conditionId: string, status: 'open' | 'done' | 'cancelled') => () => api.patch<ScanDetail>(`${ROOT}/conditions/${conditionId}`, { status }),
};

export const photoUrl = (id: string) => `${ROOT}/photos/${encodeURIComponent(id)}`;
export const documentUrl = (scanId: string, format: 'docx' | 'pdf') => `${ROOT}/scans/${encodeURIComponent(scanId)}/document?format=${format}`;

export function usePublishTemplate() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: PublishTemplate) => api.post<Template>(`${ROOT}/templates`, body), onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.templates }) });
}
