import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { formatDate } from '../../../../platform/web/i18n/format';
import { FRAMEWORKS, type EvaluationDetail } from '../../contract';
import { AdoptedSection } from '../components/AdoptedSection';
import { CriterionSection } from '../components/CriterionSection';
import { EvaluatorsSection } from '../components/EvaluatorsSection';
import { FactorsSection } from '../components/FactorsSection';
import { ReportSection } from '../components/ReportSection';
import { StatusTag } from '../components/StatusTag';
import { StepsSection } from '../components/StepsSection';
import { useEvaluation, useFrameworks } from '../evaluation-api';
import '../evaluation.css';

function Facts({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="wr-evaluation-facts">
      <dt>{t('evaluation:detail.programme')}</dt>
      <dd>{evaluation.programmeName}</dd>
      <dt>{t('evaluation:detail.area')}</dt>
      <dd>{evaluation.areaName}</dd>
      <dt>{t('evaluation:detail.kind')}</dt>
      <dd>{t(`evaluation:kind.${evaluation.kind}`)}</dd>
      <dt>{t('evaluation:detail.peildatum')}</dt>
      <dd>{formatDate(evaluation.peildatum, i18n.language)}</dd>
      <dt>{t('evaluation:detail.status')}</dt>
      <dd>
        <StatusTag status={evaluation.status} />
      </dd>
      <dt>{t('evaluation:detail.lead')}</dt>
      <dd>{evaluation.lead.name}</dd>
    </dl>
  );
}

/** One evaluation: its steps, evaluators, the criteria per framework (scores, evidence, conclusions) and its factors. */
export default function EvaluationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const evaluation = useEvaluation(id);
  const frameworks = useFrameworks();
  const data = evaluation.data;
  return (
    <Page title={data?.title ?? t('evaluation:detail.title')} lead={t('evaluation:detail.leadText')}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/evaluaties">
          {t('evaluation:detail.back')}
        </Link>
      </p>
      <QueryState isPending={evaluation.isPending} error={evaluation.error} onRetry={() => void evaluation.refetch()} />
      {data ? (
        <>
          {data.isDemo ? (
            <Alert type="warning" heading={t('evaluation:illustrative.heading')}>
              <p className="utrecht-paragraph">{t('evaluation:illustrative.text')}</p>
            </Alert>
          ) : null}
          <Facts evaluation={data} />
          <StepsSection evaluation={data} />
          <EvaluatorsSection evaluation={data} />
          {FRAMEWORKS.map((framework) => {
            const criteria = data.criteria.filter((c) => c.framework === framework);
            if (criteria.length === 0) return null;
            const source = frameworks.data?.find((f) => f.code === framework)?.source;
            return (
              <Section key={framework} title={t(`evaluation:framework.${framework}`)} id={`framework-${framework}`}>
                {source ? <p className="utrecht-paragraph wr-muted wr-evaluation-source">{t('evaluation:framework.source', { source })}</p> : null}
                {criteria.map((criterion) => (
                  <CriterionSection key={criterion.id} evaluation={data} criterion={criterion} />
                ))}
              </Section>
            );
          })}
          <FactorsSection evaluation={data} />
          <AdoptedSection evaluation={data} />
          <ReportSection evaluation={data} />
        </>
      ) : null}
    </Page>
  );
}
