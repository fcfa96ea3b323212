import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { wijkbudgetPublicPath } from '../contract';

/** For the public area page (built elsewhere): a link to where the area's wijkbudget went this year. */
export function WijkbudgetLink({ areaCode }: { areaCode: string }) {
  const { t } = useTranslation();
  return (
    <Link className="utrecht-link utrecht-link--html-a" to={wijkbudgetPublicPath(areaCode)}>
      {t('initiatives:overview.linkText')}
    </Link>
  );
}
