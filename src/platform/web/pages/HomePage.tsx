import { useTranslation } from 'react-i18next';
import { WorklistPanel } from '../../../modules/worklist/web/index';
import { Page, Section } from '../components/Page';
import { StatusBadge } from '../components/StatusBadge';
import { useCurrentUser } from '../session';

/**
 * The start page: the person's own worklist (the worklist module's panel: what is late, due soon, waiting
 * for them, slipping, recently changed), with a small block on who they are here. The menu lists the parts
 * of Wijkregie; the start page does not repeat it.
 */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Page title={t('common:home.welcome', { name: user.displayName })} lead={t('common:home.intro')}>
      <div className="wr-home">
        <WorklistPanel />
        <Section title={t('common:home.profileHeading')} id="home-profile">
          <dl className="utrecht-data-list utrecht-data-list--rows wr-data-list wr-data-list--compact">
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t('common:home.organisation')}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{user.organisation.name}</dd>
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
