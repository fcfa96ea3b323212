import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../platform/web/api-client';
import type {
  ApiToken,
  CreateApiToken,
  CreateOrganisation,
  CreateUser,
  Organisation,
  RoleCode,
  RoleGrantDecision,
  RolePolicy,
  UpdateOrganisation,
  UpdateUser,
  User,
} from '../contract';

/** The auth module's API calls as TanStack Query hooks; a change refreshes the lists it affects. */

export type CreatedApiToken = ApiToken & { token: string };

const keys = {
  organisations: ['auth', 'organisations'] as const,
  users: ['auth', 'users'] as const,
  rolePolicies: ['auth', 'role-policies'] as const,
  apiTokens: ['auth', 'api-tokens'] as const,
};

export function useOrganisations() {
  return useQuery({
    queryKey: keys.organisations,
    queryFn: async () => (await api.get<{ items: Organisation[] }>('/api/v1/organisations')).items,
  });
}

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: async () => (await api.get<{ items: User[] }>('/api/v1/users')).items });
}

export function useRolePolicies() {
  return useQuery({
    queryKey: keys.rolePolicies,
    queryFn: async () => (await api.get<{ items: RolePolicy[] }>('/api/v1/role-policies')).items,
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: keys.apiTokens, queryFn: async () => (await api.get<{ items: ApiToken[] }>('/api/v1/api-tokens')).items });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganisation) => api.post<Organisation>('/api/v1/organisations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.organisations }),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateOrganisation }) => api.patch<Organisation>(`/api/v1/organisations/${encodeURIComponent(id)}`, changes),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.organisations }), queryClient.invalidateQueries({ queryKey: keys.users })]),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUser) => api.post<User>('/api/v1/users', input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.users }), queryClient.invalidateQueries({ queryKey: keys.organisations })]),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUser }) => api.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, changes),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.users }), queryClient.invalidateQueries({ queryKey: keys.organisations })]),
  });
}

export function useUpdateRolePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ role, mfaRequired }: { role: RoleCode; mfaRequired: boolean }) => api.put<RolePolicy>(`/api/v1/role-policies/${encodeURIComponent(role)}`, { mfaRequired }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.rolePolicies }),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiToken) => api.post<CreatedApiToken>('/api/v1/api-tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.apiTokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/api-tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.apiTokens }),
  });
}

/** Approves or rejects a pending grant of a four-eyes role (another administrator than the one who asked). */
export function useDecideRoleGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ grantId, decision }: { grantId: string; decision: RoleGrantDecision['decision'] }) =>
      api.post<User>(`/api/v1/role-grants/${encodeURIComponent(grantId)}/decision`, { decision }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users }),
  });
}
