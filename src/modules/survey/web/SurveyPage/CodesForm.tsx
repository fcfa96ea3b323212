import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { CheckboxGroup, TextField } from '../../../../platform/web/components/FormField';
import { formatNumber } from '../../../../platform/web/i18n/format';
import { MAX_CODES_PER_BATCH, type SurveyDetail } from '../../contract';
import { surveyProblem } from '../problem-text';
import { useMakeCodes } from '../survey-api';

/** Invitation codes for letters: per buurt a number of codes, as a CSV for mail merge or a PDF of letters. */
export function CodesForm({ survey }: { survey: SurveyDetail }) {
  const { t, i18n } = useTranslation();
  const make = useMakeCodes(survey.id);
  const [buurten, setBuurten] = useState<string[]>([]);
  const [perBuurt, setPerBuurt] = useState('100');
  const [format, setFormat] = useState<'csv' | 'pdf'>('pdf');
  const [errors, setErrors] = useState<{ buurten?: string; perBuurt?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const count = Number(perBuurt);
    const found: typeof errors = {};
    if (buurten.length === 0) found.buurten = t('survey:codes.buurtenRequired');
    if (!Number.isInteger(count) || count < 1 || count > 5000) found.perBuurt = t('survey:codes.perBuurtRange');
    else if (count * buurten.length > MAX_CODES_PER_BATCH) found.perBuurt = t('survey:codes.tooMany', { max: formatNumber(MAX_CODES_PER_BATCH, i18n.language) });
    setErrors(found);
    if (Object.keys(found).length) return;
    make.mutate({ buurtCodes: buurten, perBuurt: count, format });
  }

  return (
    <form className="wr-form" onSubmit={submit} noValidate>
      <p className="utrecht-paragraph">{t('survey:codes.explain')}</p>
      <CheckboxGroup
        id="codes-buurten"
        name="codes-buurten"
        legend={t('survey:codes.buurten')}
        options={survey.buurten.map((b) => ({ value: b.code, label: t('survey:codes.buurtOption', { buurt: b.name, wijk: b.wijkName, issued: formatNumber(b.codesIssued, i18n.language) }) }))}
        value={buurten}
        onChange={setBuurten}
        error={errors.buurten}
      />
      <Button appearance="subtle" type="button" onClick={() => setBuurten(survey.buurten.map((b) => b.code))}>
        {t('survey:codes.allBuurten')}
      </Button>
      <TextField id="codes-per-buurt" label={t('survey:codes.perBuurt')} inputMode="numeric" value={perBuurt} onChange={(e) => setPerBuurt(e.target.value)} error={errors.perBuurt} />
      <fieldset className="utrecht-form-fieldset wr-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t('survey:codes.format')}</legend>
        {(['pdf', 'csv'] as const).map((f) => (
          <div key={f} className="utrecht-form-field utrecht-form-field--radio">
            <input className="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`codes-format-${f}`} name="codes-format" checked={format === f} onChange={() => setFormat(f)} />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`codes-format-${f}`}>
              {t(`survey:codes.formatOption.${f}`)}
            </label>
          </div>
        ))}
      </fieldset>
      {make.isSuccess ? (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('survey:codes.made', { count: make.data.count, file: make.data.name })}</p>
        </Alert>
      ) : null}
      {make.error ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{surveyProblem(make.error, t)}</p>
        </Alert>
      ) : null}
      <Button appearance="primary" type="submit" busy={make.isPending}>
        {t('survey:codes.make')}
      </Button>
    </form>
  );
}
