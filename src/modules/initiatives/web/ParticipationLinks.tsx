import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SUBMIT_PATH, wijkbudgetPublicPath } from '../contract';
import { useInitiativeOptions } from './initiatives-api';

/**
 * For the public area page: where a resident of `areaCode` can submit an initiative, and the wijkbudgets of
 * this year that the area holds (the area itself, or the wijken of a focus area). Renders list items only, so
 * the page puts them in its own list beside its other ways to take part.
 */
export function InitiativeLinks({ areaCode }: { areaCode: string }) {
  const { t } = useTranslation();
  const options = useInitiativeOptions();
  const budgeted = (options.data?.areas ?? []).filter((a) => a.level === 'wijk' && a.wijkbudgetThisYear && (a.code === areaCode || a.focusCode === areaCode));
  return (
    <>
      <li className="utrecht-unordered-list__item">
        <Link className="utrecht-link utrecht-link--html-a" to={SUBMIT_PATH}>
          {t('initiatives:participate.submit')}
        </Link>
      </li>
      {budgeted.map((wijk) => (
        <li className="utrecht-unordered-list__item" key={wijk.code}>
          <Link className="utrecht-link utrecht-link--html-a" to={wijkbudgetPublicPath(wijk.code)}>
            {t('initiatives:participate.wijkbudget', { area: wijk.name })}
          </Link>
        </li>
      ))}
    </>
  );
}
