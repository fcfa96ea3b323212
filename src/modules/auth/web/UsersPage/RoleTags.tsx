import { useTranslation } from 'react-i18next';

/** The roles a user holds, and after them those waiting for a second administrator's approval. */
export function RoleTags({ roles, pending = [] }: { roles: readonly string[]; pending?: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="wr-badge-list">
      {roles.map((role) => (
        <li key={role}>
          <span className="wr-tag">{t(`common:roles.${role}`, { defaultValue: role })}</span>
        </li>
      ))}
      {pending.map((role) => (
        <li key={`pending-${role}`}>
          <span className="wr-tag">{t('auth:users.pendingRoleTag', { role: t(`common:roles.${role}`, { defaultValue: role }) })}</span>
        </li>
      ))}
    </ul>
  );
}
