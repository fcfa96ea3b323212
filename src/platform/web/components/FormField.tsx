import { useId, type ComponentPropsWithRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { classNames } from './class-names';

/**
 * Form fields in the NL Design System pattern: label, description and error message tied to the control
 * through aria-describedby, aria-invalid on the control. The form's ErrorSummary announces the errors.
 */

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  description?: ReactNode | undefined;
  error?: string | undefined;
  optionalText?: string | undefined;
  children: ReactNode;
  className?: string | undefined;
}

function describedBy(id: string, description: ReactNode | undefined, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, description and error around any control; exported for controls of a module's own (a search-and-pick list). */
export function FieldFrame({ id, label, description, error, optionalText, children, className }: FieldFrameProps) {
  return (
    <div className={classNames('utrecht-form-field', 'utrecht-form-field--distanced', error && 'utrecht-form-field--invalid', 'wr-form-field', className)}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {optionalText ? <span className="wr-optional"> {optionalText}</span> : null}
        </label>
      </div>
      {description ? (
        <div id={`${id}-description`} className="utrecht-form-field-description utrecht-form-field__description">
          {description}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="utrecht-form-field-error-message utrecht-form-field__error-message wr-field-error">
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

interface CommonFieldProps {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** Shown after the label, e.g. "(niet verplicht)". */
  optionalText?: string;
  /** Use a stable id when an ErrorSummary links to the field. */
  id?: string;
  className?: string;
}

type TextFieldProps = CommonFieldProps & Omit<ComponentPropsWithRef<'input'>, 'id' | 'className'>;

export function TextField({ label, description, error, optionalText, id, className, type = 'text', ...input }: TextFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} description={description} error={error} optionalText={optionalText} className={className}>
      <input
        id={fieldId}
        type={type}
        className={classNames('utrecht-textbox', 'utrecht-textbox--html-input', error && 'utrecht-textbox--invalid', type === 'password' && 'utrecht-textbox--password')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, description, error)}
        {...input}
      />
    </FieldFrame>
  );
}

type TextAreaFieldProps = CommonFieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

export function TextAreaField({ label, description, error, optionalText, id, className, ...textarea }: TextAreaFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} description={description} error={error} optionalText={optionalText} className={className}>
      <textarea
        id={fieldId}
        className={classNames('utrecht-textarea', 'utrecht-textarea--html-textarea', error && 'utrecht-textarea--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, description, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectFieldProps = CommonFieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & { options: readonly SelectOption[]; placeholder?: string };

export function SelectField({ label, description, error, optionalText, id, className, options, placeholder, ...select }: SelectFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} description={description} error={error} optionalText={optionalText} className={className}>
      <select
        id={fieldId}
        className={classNames('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, description, error)}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type CheckboxFieldProps = Omit<CommonFieldProps, 'optionalText'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'>;

export function CheckboxField({ label, description, error, id, className, ...input }: CheckboxFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className={classNames('utrecht-form-field', error && 'utrecht-form-field--invalid', 'wr-checkbox-field', className)}>
      <label className="utrecht-form-label utrecht-form-label--checkbox wr-checkbox-field__label" htmlFor={fieldId}>
        <input
          id={fieldId}
          type="checkbox"
          className={classNames('utrecht-checkbox', 'utrecht-checkbox--html-input', 'wr-checkbox', error && 'utrecht-checkbox--invalid')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId, description, error)}
          {...input}
        />
        <span>{label}</span>
      </label>
      {description ? (
        <div id={`${fieldId}-description`} className="utrecht-form-field-description wr-checkbox-field__description">
          {description}
        </div>
      ) : null}
      {error ? (
        <div id={`${fieldId}-error`} className="utrecht-form-field-error-message wr-field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

interface CheckboxGroupProps {
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  options: readonly SelectOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** The first checkbox gets this id, so an ErrorSummary link lands on the group. */
  id?: string;
  name: string;
}

/** A set of checkboxes in a fieldset, for picking several values (roles). */
export function CheckboxGroup({ legend, description, error, options, value, onChange, id, name }: CheckboxGroupProps) {
  const generated = useId();
  const groupId = id ?? generated;
  const describedByIds = describedBy(groupId, description, error);
  return (
    <div className={classNames('utrecht-form-fieldset', 'utrecht-form-fieldset--distanced', error && 'utrecht-form-fieldset--invalid', 'wr-fieldset')}>
      <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={describedByIds} aria-invalid={error ? true : undefined}>
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
        {description ? (
          <div id={`${groupId}-description`} className="utrecht-form-field-description">
            {description}
          </div>
        ) : null}
        {error ? (
          <div id={`${groupId}-error`} className="utrecht-form-field-error-message wr-field-error">
            {error}
          </div>
        ) : null}
        <div className="wr-checkbox-list">
          {options.map((option, index) => {
            const checked = value.includes(option.value);
            return (
              <CheckboxField
                key={option.value}
                id={index === 0 ? groupId : `${groupId}-${option.value}`}
                name={name}
                value={option.value}
                label={option.label}
                checked={checked}
                onChange={() => onChange(checked ? value.filter((item) => item !== option.value) : [...value, option.value])}
              />
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
