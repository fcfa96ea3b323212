import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api-client';
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
  const { t } = useTranslation();
  if (!error && fields.length === 0) return null;
  const heading = error ? problemMessage(error, t) : t('common:common.fixErrors');
  const showServerFieldsOnly = error instanceof ApiProblem && fields.length === 0 ? error.errors : [];
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
      {showServerFieldsOnly.length > 0 ? (
        <ul className="utrecht-unordered-list wr-error-summary__list">
          {showServerFieldsOnly.map((item) => (
            <li key={item.path} className="utrecht-unordered-list__item">
              {item.path.replace(/^body\./, '')}: {item.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
