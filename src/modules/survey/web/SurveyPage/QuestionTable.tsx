import { useTranslation } from 'react-i18next';
import { Table } from '../../../../platform/web/components/Table';
import { formatNumber } from '../../../../platform/web/i18n/format';
import type { QuestionResultRow, SurveyResults } from '../../contract';
import { formatFigure } from '../format';

type QuestionResult = SurveyResults['questions'][number];

/** One question's figures per area: mean rating, or the shares per answer; withheld cells say so. */
export function QuestionTable({ question, results }: { question: QuestionResult; results: SurveyResults }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const areaName = new Map(results.areas.map((a) => [a.code, a.level === 'buurt' ? a.name : t(`survey:results.level.${a.level}`, { name: a.name })]));
  const tooFew = <span className="wr-survey-suppressed">{t('survey:results.tooFew')}</span>;
  const share = (v: number | null | undefined) => (v === null || v === undefined ? '' : `${formatFigure(v, i18n.language, 0)}%`);
  const figureColumns =
    question.kind === 'rating'
      ? [{ key: 'mean', header: t('survey:results.mean'), numeric: true, render: (r: QuestionResultRow) => (r.n === null ? tooFew : formatFigure(r.mean ?? 0, i18n.language, 1)) }]
      : question.kind === 'trend'
        ? (['better', 'same', 'worse'] as const).map((k) => ({ key: k, header: t(`survey:trend.${k}`), numeric: true, render: (r: QuestionResultRow) => (r.n === null ? tooFew : share(r[k])) }))
        : question.options.map((o) => ({ key: o.key, header: english ? o.en : o.nl, numeric: true, render: (r: QuestionResultRow) => (r.n === null ? tooFew : share(r.options?.[o.key])) }));
  return (
    <Table<QuestionResultRow>
      caption={english ? question.textEn : question.textNl}
      rows={question.rows}
      rowKey={(r) => r.areaCode}
      compact
      columns={[
        { key: 'area', header: t('survey:results.area'), rowHeader: true, render: (r) => areaName.get(r.areaCode) ?? r.areaCode },
        { key: 'n', header: t('survey:results.answered'), numeric: true, render: (r) => (r.n === null ? tooFew : formatNumber(r.n, i18n.language)) },
        ...figureColumns,
      ]}
    />
  );
}
