import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import type { SavedRanking } from '../../contract';
import { useIndicatorCatalogue, useSavedRanking } from '../figures-api';
import { weightShares } from './ranking-criteria';
import { RankingResultView } from './RankingResultView';
import '../figures.css';

type Criterion = SavedRanking['criteria'][number];

/** A saved ranking as it was decided: who, when, which indicators and weights, the note and the outcome. */
export default function SavedRankingPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const ranking = useSavedRanking(id);
  const catalogue = useIndicatorCatalogue();
  const data = ranking.data;
  const byCode = new Map((catalogue.data ?? []).map((indicator) => [indicator.code, indicator]));
  const shares = data ? weightShares(data.criteria) : [];
  const columns: Column<Criterion>[] = [
    { key: 'indicator', header: t('indicators:common.indicator'), rowHeader: true, render: (criterion) => byCode.get(criterion.indicator)?.name ?? criterion.indicator },
    { key: 'weight', header: t('indicators:ranking.weight'), numeric: true, render: (criterion) => criterion.weight },
    { key: 'share', header: t('indicators:ranking.shareColumn'), numeric: true, render: (criterion) => `${Math.round((shares[data?.criteria.indexOf(criterion) ?? 0] ?? 0) * 100)}%` },
    { key: 'direction', header: t('indicators:ranking.direction'), render: (criterion) => t(`indicators:ranking.directions.${criterion.direction}`) },
  ];
  return (
    <Page title={data ? data.name : t('indicators:ranking.title')} lead={data ? t('indicators:ranking.savedLead', { by: data.createdBy, at: formatDateTime(data.createdAt, i18n.language) }) : undefined}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to="/afwegingskader">
          {t('indicators:ranking.back')}
        </Link>
      </p>
      <QueryState isPending={ranking.isPending || catalogue.isPending} error={ranking.error ?? catalogue.error} onRetry={() => void ranking.refetch()} />
      {data && catalogue.data ? (
        <>
          <Section title={t('indicators:ranking.choiceHeading')} id="ranking-choice">
            <dl className="utrecht-data-list utrecht-data-list--rows wr-data-list">
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('indicators:common.municipality')}</dt>
                <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{t(`indicators:places.${data.municipality}`, { defaultValue: data.municipality })}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('indicators:common.level')}</dt>
                <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{`${t(`indicators:levels.${data.level}`)}, ${data.period}`}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('indicators:ranking.note')}</dt>
                <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd wr-prewrap">{data.note || t('indicators:ranking.noNote')}</dd>
              </div>
            </dl>
            <Table caption={t('indicators:ranking.criteria')} columns={columns} rows={data.criteria} rowKey={(criterion) => criterion.indicator} compact />
          </Section>
          <RankingResultView result={data.result} criteria={data.criteria} catalogue={catalogue.data} municipality={data.municipality} level={data.level} period={data.period} />
        </>
      ) : null}
    </Page>
  );
}
