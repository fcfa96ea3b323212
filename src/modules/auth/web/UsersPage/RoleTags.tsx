import { useTranslation } from 'react-i18next';

export function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="wr-badge-list">
      {roles.map((role) => (
        <li key={role}>
          <span className="wr-tag">{t(`common:roles.${role}`, { defaultValue: role })}</span>
        </li>
      ))}
    </ul>
  );
}
