import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiProblem } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { fieldErrorMessage } from '../../../../platform/web/i18n/field-error-message';
import { REQUIRED_CSV_COLUMNS, SIGNAL_CSV_COLUMNS, type SignalImportResult } from '../../contract';
import { DEMO_MUNICIPALITY, useTaxonomy } from '../signals-api';
import { locateBadRow, type BadRow } from './import-report';
import '../signals.css';

/** The municipalities with buurt boundaries in the app, as on the other pages that pick one. */
const MUNICIPALITIES = [
  { value: DEMO_MUNICIPALITY, label: 'Dordrecht' },
  { value: 'GM0308', label: 'Baarn' },
];

function uploadSignals(request: { municipality: string; file: File }): Promise<SignalImportResult> {
  const form = new FormData();
  form.set('municipality', request.municipality);
  // The file goes last: the server reads the fields before it streams the file.
  form.set('file', request.file, request.file.name);
  return api.upload<SignalImportResult>('/api/v1/signal-imports', form);
}

function Report({ result }: { result: SignalImportResult }) {
  const { t } = useTranslation();
  if (result.status === 'already_imported') {
    return (
      <Alert type="info" live="status" heading={t('signals:import.alreadyImported')}>
        <p className="utrecht-paragraph" data-testid="signal-import-report">
          {t('signals:import.alreadyImportedBody', { count: result.rows, id: result.id })}
        </p>
      </Alert>
    );
  }
  return (
    <Alert type="ok" heading={t('signals:import.applied')}>
      <div data-testid="signal-import-report">
        <p className="utrecht-paragraph">{t('signals:import.imported', { count: result.rows })}</p>
        <p className="utrecht-paragraph">{t('signals:import.skipped', { count: result.skipped ?? 0 })}</p>
      </div>
      <p className="utrecht-paragraph">
        {t('signals:import.reference', { id: result.id })}{' '}
        <Link className="utrecht-link utrecht-link--html-a" to="/signalen">
          {t('signals:import.toList')}
        </Link>
      </p>
    </Alert>
  );
}

function BadRows({ problem }: { problem: ApiProblem }) {
  const { t, i18n } = useTranslation();
  // The server lists the first problems and ends with one entry counting the rest (signal-csv.ts problemsError).
  const notListed = problem.errors.reduce((sum, error) => sum + (error.code === 'more_not_listed' ? Number(error.params.count ?? 0) : 0), 0);
  // Each row's reason in words from its code (field-error-message.ts), never the server's English message.
  const rows = problem.errors
    .filter((error) => error.code !== 'more_not_listed')
    .map((error) => locateBadRow({ path: error.path, message: fieldErrorMessage(error, t, i18n.language) }));
  const total = rows.length + notListed;
  const columns: Column<BadRow & { key: string }>[] = [
    { key: 'line', header: t('signals:import.line'), numeric: true, render: (row) => row.line ?? '–' },
    {
      key: 'column',
      header: t('signals:import.column'),
      render: (row) => (row.column === null && row.columnName === null ? '–' : <>{row.column !== null ? `${row.column} ` : ''}{row.columnName ? <code className="wr-code">{row.columnName}</code> : null}</>),
    },
    { key: 'message', header: t('signals:import.reason'), rowHeader: true, render: (row) => row.message },
  ];
  return (
    <>
      <Alert type="error" heading={t('signals:import.rejected')}>
        <p className="utrecht-paragraph">{t('signals:import.rejectedLead', { count: total })}</p>
      </Alert>
      {rows.length > 0 ? (
        <Table caption={t('signals:import.errorsCaption', { count: total })} columns={columns} rows={rows.map((row, index) => ({ ...row, key: String(index) }))} rowKey={(row) => row.key} compact />
      ) : null}
      {notListed > 0 ? <p className="utrecht-paragraph">{t('signals:import.notListed', { count: notListed, listed: rows.length })}</p> : null}
    </>
  );
}

/** "Signalen importeren": a CSV export of a reporting system or partner, all or nothing, with a report or every bad row. */
export default function SignalImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const [municipality, setMunicipality] = useState(DEMO_MUNICIPALITY);
  const [file, setFile] = useState<File | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const upload = useMutation({
    mutationFn: uploadSignals,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['signals'] }),
  });

  // The outcome (report or bad rows) takes focus, so a screen reader reads it and the keyboard starts there.
  useEffect(() => {
    if (upload.isSuccess || upload.isError) outcomeRef.current?.focus();
  }, [upload.isSuccess, upload.isError, upload.submittedAt]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrorLink[] = [];
    if (!file) errors.push({ fieldId: 'signal-import-file', label: t('signals:import.file'), message: t('signals:import.fileRequired') });
    setFieldErrors(errors);
    if (errors.length > 0 || !file) {
      upload.reset();
      requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>('.wr-error-summary a')?.focus());
      return;
    }
    upload.mutate({ municipality, file });
  }

  const problem = upload.error instanceof ApiProblem && upload.error.code === 'signal_import.invalid' ? upload.error : null;
  const otherError = upload.error && !problem ? upload.error : undefined;

  // The codes a category or legal regime cell may hold, from the taxonomy the server checks against.
  const codesOf = (column: string) => {
    const codes = column === 'category' ? taxonomy.data?.categories.map((c) => c.code) : column === 'legal_regime' ? taxonomy.data?.regimes.map((r) => r.code) : undefined;
    if (!codes?.length) return null;
    return (
      <>
        {' '}
        {t('signals:import.codes')}{' '}
        {codes.map((code, index) => (
          <span key={code}>
            {index > 0 ? ', ' : ''}
            <code className="wr-code">{code}</code>
          </span>
        ))}
        .
      </>
    );
  };
  const columnRows = SIGNAL_CSV_COLUMNS.map((name) => ({ name, required: (REQUIRED_CSV_COLUMNS as readonly string[]).includes(name) }));
  const columnColumns: Column<(typeof columnRows)[number]>[] = [
    { key: 'name', header: t('signals:import.column'), rowHeader: true, render: (row) => <code className="wr-code">{row.name}</code> },
    { key: 'required', header: t('signals:import.requiredHeader'), render: (row) => (row.required ? t('signals:import.required') : t('signals:import.optional')) },
    { key: 'meaning', header: t('signals:import.meaningHeader'), render: (row) => <>{t(`signals:import.columns.${row.name}`)}{codesOf(row.name)}</> },
  ];

  return (
    <Page title={t('signals:import.title')} lead={t('signals:import.lead')}>
      <form className="utrecht-form wr-card" noValidate onSubmit={submit} aria-labelledby="signal-import-form-heading">
        <h2 className="utrecht-heading-2 wr-card__heading" id="signal-import-form-heading">
          {t('signals:import.formHeading')}
        </h2>
        <div ref={summaryRef}>
          <ErrorSummary fields={fieldErrors} />
        </div>
        <SelectField id="signal-import-municipality" label={t('signals:import.municipality')} description={t('signals:import.municipalityDescription')} options={MUNICIPALITIES} value={municipality} onChange={(event) => setMunicipality(event.target.value)} />
        <TextField
          id="signal-import-file"
          type="file"
          label={t('signals:import.file')}
          description={t('signals:import.fileDescription')}
          accept=".csv,.txt,text/csv"
          error={fieldErrors.find((error) => error.fieldId === 'signal-import-file')?.message}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFieldErrors([]);
            upload.reset();
          }}
        />
        <div className="wr-form-actions">
          <Button type="submit" appearance="primary" busy={upload.isPending}>
            {upload.isPending ? t('signals:import.uploading') : t('signals:import.submit')}
          </Button>
        </div>
      </form>
      <div ref={outcomeRef} tabIndex={-1} className="wr-signals-import-outcome" data-testid="signal-import-outcome">
        {upload.data ? <Report result={upload.data} /> : null}
        {problem ? <BadRows problem={problem} /> : null}
        {otherError ? <ErrorSummary error={otherError} /> : null}
      </div>
      <Section title={t('signals:import.columnsHeading')} id="signal-import-columns">
        <p className="utrecht-paragraph">{t('signals:import.columnsLead')}</p>
        <Table caption={t('signals:import.columnsCaption')} captionHidden columns={columnColumns} rows={columnRows} rowKey={(row) => row.name} compact />
        <p className="utrecht-paragraph">{t('signals:import.rules')}</p>
      </Section>
    </Page>
  );
}
