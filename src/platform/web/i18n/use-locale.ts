import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser, SessionResponse } from '../../../modules/auth/contract';
import { api } from '../api-client';
import { SESSION_QUERY_KEY } from '../session';
import { readStoredLocale, storeLocale, type Locale } from './index';

async function saveLocaleOnServer(queryClient: QueryClient, locale: Locale): Promise<void> {
  const user = await api.patch<CurrentUser>('/api/v1/me', { locale });
  queryClient.setQueryData<SessionResponse | null>(SESSION_QUERY_KEY, (current) => (current ? { ...current, user } : current));
}

/**
 * Switches the UI language: remembered in this browser and, when someone is logged in, on their account.
 * Resolves to false when only the browser could remember it.
 */
export function useChangeLocale(): (locale: Locale) => Promise<boolean> {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      storeLocale(locale);
      await i18n.changeLanguage(locale);
      const session = queryClient.getQueryData<SessionResponse | null>(SESSION_QUERY_KEY);
      // During MFA enrolment every other call is refused; the browser remembers the choice meanwhile.
      if (!session || session.user.mfaEnrolmentRequired || session.user.locale === locale) return true;
      try {
        await saveLocaleOnServer(queryClient, locale);
        return true;
      } catch {
        return false;
      }
    },
    [i18n, queryClient],
  );
}

/**
 * After a login the latest explicit choice wins: one made in this browser is saved on the account,
 * otherwise the account's language is adopted.
 */
export async function reconcileLocaleAfterLogin(i18n: I18n, queryClient: QueryClient, session: SessionResponse): Promise<void> {
  const stored = readStoredLocale();
  if (stored === null) {
    storeLocale(session.user.locale);
    await i18n.changeLanguage(session.user.locale);
    return;
  }
  if (stored !== i18n.language) await i18n.changeLanguage(stored);
  if (stored !== session.user.locale && !session.user.mfaEnrolmentRequired) {
    try {
      await saveLocaleOnServer(queryClient, stored);
    } catch {
      // The account keeps its old language; this browser still shows the chosen one.
    }
  }
}
