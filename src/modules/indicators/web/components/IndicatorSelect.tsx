import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../contract';
import { groupByTheme } from '../format';

interface IndicatorSelectProps {
  id?: string;
  label: string;
  description?: string;
  indicators: readonly Indicator[];
  value: string;
  onChange: (code: string) => void;
  placeholder?: string;
}

/** A select of indicators grouped by theme (optgroup), styled and labelled like the other form fields. */
export function IndicatorSelect({ id, label, description, indicators, value, onChange, placeholder }: IndicatorSelectProps) {
  const { i18n } = useTranslation();
  const generated = useId();
  const fieldId = id ?? generated;
  const groups = groupByTheme(indicators, i18n.language);
  return (
    <div className="utrecht-form-field utrecht-form-field--distanced wr-form-field">
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
      <div className="utrecht-form-field__input">
        <select
          id={fieldId}
          className="utrecht-select utrecht-select--html-select"
          value={value}
          aria-describedby={description ? `${fieldId}-description` : undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {groups.map((group) => (
            <optgroup key={group.theme} label={group.theme}>
              {group.items.map((indicator) => (
                <option key={indicator.code} value={indicator.code}>
                  {indicator.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}
