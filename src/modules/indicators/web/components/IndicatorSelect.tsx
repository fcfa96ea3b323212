import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../contract';
import { groupByTheme } from '../format';
import { yearRuns, type Availability } from './indicator-availability';
import { indicatorLabels } from './indicator-labels';

interface IndicatorSelectProps {
  id?: string;
  label: string;
  description?: string;
  indicators: readonly Indicator[];
  value: string;
  onChange: (code: string) => void;
  placeholder?: string;
  /** A message at the field (tied by aria-describedby), as FieldFrame shows one. */
  error?: string | undefined;
  /**
   * Which indicators have figures in which year at the chosen place and level, and the chosen year: then
   * only the indicators with figures that year are offered, those with figures in other years are listed
   * greyed out with their years, and those without any are left out.
   */
  availability?: { years: Availability; year: number | null };
}

/** A select of indicators grouped by theme (optgroup), styled and labelled like the other form fields. */
export function IndicatorSelect({ id, label, description, indicators, value, onChange, placeholder, availability, error }: IndicatorSelectProps) {
  const { t, i18n } = useTranslation();
  const generated = useId();
  const fieldId = id ?? generated;
  const year = availability?.year ?? null;
  const yearsOf = (code: string) => availability?.years.get(code) ?? [];
  const offered = availability ? indicators.filter((indicator) => year !== null && yearsOf(indicator.code).includes(year)) : indicators;
  const elsewhere = availability ? groupByTheme(indicators.filter((indicator) => yearsOf(indicator.code).length > 0 && !offered.includes(indicator)), i18n.language).flatMap((group) => group.items) : [];
  const groups = groupByTheme(offered, i18n.language);
  const labels = indicatorLabels(indicators);
  const labelOf = (indicator: Indicator) => labels.get(indicator.code) ?? indicator.name;
  return (
    <div className={`utrecht-form-field utrecht-form-field--distanced wr-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={fieldId}>
          {label}
        </label>
      </div>
      {description ? (
        <div id={`${fieldId}-description`} className="utrecht-form-field-description utrecht-form-field__description">
          {description}
        </div>
      ) : null}
      {error ? (
        <div id={`${fieldId}-error`} className="utrecht-form-field-error-message utrecht-form-field__error-message wr-field-error">
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <select
          id={fieldId}
          className={`utrecht-select utrecht-select--html-select wr-indicator-select${error ? ' utrecht-select--invalid' : ''}`}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={[description ? `${fieldId}-description` : null, error ? `${fieldId}-error` : null, availability ? `${fieldId}-availability` : null].filter(Boolean).join(' ') || undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {groups.map((group) => (
            <optgroup key={group.theme} label={group.theme}>
              {group.items.map((indicator) => (
                <option key={indicator.code} value={indicator.code}>
                  {labelOf(indicator)}
                </option>
              ))}
            </optgroup>
          ))}
          {elsewhere.length ? (
            <optgroup label={t('indicators:picker.otherYears', { year: year ?? '' })}>
              {elsewhere.map((indicator) => (
                <option key={indicator.code} value={indicator.code} disabled>
                  {t('indicators:picker.withYears', { name: labelOf(indicator), years: yearRuns(yearsOf(indicator.code)) })}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      {availability ? (
        <div id={`${fieldId}-availability`} className="utrecht-form-field-description utrecht-form-field__description wr-indicator-count wr-muted">
          {t('indicators:picker.count', { count: offered.length, year: year ?? '' })}
        </div>
      ) : null}
    </div>
  );
}
