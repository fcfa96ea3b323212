import { useTranslation } from 'react-i18next';
import { Heading } from '../components/Heading';

/**
 * Every demo account: those of API.md and the signals module's case officer. They exist only in demo mode,
 * which is when this list shows.
 */
export const DEMO_USERNAMES = ['beheerder', 'regisseur', 'analist', 'financien', 'politie', 'corporatie', 'zorg', 'casusregisseur'] as const;
export const DEMO_PASSWORD = 'demo';

export function DemoAccounts({ onPick }: { onPick: (username: string) => void }) {
  const { t } = useTranslation();
  return (
    <aside className="wr-card wr-card--muted wr-demo-accounts" aria-labelledby="demo-accounts-heading">
      <Heading level={2} id="demo-accounts-heading" className="wr-card__heading">
        {t('common:demo.accountsHeading')}
      </Heading>
      <p className="utrecht-paragraph">{t('common:demo.accountsIntro')}</p>
      <p className="utrecht-paragraph">
        {t('common:demo.passwordLabel')} <code className="utrecht-code wr-demo-accounts__password">{DEMO_PASSWORD}</code>
      </p>
      <ul className="wr-demo-accounts__list">
        {DEMO_USERNAMES.map((username) => (
          <li key={username} className="wr-demo-accounts__item">
            <button type="button" className="wr-demo-accounts__pick" onClick={() => onPick(username)}>
              <span className="wr-visually-hidden">{t('common:demo.useAccount')} </span>
              <code className="utrecht-code wr-demo-accounts__username">{username}</code>
              <span className="wr-demo-accounts__role">{t(`common:demo.accounts.${username}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
