import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Table } from '../../../../platform/web/components/Table';
import { formatNumber } from '../../../../platform/web/i18n/format';
import type { CriterionView } from '../../contract';
import { useScoreWords } from './ScoreForm';

type Row = NonNullable<CriterionView['scores']>[number];

/** Median, spread and every evaluator's score of one criterion; names only once scoring is closed (the server decides). */
export function ScoreOverview({ criterion }: { criterion: CriterionView }) {
  const { t, i18n } = useTranslation();
  const words = useScoreWords();
  const { summary, scores } = criterion;
  if (!summary || !scores) return null;
  const number = (value: number | null) => (value === null ? t('evaluation:summary.none') : formatNumber(value, i18n.language));
  return (
    <div className="wr-evaluation-overview">
      <dl className="wr-evaluation-facts">
        <dt>{t('evaluation:summary.median')}</dt>
        <dd data-testid="median">{number(summary.median)}</dd>
        <dt>{t('evaluation:summary.spread')}</dt>
        <dd data-testid="spread">{number(summary.spread)}</dd>
      </dl>
      {summary.notAssessable > 0 ? <p className="utrecht-paragraph wr-muted">{t('evaluation:summary.notAssessable', { count: summary.notAssessable })}</p> : null}
      {summary.disagreement ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('evaluation:summary.disagree')}</p>
        </Alert>
      ) : null}
      <Table<Row & { key: string }>
        caption={t('evaluation:summary.caption', { criterion: criterion.title })}
        rows={scores.map((row, index) => ({ ...row, key: String(index) }))}
        rowKey={(row) => row.key}
        compact
        columns={[
          { key: 'who', header: t('evaluation:summary.who'), rowHeader: true, render: (row) => row.evaluatorName ?? t('evaluation:summary.anonymous') },
          { key: 'score', header: t('evaluation:summary.value'), render: (row) => words(row.score) },
          { key: 'why', header: t('evaluation:summary.why'), render: (row) => row.motivation },
        ]}
      />
    </div>
  );
}
