import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../../platform/web/components/Page';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { TRIGGER_STATUSES } from '../../contract';
import { useTriggers } from '../spatial-api';

/**
 * For the area profile and the programme page: how many spatial-safety advices are needed, running and given
 * for this area (and the areas in it) or programme, with a link to them. Renders nothing for a user who may
 * not read advices, or when there is nothing to say.
 */
export function SpatialAdviceSection({ areaCode, programmeId }: { areaCode?: string; programmeId?: string }) {
  const { t } = useTranslation();
  const allowed = hasPermission(useCurrentUser(), 'spatialadvice.read');
  const triggers = useTriggers({ area: areaCode, programme: programmeId }, allowed);
  if (!allowed || !triggers.data || triggers.data.length === 0) return null;
  const counts = TRIGGER_STATUSES.map((status) => ({ status, count: triggers.data.filter((tr) => tr.status === status).length })).filter((c) => c.count > 0);
  const to = `/veiligheidsadvies?${new URLSearchParams(areaCode ? { gebied: areaCode } : { programma: programmeId ?? '' }).toString()}`;
  return (
    <Section title={t('spatialadvice:elsewhere.heading')} id="spatial-advice">
      <ul className="utrecht-unordered-list">
        {counts.map((c) => (
          <li key={c.status} className="utrecht-unordered-list__item">
            {t(`spatialadvice:elsewhere.counts.${c.status}`, { count: c.count })}
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to={to}>
          {areaCode ? t('spatialadvice:elsewhere.linkArea') : t('spatialadvice:elsewhere.linkProgramme')}
        </Link>
      </p>
    </Section>
  );
}
