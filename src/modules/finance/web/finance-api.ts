import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../../../platform/web/api-client';
import type { CreateBudgetLine, CreateEntry, DecidedLineProposal, LineProposal, PendingLineProposal, ProposeBudgetLine, CreateFundingSource, DecidedEntry, Entry, FinanceSettingsView, FundingSourceDetail, FundingSourceSummary, PendingEntry, ProgrammeBudget, ProgrammeOption, Proposal, ThresholdProposal } from '../contract';

/** The finance API as TanStack Query hooks. */

const enc = encodeURIComponent;

export function useProgrammeOptions() {
  return useQuery({ queryKey: ['finance', 'programmes'], queryFn: async () => (await api.get<{ items: ProgrammeOption[] }>('/api/v1/finance/programmes')).items });
}

export function useProgrammeBudget(programmeId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['finance', 'budget', programmeId, year],
    queryFn: () => api.get<ProgrammeBudget>(`/api/v1/programmes/${enc(programmeId ?? '')}/budget${toQueryString({ year })}`),
    enabled: Boolean(programmeId),
  });
}

export function useFundingSources() {
  return useQuery({ queryKey: ['finance', 'sources'], queryFn: async () => (await api.get<{ items: FundingSourceSummary[] }>('/api/v1/funding-sources')).items });
}

export function useFundingSource(id: string | undefined) {
  return useQuery({ queryKey: ['finance', 'sources', id], queryFn: () => api.get<FundingSourceDetail>(`/api/v1/funding-sources/${enc(id ?? '')}`), enabled: Boolean(id) });
}

export function usePendingEntries(enabled: boolean) {
  return useQuery({ queryKey: ['finance', 'pending'], queryFn: () => api.get<{ items: PendingEntry[]; approvalThresholdCents: number }>('/api/v1/finance-entries/pending'), enabled });
}

/** The threshold in force and a proposed change that waits for a second person. */
export function useFinanceSettings(enabled: boolean) {
  return useQuery({ queryKey: ['finance', 'settings'], queryFn: () => api.get<FinanceSettingsView>('/api/v1/finance/settings'), enabled });
}

export function useProposals() {
  return useQuery({ queryKey: ['finance', 'proposals'], queryFn: async () => (await api.get<{ items: Proposal[] }>('/api/v1/budget-proposals')).items });
}

/** Every change invalidates all finance queries: figures, warnings and queues depend on each other. */
function useFinanceMutation<T, R>(fn: (body: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['finance'] }) });
}

export const useCreateEntry = () => useFinanceMutation((body: CreateEntry) => api.post<Entry>('/api/v1/finance-entries', body));
export const useDecide = () => useFinanceMutation(({ id, ...body }: { id: string; decision: 'approve' | 'reject'; note: string }) => api.post<DecidedEntry>(`/api/v1/finance-entries/${enc(id)}/decision`, body));
export const useProposeThreshold = () => useFinanceMutation((body: ThresholdProposal) => api.put<FinanceSettingsView>('/api/v1/finance/settings', body));
export const useDecideThreshold = () =>
  useFinanceMutation(({ id, ...body }: { id: string; decision: 'approve' | 'reject'; note: string }) => api.post<unknown>(`/api/v1/finance/settings/changes/${enc(id)}/decision`, body));
export const useReverseEntry = () => useFinanceMutation(({ id, reason }: { id: string; reason: string }) => api.post<Entry>(`/api/v1/finance-entries/${enc(id)}/reversal`, { reason }));
export const useCreateLine = () => useFinanceMutation((body: CreateBudgetLine) => api.post<{ id: string }>('/api/v1/budget-lines', body));
export const useCreateSource = () => useFinanceMutation((body: CreateFundingSource) => api.post<{ id: string }>('/api/v1/funding-sources', body));
export const useRecordReceipt = () =>
  useFinanceMutation(({ id, seq, ...body }: { id: string; seq: number; receivedDate: string; receivedCents: number }) => api.put<undefined>(`/api/v1/funding-sources/${enc(id)}/tranches/${seq}/receipt`, body));

/** Proposed budget lines waiting for finance, each with its effect (the approvals page). */
export function usePendingLineProposals(enabled: boolean) {
  return useQuery({ queryKey: ['finance', 'line-proposals', 'pending'], queryFn: () => api.get<{ items: PendingLineProposal[] }>('/api/v1/budget-line-proposals/pending'), enabled });
}
export const useProposeLine = () => useFinanceMutation((body: ProposeBudgetLine) => api.post<LineProposal>('/api/v1/budget-line-proposals', body));
export const useDecideLineProposal = () =>
  useFinanceMutation(({ id, ...body }: { id: string; decision: 'approve' | 'reject'; note: string }) => api.post<DecidedLineProposal>(`/api/v1/budget-line-proposals/${enc(id)}/decision`, body));

export const accountabilityUrl = (id: string, format: 'xlsx' | 'docx') => `/api/v1/funding-sources/${enc(id)}/accountability?format=${format}`;
export const proposalExportUrl = (id: string, format: 'xlsx' | 'docx') => `/api/v1/budget-proposals/${enc(id)}/export?format=${format}`;
