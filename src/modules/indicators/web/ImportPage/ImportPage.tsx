import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { fieldErrorMessage } from '../../../../platform/web/i18n/field-error-message';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import { problemMessage } from '../../../../platform/web/i18n/problem-message';
import { IMPORT_KINDS, type ImportResult } from '../../contract';
import { useImports, type ImportSummary } from '../figures-api';
import { importNotes } from './import-notes';
import { locateProblem, uploadImport, type RowProblem } from './import-upload';
import '../figures.css';

function BadRows({ problem }: { problem: ApiProblem }) {
  const { t, i18n } = useTranslation();
  // Each row's reason in words from its code (field-error-message.ts), never the server's English message. A
  // problem with the whole file and no code of its own reads as the sentence of the problem (problemMessage).
  const rows = problem.errors.map((error) =>
    locateProblem(error.path, error.path === 'file' && error.code === 'invalid' ? problemMessage(problem, t) : fieldErrorMessage(error, t, i18n.language)),
  );
  const columns: Column<RowProblem & { key: string }>[] = [
    { key: 'line', header: t('indicators:import.line'), numeric: true, render: (row) => row.line ?? '–' },
    { key: 'column', header: t('indicators:import.column'), render: (row) => (row.column ? <code className="wr-code">{row.column}</code> : '–') },
    { key: 'message', header: t('indicators:import.reason'), rowHeader: true, render: (row) => row.message },
  ];
  return (
    <div className="wr-import-errors">
      <Alert type="error" heading={t('indicators:import.rejected')}>
        <p className="utrecht-paragraph">{problemMessage(problem, t)}</p>
        <p className="utrecht-paragraph">{t('indicators:import.rejectedLead', { count: rows.length })}</p>
      </Alert>
      {rows.length > 0 ? (
        <Table caption={t('indicators:import.errorsCaption', { count: rows.length })} columns={columns} rows={rows.map((row, index) => ({ ...row, key: String(index) }))} rowKey={(row) => row.key} compact />
      ) : null}
    </div>
  );
}

/** "Import": an analyst uploads CBS files or a values CSV; all or nothing, with a report or every bad row. */
export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const imports = useImports();
  const [kind, setKind] = useState<string>('values-csv');
  const [year, setYear] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (request: Parameters<typeof uploadImport>[0]) => uploadImport(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports'] }).then(() => queryClient.invalidateQueries({ queryKey: ['indicators'] })),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrorLink[] = [];
    if (!file) errors.push({ fieldId: 'import-file', label: t('indicators:import.file'), message: t('indicators:import.fileRequired') });
    if (year && !/^\d{4}$/.test(year)) errors.push({ fieldId: 'import-year', label: t('indicators:common.year'), message: t('indicators:import.yearInvalid') });
    setFieldErrors(errors);
    if (errors.length > 0 || !file) return;
    upload.mutate({ kind, year: year ? Number(year) : undefined, file });
  }

  const result: ImportResult | undefined = upload.data;
  const notes = (item: ImportSummary | undefined) => (item ? importNotes(item.report).map((note) => t(`indicators:import.${note.key}`, note.values)) : []);
  const resultNotes = notes(imports.data?.find((item) => item.id === result?.id));
  const problem = upload.error instanceof ApiProblem && upload.error.status === 422 ? upload.error : null;
  const fileError = fieldErrors.find((error) => error.fieldId === 'import-file')?.message;

  const columns: Column<ImportSummary>[] = [
    { key: 'at', header: t('indicators:import.when'), render: (item) => <span className="wr-nowrap">{formatDateTime(item.createdAt, i18n.language)}</span> },
    { key: 'file', header: t('indicators:import.file'), rowHeader: true, render: (item) => item.fileName },
    { key: 'kind', header: t('indicators:import.kind'), render: (item) => t(`indicators:import.kinds.${item.kind}`, { defaultValue: item.kind }) },
    { key: 'year', header: t('indicators:common.year'), render: (item) => item.year ?? '–' },
    { key: 'rows', header: t('indicators:import.rows'), numeric: true, render: (item) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL').format(item.rows) },
    { key: 'by', header: t('indicators:import.by'), render: (item) => item.createdBy ?? t('indicators:import.system') },
    { key: 'notes', header: t('indicators:import.notesColumn'), render: (item) => notes(item).join(' ') },
  ];

  return (
    <Page title={t('indicators:import.title')} lead={t('indicators:import.lead')}>
      <form className="utrecht-form wr-card" noValidate onSubmit={submit} aria-labelledby="import-form-heading">
        <h2 className="utrecht-heading-2 wr-card__heading" id="import-form-heading">
          {t('indicators:import.formHeading')}
        </h2>
        <ErrorSummary fields={fieldErrors} error={upload.error && !problem ? upload.error : undefined} />
        <div className="wr-filters">
          <SelectField
            id="import-kind"
            label={t('indicators:import.kind')}
            options={IMPORT_KINDS.map((value) => ({ value, label: t(`indicators:import.kinds.${value}`) }))}
            value={kind}
            description={t(`indicators:import.kindHelp.${kind}`, { defaultValue: '' }) || undefined}
            onChange={(event) => setKind(event.target.value)}
          />
          <TextField id="import-year" label={t('indicators:common.year')} optionalText={t('indicators:common.optional')} description={t('indicators:import.yearDescription')} inputMode="numeric" className="wr-field--short" value={year} error={fieldErrors.find((error) => error.fieldId === 'import-year')?.message} onChange={(event) => setYear(event.target.value)} />
        </div>
        <TextField
          id="import-file"
          ref={fileInput}
          type="file"
          label={t('indicators:import.file')}
          description={t('indicators:import.fileDescription')}
          accept=".csv,.txt,.json,.geojson"
          error={fileError}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            upload.reset();
          }}
        />
        <div className="wr-form-actions">
          <Button type="submit" appearance="primary" busy={upload.isPending}>
            {upload.isPending ? t('indicators:import.uploading') : t('indicators:import.submit')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {result ? (
          <Alert type="ok" heading={result.status === 'applied' ? t('indicators:import.applied') : t('indicators:import.alreadyApplied')}>
            <p className="utrecht-paragraph" data-testid="import-report">
              {t('indicators:import.report', { rows: result.rows, id: result.id })}
            </p>
            {resultNotes.map((note) => (
              <p className="utrecht-paragraph" key={note}>
                {note}
              </p>
            ))}
          </Alert>
        ) : null}
      </div>
      {problem ? <BadRows problem={problem} /> : null}
      <Section title={t('indicators:import.historyHeading')} id="import-history">
        <QueryState isPending={imports.isPending} error={imports.error} onRetry={() => void imports.refetch()} />
        {imports.data ? <Table caption={t('indicators:import.historyHeading')} captionHidden columns={columns} rows={imports.data} rowKey={(item) => item.id} empty={t('indicators:import.noImports')} compact /> : null}
      </Section>
    </Page>
  );
}
