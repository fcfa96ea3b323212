import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Table } from '../../../../platform/web/components/Table';
import type { EvaluationPayload } from '../../contract';
import { formatDay, formatNumber } from '../format';

/**
 * An evaluation a member shared: its outcome per point and its success and failure factors. The bundle holds
 * no evaluator names and no evidence, so there is nothing more to show.
 */
export function ReceivedEvaluation({ evaluation, memberName }: { evaluation: EvaluationPayload; memberName: string }) {
  const { t, i18n } = useTranslation();
  const factors = (heading: string, list: EvaluationPayload['successFactors']) => (
    <>
      <h3 className="utrecht-heading-3 wr-circle-factors">{heading}</h3>
      {list.length === 0 ? (
        <p className="utrecht-paragraph">{t('circle:received.noFactors')}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {list.map((f, i) => (
            <li key={i} className="utrecht-unordered-list__item">
              <strong>{f.title}</strong>
              {f.explanation ? ` — ${f.explanation}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return (
    <>
      {evaluation.isIllustrative ? <Alert type="info" heading={t('circle:illustrativeHeading')}>{t('circle:received.evaluationIllustrative')}</Alert> : null}
      <p className="utrecht-paragraph">
        {t('circle:received.evaluationFacts', {
          kind: t(`circle:received.evaluationKinds.${evaluation.kind}`),
          programme: evaluation.programmeName,
          area: evaluation.areaName,
          date: formatDay(evaluation.peildatum, i18n.language),
          member: memberName,
        })}
      </p>
      <Table
        caption={t('circle:received.criteriaCaption')}
        rows={evaluation.criteria}
        rowKey={(c) => `${c.framework}:${c.criterion}`}
        columns={[
          { key: 'framework', header: t('circle:received.framework'), render: (c) => c.framework },
          { key: 'criterion', header: t('circle:received.criterion'), rowHeader: true, render: (c) => c.criterion },
          { key: 'median', header: t('circle:received.medianScore'), numeric: true, render: (c) => (c.medianScore === null ? '–' : formatNumber(c.medianScore, i18n.language)) },
          { key: 'conclusion', header: t('circle:received.conclusion'), render: (c) => c.conclusion || '–' },
        ]}
      />
      {factors(t('circle:received.successFactors'), evaluation.successFactors)}
      {factors(t('circle:received.failureFactors'), evaluation.failureFactors)}
    </>
  );
}
