import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { useMkbasOfGoal } from '../mkba-api';
import '../learning.css';

/**
 * For the goal page: "Gebruikt in MKBA …", the MKBAs with a benefit computed from this goal, so whoever changes
 * the goal knows those results change with it. Renders nothing without such MKBAs or for a user who may not
 * read MKBAs.
 */
export function GoalMkbaUse({ goalId }: { goalId: string }) {
  const { t } = useTranslation();
  const allowed = hasPermission(useCurrentUser(), 'mkba.read');
  const mkbas = useMkbasOfGoal(goalId, allowed);
  if (!allowed || !mkbas.data || mkbas.data.length === 0) return null;
  return (
    <div className="wr-goal-mkba-use">
      <p className="utrecht-paragraph">{t('learning:goalUse.text', { count: mkbas.data.length })}</p>
      <ul className="utrecht-unordered-list">
        {mkbas.data.map((m) => (
          <li key={m.id} className="utrecht-unordered-list__item">
            <Link className="utrecht-link utrecht-link--html-a" to={`/mkba/${m.id}`}>
              {m.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
