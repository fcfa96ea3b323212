import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../../platform/web/api-client';
import type { FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { fieldErrorMessage } from '../../../../platform/web/i18n/field-error-message';
import type { Template } from '../../contract';

/**
 * The server's field errors of a letter, each to its control: the letter nests its fields
 * (`body.fields.aan`, `body.sections.vervolg`, `body.signers.1`), so the common "first part of the path"
 * rule would give them all to one name. Words from the one mapping; an error of no control shown is left
 * to the summary's heading.
 */
export function letterServerLinks(error: unknown, template: Template, roles: readonly string[], t: TFunction, locale: string): FieldErrorLink[] {
  if (!(error instanceof ApiProblem)) return [];
  const links: FieldErrorLink[] = [];
  for (const problem of error.errors) {
    const [part, key] = problem.path.split('.').filter((p) => p !== 'body');
    const field = locate(part, key, template, roles, t);
    if (field && !links.some((link) => link.fieldId === field.id)) links.push({ fieldId: field.id, label: field.label, message: fieldErrorMessage(problem, t, locale) });
  }
  return links;
}

function locate(part: string | undefined, key: string | undefined, template: Template, roles: readonly string[], t: TFunction): { id: string; label: string } | null {
  if (part === 'snapshotId') return { id: 'letter-snapshot', label: t('reports:letter.figuresFrom') };
  if (part === 'fields' && key) {
    const field = template.content.fields.find((f) => f.key === key);
    return field ? { id: `letter-field-${key}`, label: field.label } : null;
  }
  if (part === 'sections' && key) {
    const section = template.content.sections.find((s) => s.key === key);
    return section ? { id: `letter-section-${key}`, label: section.title } : null;
  }
  if (part === 'signers' && key !== undefined) {
    const role = roles[Number(key)];
    return role !== undefined ? { id: `letter-signer-${key}`, label: t('reports:letter.signerName', { role }) } : null;
  }
  return null;
}
