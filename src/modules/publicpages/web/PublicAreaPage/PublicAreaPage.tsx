import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { InitiativeLinks } from '../../../initiatives/web/index';
import { NEWSLETTER_SUBSCRIBE_PATH, newsletterArchivePath } from '../../../newsletter/web/index';
import { SITE_PAGE_PATHS } from '../../../site/web/index';
import { SURVEY_CODE_PATH } from '../../../survey/web/index';
import { Alert } from '../../../../platform/web/components/Alert';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { figuresFileUrl, type PublicAreaPage as AreaPage } from '../../contract';
import { isNotFound, usePublicAreaPage } from '../public-api';
import { PUBLIC_AREAS_PATH } from '../public-paths';
import { ActivityList } from './ActivityList';
import { DecisionList } from './DecisionList';
import { GoalList } from './GoalList';
import { KeyFigures } from './KeyFigures';
import { MoneyTables } from './MoneyTables';
import '../public.css';

/** /openbaar/:areaCode: what residents may read about their area, without logging in (docs/publicpages.md). */
export default function PublicAreaPage() {
  const { t } = useTranslation();
  const { areaCode = '' } = useParams();
  const page = usePublicAreaPage(areaCode);
  if (isNotFound(page.error)) {
    return (
      <Page title={t('publicpages:area.notFoundTitle')}>
        <Alert type="info">
          <p className="utrecht-paragraph">{t('publicpages:area.notFound')}</p>
        </Alert>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={PUBLIC_AREAS_PATH}>
            {t('publicpages:area.allAreas')}
          </Link>
        </p>
      </Page>
    );
  }
  if (!page.data) {
    return (
      <Page title={t('publicpages:list.title')}>
        <QueryState isPending={page.isPending} error={page.error} onRetry={() => void page.refetch()} />
      </Page>
    );
  }
  return <AreaContent data={page.data} />;
}

function AreaContent({ data }: { data: AreaPage }) {
  const { t, i18n } = useTranslation();
  const { area } = data;
  return (
    <Page title={area.name} lead={t('publicpages:area.lead', { area: area.name })}>
      <p className="utrecht-paragraph wr-public-back">
        <Link className="utrecht-link" to={PUBLIC_AREAS_PATH}>
          {t('publicpages:area.allAreas')}
        </Link>
      </p>
      {/* The programme's own texts and the CBS names are Dutch whatever the language chosen. */}
      {!i18n.language.startsWith('nl') ? <p className="utrecht-paragraph wr-muted">{t('publicpages:area.writtenInDutch')}</p> : null}
      {data.programmes.map((programme) => (
        <div key={programme.id}>
          <Section title={t('publicpages:area.ambition')}>
            <p className="utrecht-paragraph wr-muted">{programme.name}</p>
            <p className="utrecht-paragraph">{programme.ambition || t('publicpages:area.noAmbition')}</p>
          </Section>
          <Section title={t('publicpages:goals.title')}>
            <p className="utrecht-paragraph">{t('publicpages:goals.lead')}</p>
            <GoalList programme={programme} />
          </Section>
        </div>
      ))}
      <Section title={t('publicpages:figures.title')} id="cijfers">
        <p className="utrecht-paragraph">{t('publicpages:figures.lead', { city: area.municipalityName ?? t('publicpages:figures.municipality') })}</p>
        <KeyFigures area={area} figures={data.figures.items} />
        <p className="utrecht-paragraph wr-muted">{t('publicpages:figures.source')}</p>
      </Section>
      {data.programmes.map((programme) => (
        <div key={programme.id}>
          <Section title={t('publicpages:activities.title')}>
            <ActivityList activities={programme.activities} />
          </Section>
          <Section title={t('publicpages:money.title')}>
            <MoneyTables money={programme.money} />
          </Section>
          <Section title={t('publicpages:decisions.title')}>
            <DecisionList decisions={programme.decisions} />
          </Section>
        </div>
      ))}
      <Section title={t('publicpages:participate.title')} id="meedoen">
        <ul className="utrecht-unordered-list">
          <InitiativeLinks areaCode={area.code} />
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to={NEWSLETTER_SUBSCRIBE_PATH}>
              {t('publicpages:participate.subscribe')}
            </Link>
            {' · '}
            <Link className="utrecht-link" to={newsletterArchivePath(area.code)}>
              {t('publicpages:participate.archive', { area: area.name })}
            </Link>
          </li>
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to={SURVEY_CODE_PATH}>
              {t('publicpages:participate.survey')}
            </Link>
          </li>
        </ul>
      </Section>
      <Section title={t('publicpages:openData.title')} id="open-data">
        <p className="utrecht-paragraph">{t('publicpages:openData.licence')}</p>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={figuresFileUrl(area.code, 'csv')} download>
              {t('publicpages:openData.csv', { area: area.name })}
            </a>
            <span className="wr-muted">{` ${t('publicpages:openData.csvNote')}`}</span>
          </li>
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={figuresFileUrl(area.code, 'json')} download>
              {t('publicpages:openData.json', { area: area.name })}
            </a>
          </li>
        </ul>
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href="https://creativecommons.org/licenses/by/4.0/deed.nl" lang="nl">
            {t('publicpages:openData.licenceLink')}
          </a>
        </p>
      </Section>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={SITE_PAGE_PATHS.accessibility}>
          {t('publicpages:area.accessibility')}
        </Link>
      </p>
    </Page>
  );
}
