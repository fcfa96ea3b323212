import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { formatDateTime, formatMoney } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { InitiativeDetail } from '../../contract';
import { PASS_TOTAL, RUBRIC_CRITERIA, RUBRIC_MAX } from '../../rubric';
import { Facts } from '../Facts';
import { useContact, useInitiative } from '../initiatives-api';
import { InitiativeStatusBadge } from '../InitiativeStatusBadge';
import { GrantForm, ProposalPanel } from './GrantPanel';
import { RubricForm } from './RubricForm';
import { StepForm } from './StepForm';

/** One initiative for the municipality, with its workflow (/bewonersinitiatieven/:id). */
export default function InitiativePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  const data = initiative.data;
  return (
    <Page title={data?.title ?? t('initiatives:detail.title')} lead={data?.isExample ? t('initiatives:detail.example') : undefined}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/bewonersinitiatieven">
          {t('initiatives:detail.back')}
        </Link>
      </p>
      <QueryState isPending={initiative.isPending} error={initiative.error} onRetry={() => void initiative.refetch()} />
      {data ? (
        <>
          <Facts
            items={[
              [t('initiatives:fields.status'), <InitiativeStatusBadge key="s" status={data.status} />],
              [t('initiatives:fields.area'), data.areaName],
              data.place ? [t('initiatives:fields.place'), data.place] : null,
              [t('initiatives:fields.goal'), data.goalName],
              [t('initiatives:fields.cost'), formatMoney(data.costCents, i18n.language)],
              data.grantedCents !== null ? [t('initiatives:fields.granted'), formatMoney(data.grantedCents, i18n.language)] : null,
              [t('initiatives:fields.submitted'), formatDateTime(data.submittedAt, i18n.language)],
            ]}
          />
          <p className="utrecht-paragraph wr-prewrap">{data.description}</p>
          {data.activityId ? (
            <Alert type="ok">
              <p className="utrecht-paragraph">
                {t('initiatives:detail.activity')}{' '}
                <Link className="utrecht-link utrecht-link--html-a" to={`/activiteiten/${data.activityId}`}>
                  {t('initiatives:detail.activityLink')}
                </Link>
              </p>
            </Alert>
          ) : null}
          <Actions initiative={data} />
          {data.rubric ? <RubricResult initiative={data} /> : null}
          <Section title={t('initiatives:detail.history')}>
            <ol className="wr-initiative-history">
              {data.history.map((step, i) => (
                <li key={i}>
                  <p className="utrecht-paragraph">
                    <InitiativeStatusBadge status={step.status} /> <span className="wr-muted">{formatDateTime(step.at, i18n.language)}</span>
                  </p>
                  <p className="utrecht-paragraph">{step.reason}</p>
                  <p className="utrecht-paragraph wr-muted">
                    {step.role === 'resident' ? t('initiatives:roles.resident') : t('initiatives:detail.decidedBy', { name: step.decidedBy, role: t(`initiatives:roles.${step.role}`), organisation: step.organisation })}
                  </p>
                </li>
              ))}
            </ol>
          </Section>
          <ContactSection initiative={data} />
        </>
      ) : null}
    </Page>
  );
}

function Actions({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const showRubric = initiative.status === 'ontvankelijk' && initiative.canAssess;
  const showGrant = initiative.status === 'beoordeeld' && initiative.canGrant && !initiative.grantProposal && initiative.rubricPasses === true;
  const steps = initiative.allowedSteps.length > 0 && !showRubric;
  if (!showRubric && !showGrant && !steps && !initiative.grantProposal) return null;
  return (
    <>
      {initiative.grantProposal ? (
        <Section title={t('initiatives:grant.waitingSection')}>
          <ProposalPanel initiative={initiative} />
        </Section>
      ) : null}
      {showRubric ? (
        <Section title={t('initiatives:rubric.heading')}>
          <RubricForm initiative={initiative} />
        </Section>
      ) : null}
      {showGrant ? (
        <Section title={t('initiatives:grant.heading')}>
          <GrantForm initiative={initiative} />
        </Section>
      ) : null}
      {steps ? (
        <Section title={t('initiatives:step.heading')}>
          <StepForm initiative={initiative} />
        </Section>
      ) : null}
    </>
  );
}

function RubricResult({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const rubric = initiative.rubric;
  if (!rubric) return null;
  return (
    <Section title={t('initiatives:rubric.result')}>
      <Facts items={RUBRIC_CRITERIA.map((c) => [t(`initiatives:rubric.criteria.${c}.label`), `${rubric[c]} – ${t(`initiatives:rubric.criteria.${c}.anchors.${rubric[c]}`)}`] as const)} />
      <p className="utrecht-paragraph">{t('initiatives:rubric.total', { total: initiative.rubricTotal, max: RUBRIC_MAX, threshold: PASS_TOTAL })}</p>
      <p className="utrecht-paragraph">{initiative.rubricPasses ? t('initiatives:rubric.passes') : t('initiatives:rubric.fails')}</p>
      {initiative.assessmentNote ? <p className="utrecht-paragraph wr-prewrap">{initiative.assessmentNote}</p> : null}
    </Section>
  );
}

/** Contact details are personal data: shown only on request, and every request is recorded. */
function ContactSection({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const allowed = hasPermission(useCurrentUser(), 'initiatives.contacts');
  const [shown, setShown] = useState(false);
  const contact = useContact(initiative.id, shown && allowed);
  if (!allowed) return null;
  return (
    <Section title={t('initiatives:contact.heading')}>
      {initiative.contactRemoved ? (
        <p className="utrecht-paragraph">{t('initiatives:contact.removed')}</p>
      ) : !shown ? (
        <>
          <p className="utrecht-paragraph wr-muted">{t('initiatives:contact.notice')}</p>
          <Button onClick={() => setShown(true)}>{t('initiatives:contact.show')}</Button>
        </>
      ) : (
        <>
          <QueryState isPending={contact.isPending} error={contact.error} />
          {contact.data?.contact ? (
            <Facts
              items={[
                [t('initiatives:submit.fields.name'), contact.data.contact.name],
                [t('initiatives:submit.fields.email'), contact.data.contact.email],
                contact.data.contact.phone ? [t('initiatives:submit.fields.phone'), contact.data.contact.phone] : null,
              ]}
            />
          ) : null}
          {contact.data && !contact.data.contact ? <p className="utrecht-paragraph">{t('initiatives:contact.removed')}</p> : null}
        </>
      )}
    </Section>
  );
}
