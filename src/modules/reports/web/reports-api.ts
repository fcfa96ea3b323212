import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type { ProgrammeDetail, ProgrammeSummary } from '../../programmes/contract';
import type {
  CreateRender,
  DocumentQuery,
  LetterBody,
  LetterDetail,
  LetterSummary,
  RenderStatus,
  ReportDocument,
  SaveLetter,
  SaveTemplate,
  SnapshotDetail,
  SnapshotSummary,
  TakeSnapshot,
  Template,
} from '../contract';

/** The reports module's API calls as TanStack Query hooks. */

const ROOT = ['reports'] as const;
const keys = {
  programmes: [...ROOT, 'programmes'] as const,
  programme: (id: string) => [...ROOT, 'programme', id] as const,
  snapshots: (programmeId: string) => [...ROOT, 'snapshots', programmeId] as const,
  snapshot: (id: string) => [...ROOT, 'snapshot', id] as const,
  document: (snapshotId: string, query: DocumentQuery) => [...ROOT, 'document', snapshotId, query.kind, query.subject ?? ''] as const,
  letters: (programmeId: string) => [...ROOT, 'letters', programmeId] as const,
  letter: (id: string, version: number | undefined) => [...ROOT, 'letter', id, version ?? 'newest'] as const,
  letterDocument: (id: string, version: number | undefined) => [...ROOT, 'letter-document', id, version ?? 'newest'] as const,
  template: (municipality: string) => [...ROOT, 'template', municipality] as const,
};

const id = (value: string) => encodeURIComponent(value);

export function useProgrammes() {
  return useQuery({ queryKey: keys.programmes, queryFn: () => api.get<{ items: ProgrammeSummary[] }>('/api/v1/programmes') });
}

export function useProgramme(programmeId: string | undefined) {
  return useQuery({ queryKey: keys.programme(programmeId ?? ''), queryFn: () => api.get<ProgrammeDetail>(`/api/v1/programmes/${id(programmeId ?? '')}`), enabled: Boolean(programmeId) });
}

export function useSnapshots(programmeId: string | undefined) {
  return useQuery({
    queryKey: keys.snapshots(programmeId ?? ''),
    queryFn: async () => (await api.get<{ items: SnapshotSummary[] }>(`/api/v1/programmes/${id(programmeId ?? '')}/report-snapshots`)).items,
    enabled: Boolean(programmeId),
  });
}

export function useSnapshot(snapshotId: string | undefined) {
  // A snapshot never changes: once read, it need not be asked again.
  return useQuery({ queryKey: keys.snapshot(snapshotId ?? ''), queryFn: () => api.get<SnapshotDetail>(`/api/v1/report-snapshots/${id(snapshotId ?? '')}`), enabled: Boolean(snapshotId), staleTime: Infinity });
}

export function useSnapshotDocument(snapshotId: string | undefined, query: DocumentQuery | null) {
  return useQuery({
    queryKey: keys.document(snapshotId ?? '', query ?? { kind: 'progress' }),
    queryFn: () => api.get<ReportDocument>(`/api/v1/report-snapshots/${id(snapshotId ?? '')}/document${toQueryString({ kind: query?.kind, subject: query?.subject })}`),
    enabled: Boolean(snapshotId && query),
  });
}

export function useTakeSnapshot(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TakeSnapshot) => api.post<SnapshotSummary>(`/api/v1/programmes/${id(programmeId)}/report-snapshots`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.snapshots(programmeId) }),
  });
}

export function useLetters(programmeId: string | undefined) {
  return useQuery({
    queryKey: keys.letters(programmeId ?? ''),
    queryFn: async () => (await api.get<{ items: LetterSummary[] }>(`/api/v1/programmes/${id(programmeId ?? '')}/council-letters`)).items,
    enabled: Boolean(programmeId),
  });
}

export function useLetter(letterId: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: keys.letter(letterId ?? '', version),
    queryFn: () => api.get<LetterDetail>(`/api/v1/council-letters/${id(letterId ?? '')}${toQueryString({ version })}`),
    enabled: Boolean(letterId),
  });
}

export function useLetterDocument(letterId: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: keys.letterDocument(letterId ?? '', version),
    queryFn: () => api.get<ReportDocument>(`/api/v1/council-letters/${id(letterId ?? '')}/document${toQueryString({ version })}`),
    enabled: Boolean(letterId),
  });
}

export function useCreateLetter(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LetterBody) => api.post<LetterDetail>(`/api/v1/programmes/${id(programmeId)}/council-letters`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.letters(programmeId) }),
  });
}

/**
 * Saves a letter as a new version. `onSaved` runs here, in the mutation's own callback, before the cache
 * holds the new version: the form that saved is keyed by the version and remounts on it, and a callback
 * passed to `mutate` of an unmounted form never runs.
 */
export function useSaveLetter(letterId: string, onSaved: (letter: LetterDetail) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveLetter) => api.post<LetterDetail>(`/api/v1/council-letters/${id(letterId)}/versions`, input),
    onSuccess: async (letter) => {
      onSaved(letter);
      client.setQueryData(keys.letter(letterId, undefined), letter);
      await Promise.all([
        client.invalidateQueries({ queryKey: [...ROOT, 'letter', letterId] }),
        client.invalidateQueries({ queryKey: [...ROOT, 'letter-document', letterId] }),
        client.invalidateQueries({ queryKey: keys.letters(letter.programmeId) }),
      ]);
    },
  });
}

export function useTemplate(municipality: string | undefined) {
  return useQuery({
    queryKey: keys.template(municipality ?? ''),
    queryFn: () => api.get<Template>(`/api/v1/report-templates${toQueryString({ municipality })}`),
    enabled: Boolean(municipality),
  });
}

/** Saves a template as a new version; `onSaved` runs before the cache holds it, as with useSaveLetter. */
export function useSaveTemplate(municipality: string, onSaved: (template: Template) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveTemplate) => api.post<Template>('/api/v1/report-templates', input),
    onSuccess: (template) => {
      onSaved(template);
      client.setQueryData(keys.template(municipality), template);
      // Documents show the template's house style and logo.
      void client.invalidateQueries({ queryKey: [...ROOT, 'document'] });
      void client.invalidateQueries({ queryKey: [...ROOT, 'letter-document'] });
    },
  });
}

export async function askRender(input: CreateRender): Promise<RenderStatus> {
  return api.post<RenderStatus>('/api/v1/report-renders', input);
}

export async function renderStatus(renderId: string): Promise<RenderStatus> {
  return api.get<RenderStatus>(`/api/v1/report-renders/${id(renderId)}`);
}

export function renderFileUrl(renderId: string): string {
  return `/api/v1/report-renders/${id(renderId)}/file`;
}
