import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SessionResponse, CurrentUser } from '../../modules/auth/contract';
import type { Permission } from '../shared/permissions';
import { api, ApiProblem, getCsrfToken, setCsrfToken } from './api-client';

export const SESSION_QUERY_KEY = ['session'] as const;
export const META_QUERY_KEY = ['meta'] as const;

export interface Meta {
  demoMode: boolean;
  version: string;
  database: 'pglite' | 'postgres';
  /** Base-map tiles; null = the maps show only area boundaries (offline). */
  mapTiles: { url: string; attribution: string } | null;
  /** Whether the server offers the address search (for placing signals); absent on an older server = no. */
  addressSearch?: boolean;
  /** OIDC login with the municipality's identity provider; null = not configured. `label`: the button text, null = ours. */
  oidc?: { label: string | null } | null;
}

/** The current session, or null when nobody is logged in. */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/api/v1/session', { expectUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) {
      // A token in memory means this tab was logged in: the session ended under us (expired, user disabled).
      if (getCsrfToken() !== null) markSessionEnd('expired');
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Whatever the previous user could read must not linger in memory for the next one. */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== META_QUERY_KEY[0] && query.queryKey[0] !== SESSION_QUERY_KEY[0] });
}

/** Stores a session the server just handed out (login, MFA confirmation), or forgets it (logout, 401). */
export function applySession(queryClient: QueryClient, session: SessionResponse | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  if (!session) forgetUserData(queryClient);
  queryClient.setQueryData(SESSION_QUERY_KEY, session);
}

export function useSession() {
  return useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** The logged-in user; only for components rendered behind the session guard. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser used outside a logged-in route');
  return data.user;
}

export function useMeta() {
  return useQuery({
    queryKey: META_QUERY_KEY,
    queryFn: () => api.get<Meta>('/api/v1/meta', { expectUnauthorized: true }),
    staleTime: Infinity,
    retry: 1,
  });
}

export function hasPermission(user: CurrentUser | null | undefined, permission: Permission): boolean {
  return Boolean(user?.permissions.includes(permission));
}

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await api.delete('/api/v1/session', { expectUnauthorized: true });
    } finally {
      applySession(queryClient, null);
    }
  }, [queryClient]);
}

/** Why the last session ended, so the login page can say so. Cleared by the next login. */
export type SessionEndReason = 'expired' | 'logged_out';
let sessionEndReason: SessionEndReason | null = null;

export function markSessionEnd(reason: SessionEndReason | null): void {
  sessionEndReason = reason;
}

export function lastSessionEndReason(): SessionEndReason | null {
  return sessionEndReason;
}
