import { useTranslation } from 'react-i18next';
import { Table } from '../../../../platform/web/components/Table';
import { formatNumber } from '../../../../platform/web/i18n/format';
import type { ResultArea, SurveyResults } from '../../contract';

/** Respondents per area and channel; a withheld count reads "te weinig antwoorden". */
export function RespondentsTable({ results }: { results: SurveyResults }) {
  const { t, i18n } = useTranslation();
  const count = (value: number | null) => (value === null ? <span className="wr-survey-suppressed">{t('survey:results.tooFew')}</span> : formatNumber(value, i18n.language));
  const name = (area: ResultArea) => (area.level === 'buurt' ? area.name : <strong>{t(`survey:results.level.${area.level}`, { name: area.name })}</strong>);
  return (
    <Table<ResultArea>
      caption={t('survey:results.respondentsCaption')}
      rows={results.areas}
      rowKey={(a) => a.code}
      columns={[
        { key: 'area', header: t('survey:results.area'), rowHeader: true, render: name },
        { key: 'all', header: t('survey:results.all'), numeric: true, render: (a) => count(results.respondents[a.code]?.all ?? null) },
        { key: 'code', header: t('survey:results.code'), numeric: true, render: (a) => count(results.respondents[a.code]?.code ?? null) },
        { key: 'open', header: t('survey:results.open'), numeric: true, render: (a) => count(results.respondents[a.code]?.open ?? null) },
      ]}
    />
  );
}
