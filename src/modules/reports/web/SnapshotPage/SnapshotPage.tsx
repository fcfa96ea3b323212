import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import type { DocumentQuery, SnapshotDetail } from '../../contract';
import { DownloadButtons } from '../components/DownloadButtons';
import { ReportDocumentView } from '../components/ReportDocumentView';
import { formatDay } from '../format';
import { useSnapshot, useSnapshotDocument } from '../reports-api';
import '../reports.css';

const KINDS = ['progress', 'annual', 'decisions', 'subsidy'] as const;
type Kind = (typeof KINDS)[number];

/** The document the address asks for (?document=…&onderwerp=…), or the progress report; a subject must be in the snapshot. */
function chosenQuery(params: URLSearchParams, snapshot: SnapshotDetail | undefined): DocumentQuery | null {
  const kind = (KINDS as readonly string[]).includes(params.get('document') ?? '') ? (params.get('document') as Kind) : 'progress';
  if (kind === 'progress' || kind === 'annual') return { kind };
  if (!snapshot) return null;
  const options = kind === 'decisions' ? snapshot.content.meetings.map((m) => m.id) : snapshot.content.money.sources.map((s) => s.id);
  const subject = params.get('onderwerp');
  const chosen = subject && options.includes(subject) ? subject : options[0];
  return chosen ? { kind, subject: chosen } : null;
}

/** One snapshot: its documents as accessible HTML, and each as DOCX or PDF. */
export default function SnapshotPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const snapshot = useSnapshot(id);
  const data = snapshot.data;
  const query = chosenQuery(params, data);
  const document = useSnapshotDocument(id, query);
  const kind = query?.kind ?? ((params.get('document') as Kind | null) ?? 'progress');

  const choose = (next: { kind?: Kind; subject?: string }) => {
    const value = new URLSearchParams();
    const k = next.kind ?? kind;
    if (k !== 'progress') value.set('document', k);
    if (next.subject && (k === 'decisions' || k === 'subsidy')) value.set('onderwerp', next.subject);
    setParams(value, { replace: true });
  };
  const subjects =
    data && kind === 'decisions'
      ? data.content.meetings.map((m) => ({ value: m.id, label: t('reports:snapshot.meetingOption', { title: m.title, date: formatDay(m.heldOn, i18n.language, 'medium') }) }))
      : data && kind === 'subsidy'
        ? data.content.money.sources.map((s) => ({ value: s.id, label: s.name }))
        : [];

  return (
    <Page
      title={data?.title ?? t('reports:snapshot.title')}
      lead={data ? t('reports:snapshot.lead', { programme: data.content.programme.name }) : undefined}
    >
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to={data ? `/programmas/${data.programmeId}/rapportages` : '/rapportages'}>
          {t('reports:snapshot.back')}
        </Link>
      </p>
      <QueryState isPending={snapshot.isPending} error={snapshot.error} onRetry={() => void snapshot.refetch()} />
      {data ? (
        <>
          <dl className="wr-facts">
            <div>
              <dt>{t('reports:snapshots.peildatum')}</dt>
              <dd>{formatDay(data.peildatum, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('reports:snapshots.period')}</dt>
              <dd>{t('reports:snapshots.periodText', { start: formatDay(data.periodStart, i18n.language), end: formatDay(data.peildatum, i18n.language) })}</dd>
            </div>
            <div>
              <dt>{t('reports:snapshots.takenBy')}</dt>
              <dd>{t('reports:snapshots.takenByText', { name: data.takenBy, at: formatDateTime(data.takenAt, i18n.language) })}</dd>
            </div>
          </dl>
          <Section title={t('reports:snapshot.documentHeading')} id="document-choice">
            <div className="wr-form-grid">
              <SelectField
                id="document-kind" className="wr-field--wide"
                label={t('reports:snapshot.document')}
                value={kind}
                options={KINDS.map((k) => ({ value: k, label: t(`reports:kinds.${k}`) }))}
                onChange={(e) => choose({ kind: e.target.value as Kind })}
              />
              {kind === 'decisions' || kind === 'subsidy' ? (
                subjects.length ? (
                  <SelectField
                    id="document-subject" className="wr-field--wide"
                    label={kind === 'decisions' ? t('reports:snapshot.meeting') : t('reports:snapshot.source')}
                    value={query?.subject ?? ''}
                    options={subjects}
                    onChange={(e) => choose({ subject: e.target.value })}
                  />
                ) : (
                  <p className="utrecht-paragraph">{kind === 'decisions' ? t('reports:snapshot.noMeetings') : t('reports:snapshot.noSources')}</p>
                )
              ) : null}
            </div>
            {query ? <DownloadButtons target={{ ...query, snapshotId: data.id }} /> : null}
          </Section>
          <Section title={t('reports:snapshot.previewHeading')} id="preview">
            <p className="utrecht-paragraph wr-muted">{t('reports:snapshot.previewExplained')}</p>
            {i18n.language !== 'nl' ? (
              <Alert type="info">
                <p className="utrecht-paragraph">{t('reports:document.dutchOnly')}</p>
              </Alert>
            ) : null}
            <QueryState isPending={Boolean(query) && document.isPending} error={document.error} onRetry={() => void document.refetch()} />
            {document.data ? <ReportDocumentView document={document.data} idPrefix="report" /> : null}
          </Section>
        </>
      ) : null}
    </Page>
  );
}
