import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { ApiProblem } from '../../../../platform/web/api-client';
import { formatDateTime, formatMoney } from '../../../../platform/web/i18n/format';
import { useFollow } from '../initiatives-api';
import { Facts } from '../Facts';
import { InitiativeStatusBadge } from '../InitiativeStatusBadge';

/**
 * The resident follows their initiative by the private link (/bewoners/initiatief-volgen/:token): the status
 * and every step with its reason and the role and organisation that decided — never an official's name.
 */
export default function FollowPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const follow = useFollow(token);
  const data = follow.data;
  // A link cut short or mistyped (422) is as unknown to the resident as one that matches nothing (404).
  const unknown = follow.error instanceof ApiProblem && (follow.error.status === 404 || follow.error.status === 422);
  return (
    <Page title={data ? data.title : t('initiatives:follow.title')} lead={data ? t('initiatives:follow.lead') : undefined}>
      {unknown ? (
        <Alert type="warning" heading={t('initiatives:follow.unknownHeading')}>
          <p className="utrecht-paragraph">{t('initiatives:follow.unknownText')}</p>
        </Alert>
      ) : (
        <QueryState isPending={follow.isPending} error={follow.error} onRetry={() => void follow.refetch()} />
      )}
      {data ? (
        <>
          <Facts
            items={[
              [t('initiatives:fields.status'), <InitiativeStatusBadge key="s" status={data.status} />],
              [t('initiatives:fields.area'), data.areaName],
              [t('initiatives:fields.goal'), data.goalName],
              [t('initiatives:fields.cost'), formatMoney(data.costCents, i18n.language)],
              data.grantedCents !== null ? [t('initiatives:fields.granted'), formatMoney(data.grantedCents, i18n.language)] : null,
            ]}
          />
          <Section title={t('initiatives:follow.history')}>
            <ol className="wr-initiative-history">
              {data.history.map((step, i) => (
                <li key={i}>
                  <p className="utrecht-paragraph">
                    <InitiativeStatusBadge status={step.status} /> <span className="wr-muted">{formatDateTime(step.at, i18n.language)}</span>
                  </p>
                  <p className="utrecht-paragraph">{step.reason}</p>
                  <p className="utrecht-paragraph wr-muted">
                    {t('initiatives:follow.decidedBy', { role: t(`initiatives:roles.${step.role}`), organisation: step.organisation || t('initiatives:follow.noOrganisation') })}
                  </p>
                </li>
              ))}
            </ol>
          </Section>
        </>
      ) : null}
    </Page>
  );
}
