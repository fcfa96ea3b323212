import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api-client';
import { fieldErrorMessage } from '../i18n/field-error-message';
import { problemMessage } from '../i18n/problem-message';
import { Alert } from './Alert';

export interface FieldErrorLink {
  /** The id of the control, so the link moves focus there. */
  fieldId: string;
  label: string;
  message: string;
}

interface ErrorSummaryProps {
  /** A failed request; its message heads the summary. */
  error?: unknown;
  /** Field errors found in the browser or returned by the server. */
  fields?: readonly FieldErrorLink[];
  id?: string;
}

/**
 * The one announcement per failed submit (role="alert"), with links to the fields that need attention;
 * the fields themselves carry their message through aria-describedby.
 */
export function ErrorSummary({ error, fields = [], id }: ErrorSummaryProps) {
  const { t, i18n } = useTranslation();
  if (!error && fields.length === 0) return null;
  const heading = error ? problemMessage(error, t) : t('common:common.fixErrors');
  // A form that links no fields still says what was wrong, in words; the same words once only.
  const serverMessages = error instanceof ApiProblem && fields.length === 0 ? [...new Set(error.errors.map((item) => fieldErrorMessage(item, t, i18n.language)))] : [];
  return (
    <Alert type="error" live="alert" heading={heading} id={id} className="wr-error-summary">
      {fields.length > 0 ? (
        <ul className="utrecht-unordered-list wr-error-summary__list">
          {fields.map((field) => (
            <li key={field.fieldId} className="utrecht-unordered-list__item">
              <a className="utrecht-link utrecht-link--html-a" href={`#${field.fieldId}`}>
                {field.label}: {field.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {serverMessages.length > 0 ? (
        <ul className="utrecht-unordered-list wr-error-summary__list">
          {serverMessages.map((message) => (
            <li key={message} className="utrecht-unordered-list__item">
              {message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
