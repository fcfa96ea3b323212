import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import type { MkbaDetail } from '../../contract';
import { useMkbaChange } from '../mkba-api';
import { MkbaError } from './MkbaError';

/** The years the MKBA's lines run over (linked benefits follow the period, so they do not bind it); null without lines. */
function lineYears(mkba: MkbaDetail): { from: number; to: number } | null {
  const years = mkba.alternatives.flatMap((a) => a.lines.map((l) => l.year));
  return years.length ? { from: Math.min(...years), to: Math.max(...years) } : null;
}

/**
 * "Uitgangspunten wijzigen": the package's name, the nulalternatief, the base year and the horizon, opened in
 * place with the focus on its heading. The page checks what it can (a year, 1–100 years, nothing empty); the
 * server refuses a period that leaves lines outside it, and the page says so in words and which years the lines
 * take. Saving or Annuleren/Escape closes it with the focus back on the button.
 */
export function SettingsForm({ mkba }: { mkba: MkbaDetail }) {
  const { t } = useTranslation();
  const change = useMkbaChange(mkba.id);
  const [open, setOpen] = useState(false);
  const initial = { name: mkba.name, nullAlternative: mkba.nullAlternative, baseYear: String(mkba.baseYear), horizonYears: String(mkba.horizonYears) };
  const [form, setForm] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const [saved, setSaved] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) heading.current?.focus();
    else if (wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const years = lineYears(mkba);
  const close = () => {
    change.reset();
    setFieldErrors([]);
    setOpen(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrorLink[] = [];
    const need = (ok: boolean, fieldId: string, label: string, message: string) => (ok ? null : errors.push({ fieldId, label, message }));
    const baseYear = Number(form.baseYear.trim());
    const horizonYears = Number(form.horizonYears.trim());
    need(form.name.trim() !== '', 'settings-name', t('learning:create.name'), t('learning:form.required'));
    need(form.nullAlternative.trim() !== '', 'settings-null', t('learning:create.nullAlternative'), t('learning:form.required'));
    need(/^\d{4}$/.test(form.baseYear.trim()) && baseYear >= 2000 && baseYear <= 2100, 'settings-base-year', t('learning:create.baseYear'), t('learning:form.baseYear'));
    need(/^\d{1,3}$/.test(form.horizonYears.trim()) && horizonYears >= 1 && horizonYears <= 100, 'settings-horizon', t('learning:create.horizon'), t('learning:form.horizon'));
    setFieldErrors(errors);
    if (errors.length > 0) return;
    const body = { name: form.name.trim(), nullAlternative: form.nullAlternative.trim(), baseYear, horizonYears };
    change.mutate(
      { method: 'PATCH', path: `/api/v1/mkbas/${mkba.id}`, body },
      {
        onSuccess: () => {
          setSaved(true);
          setOpen(false);
        },
      },
    );
  };
  const error = (id: string) => fieldErrors.find((f) => f.fieldId === id)?.message;

  if (!open) {
    return (
      <div className="wr-mkba-settings">
        {saved ? (
          <p className="utrecht-paragraph" role="status">
            {t('learning:settings.saved')}
          </p>
        ) : null}
        <Button
          ref={button}
          onClick={() => {
            setForm(initial);
            setSaved(false);
            setOpen(true);
          }}
        >
          {t('learning:settings.open')}
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="wr-form wr-mkba-line-form wr-mkba-settings" aria-labelledby="settings-heading" onKeyDown={(event) => event.key === 'Escape' && close()}>
      <Heading level={3} id="settings-heading" ref={heading} tabIndex={-1}>
        {t('learning:settings.heading')}
      </Heading>
      {change.error ? <MkbaError error={change.error} /> : <ErrorSummary fields={fieldErrors} />}
      <TextField id="settings-name" label={t('learning:create.name')} value={form.name} onChange={set('name')} error={error('settings-name')} />
      <TextAreaField id="settings-null" label={t('learning:create.nullAlternative')} description={t('learning:create.nullAlternativeHint')} value={form.nullAlternative} onChange={set('nullAlternative')} error={error('settings-null')} rows={3} />
      <div className="wr-mkba-row">
        <TextField id="settings-base-year" label={t('learning:create.baseYear')} description={t('learning:create.baseYearHint')} inputMode="numeric" value={form.baseYear} onChange={set('baseYear')} error={error('settings-base-year')} />
        <TextField id="settings-horizon" label={t('learning:create.horizon')} description={t('learning:create.horizonHint')} inputMode="numeric" value={form.horizonYears} onChange={set('horizonYears')} error={error('settings-horizon')} />
      </div>
      <p className="utrecht-paragraph">{years ? t('learning:settings.linesRun', { from: years.from, to: years.to }) : t('learning:settings.noLines')}</p>
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={change.isPending}>
          {t('learning:settings.save')}
        </Button>
        <Button onClick={close}>{t('learning:rename.cancel')}</Button>
      </ButtonGroup>
    </form>
  );
}
