import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { ProgrammeSummary } from '../../../programmes/contract';
import { useProgrammes, useTemplate } from '../reports-api';
import '../reports.css';

function TemplateLink({ municipality }: { municipality: string }) {
  const { t } = useTranslation();
  const template = useTemplate(municipality);
  if (!template.data) return null;
  return (
    <li>
      <Link className="utrecht-link utrecht-link--html-a" to={`/rapportages/sjabloon/${municipality}`}>
        {t('reports:template.edit', { municipality: template.data.content.municipalityName })}
      </Link>
    </li>
  );
}

/** Reports start from a programme: each programme's reports page, and the letter templates of their municipalities. */
export default function ReportsHomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const items: ProgrammeSummary[] = programmes.data?.items ?? [];
  const municipalities = [...new Set(items.map((p) => p.municipalityCode))];
  return (
    <Page title={t('reports:home.title')} lead={t('reports:home.lead')}>
      <QueryState isPending={programmes.isPending} error={programmes.error} onRetry={() => void programmes.refetch()} />
      {programmes.data ? (
        <>
          <Section title={t('reports:home.programmesHeading')} id="programmes">
            {items.length ? (
              <ul className="wr-report-links">
                {items.map((p) => (
                  <li key={p.id} className="wr-card wr-report-links__item">
                    <Link className="utrecht-link utrecht-link--html-a wr-report-links__name" to={`/programmas/${p.id}/rapportages`}>
                      {t('reports:home.programmeLink', { name: p.name })}
                    </Link>
                    {p.isDemo ? <span className="wr-tag">{t('reports:demo')}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="utrecht-paragraph">{t('reports:home.noProgrammes')}</p>
            )}
          </Section>
          {hasPermission(user, 'report_templates.manage') && municipalities.length ? (
            <Section title={t('reports:home.templatesHeading')} id="templates">
              <p className="utrecht-paragraph">{t('reports:home.templatesExplained')}</p>
              <ul className="utrecht-unordered-list">
                {municipalities.map((m) => (
                  <TemplateLink key={m} municipality={m} />
                ))}
              </ul>
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
