import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiProblem } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { fieldErrorMessage } from '../../../../platform/web/i18n/field-error-message';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { LETTER_SECTIONS, LetterDetail, LetterFields, LetterSections, SnapshotSummary, Template } from '../../contract';
import { DownloadButtons } from '../components/DownloadButtons';
import { ReportDocumentView } from '../components/ReportDocumentView';
import { formatDay } from '../format';
import { letterServerLinks } from './letter-server-links';
import { useLetter, useLetterDocument, useProgramme, useSaveLetter, useSnapshots, useTemplate } from '../reports-api';
import '../reports.css';

const FIELD_MAX = 300;
const SECTION_MAX = 20_000;
/** Sections after whose text the letter adds what the snapshot knows (documents.ts, councilLetter). */
const GENERATED: Partial<Record<(typeof LETTER_SECTIONS)[number], string>> = { informatie: 'reports:letter.addsInformation', kosten: 'reports:letter.addsCosts', besluiten: 'reports:letter.addsDecisions' };

interface FormProps {
  letter: LetterDetail;
  newest: number;
  template: Template;
  snapshots: SnapshotSummary[];
  canEdit: boolean;
  onSaved: (version: number) => void;
}

function LetterForm({ letter, newest, template, snapshots, canEdit, onSaved }: FormProps) {
  const { t, i18n } = useTranslation();
  const save = useSaveLetter(letter.id, (saved) => onSaved(saved.version));
  const [fields, setFields] = useState<LetterFields>(letter.fields);
  const [sections, setSections] = useState<LetterSections>(letter.sections);
  const roles = template.content.signature.roles;
  const [signers, setSigners] = useState<string[]>(roles.map((_, i) => letter.signers[i] ?? ''));
  const [snapshotId, setSnapshotId] = useState(letter.snapshotId);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const old = letter.version !== newest;
  const readOnly = !canEdit || old;

  const sectionTitle = (key: keyof LetterSections) => template.content.sections.find((s) => s.key === key)?.title ?? key;

  // The browser's checks in the words of the one mapping, the same the server's errors get.
  const tooLong = (maximum: number) => fieldErrorMessage({ code: 'too_long', params: { maximum } }, t, i18n.language);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    for (const f of template.content.fields) {
      if (fields[f.key].trim().length > FIELD_MAX) found.push({ fieldId: `letter-field-${f.key}`, label: f.label, message: tooLong(FIELD_MAX) });
    }
    for (const s of template.content.sections) {
      if (sections[s.key].length > SECTION_MAX) found.push({ fieldId: `letter-section-${s.key}`, label: s.title, message: tooLong(SECTION_MAX) });
    }
    setErrors(found);
    if (found.length) {
      save.reset();
      return;
    }
    save.mutate({ snapshotId, fields, sections, signers, baseVersion: newest });
  }
  const stale = save.error instanceof ApiProblem && save.error.code === 'report.letter_stale';
  const shown = errors.length ? errors : letterServerLinks(save.error, template, roles, t, i18n.language);
  const errorFor = (id: string) => shown.find((e) => e.fieldId === id)?.message;

  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      {stale ? (
        <Alert type="error" live="alert" heading={t('reports:letter.staleHeading')}>
          <p className="utrecht-paragraph">{t('reports:letter.staleText')}</p>
        </Alert>
      ) : (
        <ErrorSummary error={save.error} fields={shown} />
      )}
      <fieldset className="wr-fieldset wr-letter__fieldset">
        <legend className="utrecht-heading-3">{t('reports:letter.headerFields')}</legend>
        <p className="utrecht-paragraph wr-muted">{t('reports:letter.headerExplained')}</p>
        <div className="wr-form-grid wr-letter__grid">
          {template.content.fields.map((f) => (
            <TextField
              key={f.key}
              id={`letter-field-${f.key}`}
              label={f.label}
              value={fields[f.key]}
              maxLength={FIELD_MAX}
              readOnly={readOnly}
              error={errorFor(`letter-field-${f.key}`)}
              onChange={(e) => setFields({ ...fields, [f.key]: e.target.value })}
            />
          ))}
        </div>
      </fieldset>
      <SelectField
        id="letter-snapshot" className="wr-field--wide"
        error={errorFor('letter-snapshot')}
        label={t('reports:letter.figuresFrom')}
        description={t('reports:letter.figuresFromDescription')}
        value={snapshotId}
        disabled={readOnly}
        options={snapshots.map((s) => ({ value: s.id, label: t('reports:snapshots.option', { title: s.title, date: formatDay(s.peildatum, i18n.language) }) }))}
        onChange={(e) => setSnapshotId(e.target.value)}
      />
      <fieldset className="wr-fieldset wr-letter__fieldset">
        <legend className="utrecht-heading-3">{t('reports:letter.text')}</legend>
        <p className="utrecht-paragraph wr-muted">{t('reports:letter.textExplained')}</p>
        {template.content.sections.map((s) => (
          <TextAreaField
            key={s.key}
            id={`letter-section-${s.key}`}
            label={sectionTitle(s.key)}
            description={GENERATED[s.key] ? t(GENERATED[s.key] ?? '') : undefined}
            rows={s.key === 'besluiten' ? 3 : 9}
            value={sections[s.key]}
            readOnly={readOnly}
            error={errorFor(`letter-section-${s.key}`)}
            onChange={(e) => setSections({ ...sections, [s.key]: e.target.value })}
          />
        ))}
      </fieldset>
      <fieldset className="wr-fieldset wr-letter__fieldset">
        <legend className="utrecht-heading-3">{t('reports:letter.signature')}</legend>
        <p className="utrecht-paragraph wr-muted">{t('reports:letter.signatureExplained', { closing: template.content.signature.closing })}</p>
        <div className="wr-form-grid wr-letter__grid">
          {roles.map((role, i) => (
            <TextField
              key={role}
              id={`letter-signer-${i}`}
              label={t('reports:letter.signerName', { role })}
              error={errorFor(`letter-signer-${i}`)}
              value={signers[i] ?? ''}
              maxLength={120}
              readOnly={readOnly}
              onChange={(e) => setSigners(signers.map((s, j) => (j === i ? e.target.value : s)))}
            />
          ))}
        </div>
      </fieldset>
      {canEdit ? (
        <div className="wr-form-actions">
          <Button type="submit" appearance="primary" busy={save.isPending}>
            {old ? t('reports:letter.restore', { version: letter.version }) : t('reports:letter.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

/** A council letter: its header fields and text, saved as versions; the letter as it will read, and as DOCX or PDF. */
export default function LetterPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const user = useCurrentUser();
  const asked = Number(params.get('versie'));
  const version = Number.isInteger(asked) && asked > 0 ? asked : undefined;
  const letter = useLetter(id, version);
  const newestLetter = useLetter(id, undefined);
  const data = letter.data;
  const newest = newestLetter.data?.version;
  const programme = useProgramme(data?.programmeId);
  const snapshots = useSnapshots(data?.programmeId);
  const template = useTemplate(programme.data?.municipalityCode);
  const preview = useLetterDocument(id, data?.version);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const canEdit = hasPermission(user, 'reports.manage');

  const versionColumns: Column<LetterDetail['versions'][number]>[] = [
    {
      key: 'version',
      header: t('reports:letter.version'),
      rowHeader: true,
      render: (v) =>
        v.version === data?.version ? (
          <span aria-current="true">{t('reports:letter.versionShown', { version: v.version })}</span>
        ) : (
          <Link className="utrecht-link utrecht-link--html-a" to={v.version === newest ? `/rapportages/brieven/${id}` : `/rapportages/brieven/${id}?versie=${v.version}`}>
            {t('reports:letter.versionLink', { version: v.version })}
          </Link>
        ),
    },
    { key: 'saved', header: t('reports:letter.saved'), render: (v) => t('reports:snapshots.takenByText', { name: v.savedBy, at: formatDateTime(v.savedAt, i18n.language) }) },
    {
      key: 'figures',
      header: t('reports:letter.figuresOf'),
      render: (v) => {
        const s = snapshots.data?.find((x) => x.id === v.snapshotId);
        return s ? formatDay(s.peildatum, i18n.language) : '';
      },
    },
  ];

  const ready = data && newest !== undefined && template.data && snapshots.data;
  return (
    <Page
      title={data ? t('reports:letter.title', { subject: data.betreft || t('reports:letters.noSubject') }) : t('reports:letter.titleLoading')}
      lead={data ? t('reports:letter.lead', { version: data.version, name: data.savedBy, at: formatDateTime(data.savedAt, i18n.language), peildatum: formatDay(data.peildatum, i18n.language) }) : undefined}
    >
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to={data ? `/programmas/${data.programmeId}/rapportages` : '/rapportages'}>
          {t('reports:letter.back')}
        </Link>
      </p>
      <QueryState isPending={letter.isPending} error={letter.error} onRetry={() => void letter.refetch()} />
      <QueryState isPending={false} error={template.error ?? snapshots.error ?? programme.error} />
      {data?.isDemo ? (
        <Alert type="info" heading={t('reports:letter.demoHeading')}>
          <p className="utrecht-paragraph">{t('reports:letter.demoText')}</p>
        </Alert>
      ) : null}
      {savedVersion !== null && savedVersion === data?.version ? (
        <Alert type="ok" heading={t('reports:letter.savedHeading', { version: savedVersion })}>
          <p className="utrecht-paragraph">{t('reports:letter.savedText')}</p>
        </Alert>
      ) : null}
      {data && newest !== undefined && data.version !== newest ? (
        <Alert type="warning" heading={t('reports:letter.oldHeading', { version: data.version, newest })}>
          <p className="utrecht-paragraph">
            {t('reports:letter.oldText')}{' '}
            <Link className="utrecht-link utrecht-link--html-a" to={`/rapportages/brieven/${id}`}>
              {t('reports:letter.toNewest', { version: newest })}
            </Link>
          </p>
        </Alert>
      ) : null}
      {ready ? (
        <>
          <Section title={canEdit && data.version === newest ? t('reports:letter.editHeading') : t('reports:letter.contentHeading')} id="letter-form">
            <LetterForm
              key={`${data.id}-${data.version}`}
              letter={data}
              newest={newest}
              template={template.data}
              snapshots={snapshots.data}
              canEdit={canEdit}
              onSaved={(v) => {
                setSavedVersion(v);
                void navigate(`/rapportages/brieven/${data.id}`);
              }}
            />
          </Section>
          <Section title={t('reports:letter.previewHeading')} id="letter-preview">
            <p className="utrecht-paragraph wr-muted">{t('reports:letter.previewExplained', { version: data.version })}</p>
            <DownloadButtons target={{ kind: 'letter', letterId: data.id, version: data.version }} />
            {i18n.language !== 'nl' ? (
              <Alert type="info">
                <p className="utrecht-paragraph">{t('reports:document.dutchOnly')}</p>
              </Alert>
            ) : null}
            <QueryState isPending={preview.isPending} error={preview.error} onRetry={() => void preview.refetch()} />
            {preview.data ? <ReportDocumentView document={preview.data} idPrefix="letter" /> : null}
          </Section>
          <Section title={t('reports:letter.versionsHeading')} id="letter-versions">
            <Table caption={t('reports:letter.versionsCaption')} captionHidden columns={versionColumns} rows={newestLetter.data?.versions ?? data.versions} rowKey={(v) => String(v.version)} />
          </Section>
        </>
      ) : null}
    </Page>
  );
}
