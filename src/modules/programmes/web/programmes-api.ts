import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import { calendarDayOf } from '../../../platform/shared/time';
import type { AreaList } from '../../areas/contract';
import type { Indicator } from '../../indicators/contract';
import type {
  Activity,
  ActivityDetail,
  ActivityInput,
  AnalysisItemInput,
  GoalDetail,
  GoalInput,
  PlanDetail,
  PlanInput,
  ProgrammeDetail,
  ProgrammeInput,
  ProgrammeOptions,
  ProgrammeSummary,
} from '../contract';

/** The programmes API as TanStack Query hooks. */

const enc = encodeURIComponent;
export type PlanSummary = Omit<PlanDetail, 'summary' | 'analysis' | 'priorities' | 'agenda'>;

export function useProgrammes() {
  return useQuery({ queryKey: ['programmes', 'list'], queryFn: async () => (await api.get<{ items: ProgrammeSummary[] }>('/api/v1/programmes')).items });
}

export function useProgramme(id: string | undefined) {
  return useQuery({ queryKey: ['programmes', 'detail', id], queryFn: () => api.get<ProgrammeDetail>(`/api/v1/programmes/${enc(id ?? '')}`), enabled: Boolean(id) });
}

export function useGoal(programmeId: string | undefined, goalId: string | undefined) {
  return useQuery({
    queryKey: ['programmes', 'goal', programmeId, goalId],
    queryFn: () => api.get<GoalDetail>(`/api/v1/programmes/${enc(programmeId ?? '')}/goals/${enc(goalId ?? '')}`),
    enabled: Boolean(programmeId && goalId),
  });
}

export function useProgrammeActivities(programmeId: string | undefined, area?: string) {
  return useQuery({
    queryKey: ['programmes', 'activities', programmeId, area ?? null],
    queryFn: async () => (await api.get<{ items: Activity[] }>(`/api/v1/programmes/${enc(programmeId ?? '')}/activities${toQueryString({ area })}`)).items,
    enabled: Boolean(programmeId),
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({ queryKey: ['programmes', 'activity', id], queryFn: () => api.get<ActivityDetail>(`/api/v1/activities/${enc(id ?? '')}`), enabled: Boolean(id) });
}

export function useProgrammeOptions() {
  return useQuery({ queryKey: ['programmes', 'options'], queryFn: () => api.get<ProgrammeOptions>('/api/v1/programme-options'), staleTime: 5 * 60_000 });
}

export function usePlans() {
  return useQuery({ queryKey: ['programmes', 'plans'], queryFn: async () => (await api.get<{ items: PlanSummary[] }>('/api/v1/plans')).items });
}

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: ['programmes', 'plan', id], queryFn: () => api.get<PlanDetail>(`/api/v1/plans/${enc(id ?? '')}`), enabled: Boolean(id) });
}

export function useCatalogue() {
  return useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: async () => (await api.get<{ items: Indicator[] }>('/api/v1/indicators')).items, staleTime: 10 * 60_000 });
}

/** The areas a goal, activity or plan can be about: focus areas and wijken of the municipality. */
export function useChoosableAreas(municipality: string | undefined) {
  return useQuery({
    queryKey: ['programmes', 'choosable-areas', municipality],
    queryFn: async () => {
      const [focus, wijken] = await Promise.all([
        api.get<AreaList>(`/api/v1/areas${toQueryString({ municipality, level: 'focus' })}`),
        api.get<AreaList>(`/api/v1/areas${toQueryString({ municipality, level: 'wijk' })}`),
      ]);
      return [...focus.items, ...wijken.items.filter((w) => w.name)];
    },
    enabled: Boolean(municipality),
    staleTime: 5 * 60_000,
  });
}

/** A mutation that refreshes every programmes query afterwards. */
function useProgrammesMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: ['programmes'] }) });
}

export const useSaveProgramme = (id?: string) =>
  useProgrammesMutation((input: ProgrammeInput) => (id ? api.put<ProgrammeDetail>(`/api/v1/programmes/${enc(id)}`, input) : api.post<ProgrammeDetail>('/api/v1/programmes', input)));

export const useSetProgrammePublication = (id: string) =>
  useProgrammesMutation((published: boolean) => api.put<ProgrammeDetail>(`/api/v1/programmes/${enc(id)}/publication`, { published }));

export const useSaveGoal = (programmeId: string, goalId?: string) =>
  useProgrammesMutation((input: GoalInput) =>
    goalId ? api.put<GoalDetail>(`/api/v1/programmes/${enc(programmeId)}/goals/${enc(goalId)}`, input) : api.post<GoalDetail>(`/api/v1/programmes/${enc(programmeId)}/goals`, input),
  );

export const useDeleteGoal = (programmeId: string, goalId: string) => useProgrammesMutation(() => api.delete(`/api/v1/programmes/${enc(programmeId)}/goals/${enc(goalId)}`));

export const useSaveActivity = (programmeId: string, activityId?: string) =>
  useProgrammesMutation((input: ActivityInput) =>
    activityId ? api.put<ActivityDetail>(`/api/v1/activities/${enc(activityId)}`, input) : api.post<ActivityDetail>(`/api/v1/programmes/${enc(programmeId)}/activities`, input),
  );

export const useChangeStatus = (activityId: string) => useProgrammesMutation((input: { status: string; note: string }) => api.post<ActivityDetail>(`/api/v1/activities/${enc(activityId)}/status`, input));
export const useReportProgress = (activityId: string) => useProgrammesMutation((input: { percent: number; narrative: string }) => api.post<ActivityDetail>(`/api/v1/activities/${enc(activityId)}/progress`, input));
export const useAddMilestone = (activityId: string) => useProgrammesMutation((input: { name: string; dueDate: string }) => api.post<ActivityDetail>(`/api/v1/activities/${enc(activityId)}/milestones`, input));
export const useMarkMilestone = (activityId: string) =>
  useProgrammesMutation((input: { milestoneId: string; reachedOn: string | null }) => api.put<ActivityDetail>(`/api/v1/activities/${enc(activityId)}/milestones/${enc(input.milestoneId)}`, { reachedOn: input.reachedOn }));

export const useCreatePlan = () => useProgrammesMutation((input: PlanInput) => api.post<PlanDetail>('/api/v1/plans', input));
export const useAddAnalysisItem = (planId: string) => useProgrammesMutation((input: AnalysisItemInput) => api.post<PlanDetail>(`/api/v1/plans/${enc(planId)}/analysis`, input));
export const useRemoveAnalysisItem = (planId: string) => useProgrammesMutation((itemId: string) => api.delete(`/api/v1/plans/${enc(planId)}/analysis/${enc(itemId)}`));
export const useChoosePriority = (planId: string) => useProgrammesMutation((input: { theme: string; motivation: string; chosenOn: string }) => api.post<PlanDetail>(`/api/v1/plans/${enc(planId)}/priorities`, input));
export const useEndPriority = (planId: string) => useProgrammesMutation((input: { priorityId: string; endedOn: string }) => api.put<PlanDetail>(`/api/v1/plans/${enc(planId)}/priorities/${enc(input.priorityId)}`, { endedOn: input.endedOn }));
export const useSetAgenda = (planId: string) => useProgrammesMutation((activityIds: string[]) => api.put<PlanDetail>(`/api/v1/plans/${enc(planId)}/agenda`, { activityIds }));

/** Today in the Netherlands (YYYY-MM-DD), whatever the browser's time zone. */
export const todayIso = (): string => calendarDayOf(new Date());

export function useAreaActivities(area: string | undefined) {
  return useQuery({
    queryKey: ['programmes', 'area-activities', area],
    queryFn: async () => (await api.get<{ items: Activity[] }>(`/api/v1/areas/${enc(area ?? '')}/activities`)).items,
    enabled: Boolean(area),
  });
}
