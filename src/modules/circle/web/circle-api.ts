import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type { Indicator } from '../../indicators/contract';
import type {
  AddMember,
  Benchmark,
  BenchmarkList,
  Bundle,
  CreateLesson,
  CreateMeeting,
  Identity,
  ImportResult,
  Lesson,
  Meeting,
  MeetingPart,
  MeetingSummary,
  Member,
  Overview,
  ReceivedDetail,
  RevokeMember,
  SearchHit,
  SetShare,
  ShareableItem,
  UpdateIdentity,
  UpdateLesson,
} from '../contract';

/** The learning circle's API as TanStack Query hooks. Every change reads the circle again. */

const ROOT = ['circle'] as const;

function useCircleMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  // Cancel first: a page whose first load is still under way would otherwise keep that load's answer, from
  // before this change (invalidating joins a fetch of a query that has no data yet instead of starting anew).
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.cancelQueries({ queryKey: ROOT }).then(() => queryClient.invalidateQueries({ queryKey: ROOT })) });
}

export const useOverview = () => useQuery({ queryKey: [...ROOT, 'overview'], queryFn: () => api.get<Overview>('/api/v1/circle') });
export const useReceived = (id: string) => useQuery({ queryKey: [...ROOT, 'received', id], queryFn: () => api.get<ReceivedDetail>(`/api/v1/circle/received/${encodeURIComponent(id)}`) });
export const useLessons = () => useQuery({ queryKey: [...ROOT, 'lessons'], queryFn: async () => (await api.get<{ items: Lesson[] }>('/api/v1/circle/lessons')).items });
export const useLessonSearch = (q: string) =>
  useQuery({ queryKey: [...ROOT, 'search', q], enabled: q.trim() !== '', queryFn: async () => (await api.get<{ items: SearchHit[] }>(`/api/v1/circle/lesson-search${toQueryString({ q })}`)).items });
export const useMeetings = () => useQuery({ queryKey: [...ROOT, 'meetings'], queryFn: async () => (await api.get<{ items: MeetingSummary[] }>('/api/v1/circle/meetings')).items });
export const useMeeting = (id: string) => useQuery({ queryKey: [...ROOT, 'meeting', id], queryFn: () => api.get<Meeting>(`/api/v1/circle/meetings/${encodeURIComponent(id)}`) });
export const useShares = () => useQuery({ queryKey: [...ROOT, 'shares'], queryFn: async () => (await api.get<{ items: ShareableItem[] }>('/api/v1/circle/shares')).items });
export const useBenchmarks = () => useQuery({ queryKey: [...ROOT, 'benchmarks'], queryFn: () => api.get<BenchmarkList>('/api/v1/circle/benchmarks') });
export const useBenchmark = (indicator: string) =>
  useQuery({ queryKey: [...ROOT, 'benchmark', indicator], enabled: indicator !== '', queryFn: () => api.get<Benchmark>(`/api/v1/circle/benchmarks/${encodeURIComponent(indicator)}`) });
export const useIdentity = () => useQuery({ queryKey: [...ROOT, 'identity'], queryFn: () => api.get<Identity>('/api/v1/circle/identity') });
export const useMembers = () => useQuery({ queryKey: [...ROOT, 'members'], queryFn: async () => (await api.get<{ items: Member[] }>('/api/v1/circle/members')).items });
export const useIndicatorCatalogue = () => useQuery({ queryKey: ['circle-catalogue'], queryFn: async () => (await api.get<{ items: Indicator[] }>('/api/v1/indicators')).items });

export const useCreateLesson = () => useCircleMutation((body: CreateLesson) => api.post<Lesson>('/api/v1/circle/lessons', body));
export const useCreateMeeting = () => useCircleMutation((body: CreateMeeting) => api.post<Meeting>('/api/v1/circle/meetings', body));
export const useSaveNotes = (id: string) => useCircleMutation(({ part, notes }: { part: MeetingPart; notes: string }) => api.put<Meeting>(`/api/v1/circle/meetings/${encodeURIComponent(id)}/parts/${part}`, { notes }));
export const useSetShare = () => useCircleMutation((body: SetShare) => api.put<ShareableItem>('/api/v1/circle/shares', body));
export const useExport = () => useCircleMutation(() => api.post<Bundle>('/api/v1/circle/exports'));
export const useImport = () => useCircleMutation((bundle: string) => api.post<ImportResult>('/api/v1/circle/imports', { bundle }));
export const useUpdateIdentity = () => useCircleMutation((body: UpdateIdentity) => api.put<Identity>('/api/v1/circle/identity', body));
export const useAddMember = () => useCircleMutation((body: AddMember) => api.post<Member>('/api/v1/circle/members', body));
export const useRemoveMember = () => useCircleMutation((id: string) => api.delete(`/api/v1/circle/members/${encodeURIComponent(id)}`));
export const useRotateKey = () => useCircleMutation(() => api.post<Identity>('/api/v1/circle/identity/rotation'));
export const useRevokeMember = () => useCircleMutation(({ id, ...body }: RevokeMember & { id: string }) => api.post<Member>(`/api/v1/circle/members/${encodeURIComponent(id)}/revocation`, body));
export const useUpdateLesson = () => useCircleMutation(({ id, ...body }: UpdateLesson & { id: string }) => api.put<Lesson>(`/api/v1/circle/lessons/${encodeURIComponent(id)}`, body));
export const useDeleteLesson = () => useCircleMutation((id: string) => api.delete(`/api/v1/circle/lessons/${encodeURIComponent(id)}`));
