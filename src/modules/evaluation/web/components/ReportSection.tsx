import { useTranslation } from 'react-i18next';
import { Section } from '../../../../platform/web/components/Page';
import { REPORT_STATUSES, type EvaluationDetail } from '../../contract';

/**
 * The evaluation as a Word or PDF document for the council and the programme board, made by the server as
 * the reader may see it (plain links: the browser downloads). Offered once scoring is closed; before that
 * the scores are hidden, so the section says why there is nothing to download yet.
 */
export function ReportSection({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation();
  const url = (format: 'docx' | 'pdf') => `/api/v1/evaluations/${encodeURIComponent(evaluation.id)}/report.${format}`;
  const ready = REPORT_STATUSES.includes(evaluation.status);
  return (
    <Section title={t('evaluation:report.heading')} id="evaluation-report">
      {ready ? (
        <>
          <p className="utrecht-paragraph">{t('evaluation:report.explained')}</p>
          {evaluation.status !== 'established' ? <p className="utrecht-paragraph wr-muted">{t('evaluation:report.concept')}</p> : null}
          <div className="wr-button-group utrecht-button-group">
            <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={url('docx')} download>
              {t('evaluation:report.docx')}
            </a>
            <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={url('pdf')} download>
              {t('evaluation:report.pdf')}
            </a>
          </div>
        </>
      ) : (
        <p className="utrecht-paragraph">{t('evaluation:report.notYet')}</p>
      )}
    </Section>
  );
}
