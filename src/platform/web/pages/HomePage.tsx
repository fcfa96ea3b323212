import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page, Section } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import { navigationFor } from '../navigation';
import { useCurrentUser } from '../session';

/** Welcome, who you are here, and the parts of Wijkregie your role can use (only parts that exist). */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const entries = navigationFor(user);
  return (
    <Page title={t('common:home.welcome', { name: user.displayName })} lead={t('common:home.intro')}>
      <div className="wr-home">
        <Section title={t('common:home.modulesHeading')} id="home-modules">
          {entries.length === 0 ? (
            <p className="utrecht-paragraph wr-empty-note">{t('common:home.noModules')}</p>
          ) : (
            <ul className="wr-tiles">
              {entries.map((entry) => (
                <li key={entry.to} className="wr-tiles__item">
                  <Link to={entry.to} className="wr-tile">
                    <span className="wr-tile__title">{t(entry.labelKey)}</span>
                    <span className="wr-tile__description">{t(entry.descriptionKey)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t('common:home.profileHeading')} id="home-profile">
          <dl className="utrecht-data-list utrecht-data-list--rows wr-data-list">
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t('common:home.organisation')}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                {user.organisation.name}
                <span className="wr-muted"> · {t(`common:organisationKinds.${user.organisation.kind}`, { defaultValue: user.organisation.kind })}</span>
              </dd>
            </div>
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t('common:home.roles')}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{user.roles.map((role) => t(`common:roles.${role}`)).join(', ')}</dd>
            </div>
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t('common:home.areaScopes')}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                {user.areaScopes.length === 0 ? t('common:home.allAreas') : user.areaScopes.join(', ')}
              </dd>
            </div>
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t('common:home.mfa')}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                <StatusBadge status={user.totpEnabled ? 'safe' : 'neutral'}>{user.totpEnabled ? t('common:home.mfaOn') : t('common:home.mfaOff')}</StatusBadge>
              </dd>
            </div>
          </dl>
        </Section>
      </div>
    </Page>
  );
}
