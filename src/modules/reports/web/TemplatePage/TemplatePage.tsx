import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import type { Template, TemplateContent } from '../../contract';
import { useSaveTemplate, useTemplate } from '../reports-api';
import '../reports.css';
import { fieldErrorMessage } from '../../../../platform/web/i18n/field-error-message';

const MAX_LOGO_BYTES = 200 * 1024;
const MIN_CONTRAST = 4.5;

/** WCAG contrast of a #rrggbb colour against white (the text of table header rows in that colour). */
function contrastWithWhite(hex: string): number | null {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return null;
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 1.05 / (0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2) + 0.05);
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Server field paths (body.content.…) to the ids of this form's fields. */
function fieldIdOf(path: string): string | null {
  const p = path.replace(/^body\./, '');
  if (p.startsWith('content.style.primaryColor')) return 'template-color';
  if (p.startsWith('content.style.fontFamily')) return 'template-font';
  if (p.startsWith('content.logo.alt')) return 'template-logo-alt';
  if (p.startsWith('content.logo')) return 'template-logo';
  if (p.startsWith('content.documentName')) return 'template-document-name';
  if (p.startsWith('content.municipalityName')) return 'template-municipality-name';
  const field = /^content\.fields\.(\d+)/.exec(p);
  if (field) return `template-field-${field[1]}`;
  const section = /^content\.sections\.(\d+)/.exec(p);
  if (section) return `template-section-${section[1]}`;
  if (p.startsWith('content.signature.closing')) return 'template-closing';
  const role = /^content\.signature\.roles\.(\d+)/.exec(p);
  if (role) return `template-role-${role[1]}`;
  return null;
}

function TemplateForm({ template, onSaved }: { template: Template; onSaved: (version: number) => void }) {
  const { t, i18n } = useTranslation();
  const save = useSaveTemplate(template.municipality, (next) => onSaved(next.version));
  const [content, setContent] = useState<TemplateContent>(template.content);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const contrast = contrastWithWhite(content.style.primaryColor);
  const ratioText = (ratio: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);

  async function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.type !== 'image/png') {
      setErrors([{ fieldId: 'template-logo', label: t('reports:template.logo'), message: t('reports:template.logoNotPng') }]);
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setErrors([{ fieldId: 'template-logo', label: t('reports:template.logo'), message: t('reports:template.logoTooLarge') }]);
      return;
    }
    setErrors([]);
    const dataBase64 = await readAsBase64(file);
    setContent({ ...content, logo: { mediaType: 'image/png', dataBase64, alt: content.logo?.alt ?? t('reports:template.logoAltDefault', { municipality: content.municipalityName }) } });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    const required = (id: string, label: string, value: string) => {
      if (!value.trim()) found.push({ fieldId: id, label, message: fieldErrorMessage({ code: 'required', params: {} }, t, i18n.language) });
    };
    required('template-document-name', t('reports:template.documentName'), content.documentName);
    required('template-municipality-name', t('reports:template.municipalityName'), content.municipalityName);
    content.fields.forEach((f, i) => required(`template-field-${i}`, t(`reports:fieldNames.${f.key}`), f.label));
    content.sections.forEach((s, i) => required(`template-section-${i}`, t(`reports:sectionNames.${s.key}`), s.title));
    required('template-closing', t('reports:template.closing'), content.signature.closing);
    if (contrast === null) found.push({ fieldId: 'template-color', label: t('reports:template.color'), message: t('reports:template.colorInvalid') });
    else if (contrast < MIN_CONTRAST) found.push({ fieldId: 'template-color', label: t('reports:template.color'), message: t('reports:template.colorContrast', { ratio: ratioText(contrast) }) });
    if (content.logo && !content.logo.alt.trim()) found.push({ fieldId: 'template-logo-alt', label: t('reports:template.logoAlt'), message: fieldErrorMessage({ code: 'required', params: {} }, t, i18n.language) });
    setErrors(found);
    if (found.length) return;
    const roles = content.signature.roles.map((r) => r.trim()).filter(Boolean);
    save.mutate({ municipality: template.municipality, baseVersion: template.version, content: { ...content, signature: { ...content.signature, roles: roles.length ? roles : content.signature.roles } } });
  }

  const serverFields: FieldErrorLink[] =
    save.error instanceof ApiProblem && save.error.status === 422
      ? save.error.errors.flatMap((e) => {
          const fieldId = fieldIdOf(e.path);
          return fieldId ? [{ fieldId, label: t('reports:template.fieldWithProblem'), message: fieldErrorMessage(e, t, i18n.language) }] : [];
        })
      : [];
  const shown = errors.length ? errors : serverFields;
  const errorFor = (id: string) => shown.find((e) => e.fieldId === id)?.message;
  const stale = save.error instanceof ApiProblem && save.error.code === 'report.template_stale';

  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      {stale ? (
        <Alert type="error" live="alert" heading={t('reports:template.staleHeading')}>
          <p className="utrecht-paragraph">{t('reports:template.staleText')}</p>
        </Alert>
      ) : (
        <ErrorSummary error={shown.length ? undefined : save.error} fields={shown} />
      )}
      <fieldset className="wr-fieldset wr-letter__fieldset">
        <legend className="utrecht-heading-3">{t('reports:template.documentHeading')}</legend>
        <div className="wr-form-grid">
          <TextField id="template-document-name" label={t('reports:template.documentName')} value={content.documentName} maxLength={200} error={errorFor('template-document-name')} onChange={(e) => setContent({ ...content, documentName: e.target.value })} />
          <TextField id="template-municipality-name" label={t('reports:template.municipalityName')} description={t('reports:template.municipalityNameDescription')} value={content.municipalityName} maxLength={200} error={errorFor('template-municipality-name')} onChange={(e) => setContent({ ...content, municipalityName: e.target.value })} />
        </div>
      </fieldset>
      <fieldset className="wr-fieldset wr-letter__fieldset">
        <legend className="utrecht-heading-3">{t('reports:template.fieldsHeading')}</legend>
        <p className="utrecht-paragraph wr-muted">{t('reports:template.fieldsExplained')}</p>
        <div className="wr-form-grid">
          {content.fields.map((f, i) => (
            <TextField
              key={f.key}
              id={`template-field-${i}`}
              label={t(`reports:fieldNames.${f.key}`)}
              value={f.label}
              maxLength={200}
              error={errorFor(`template-field-${i}`)}
              onChange={(e) => setContent({ ...content, fields: content.fields.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)) })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="wr-fieldset wr-letter__fieldset">
        <legend className="utrecht-heading-3">{t('reports:template.sectionsHeading')}</legend>
        <p className="utrecht-paragraph wr-muted">{t('reports:template.sectionsExplained')}</p>
        {content.sections.map((s, i) => (
          <TextField
            key={s.key}
            id={`template-section-${i}`}
            className="wr-field--wide"
            label={t(`reports:sectionNames.${s.key}`)}
            value={s.title}
            maxLength={300}
            error={errorFor(`template-section-${i}`)}
            onChange={(e) => setContent({ ...content, sections: content.sections.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)) })}
          />
        ))}
      </fieldset>
      <fieldset className="wr-fieldset wr-letter__fieldset">
        <legend className="utrecht-heading-3">{t('reports:template.signatureHeading')}</legend>
        <TextField id="template-closing" className="wr-field--wide" label={t('reports:template.closing')} value={content.signature.closing} maxLength={200} error={errorFor('template-closing')} onChange={(e) => setContent({ ...content, signature: { ...content.signature, closing: e.target.value } })} />
        <div className="wr-form-grid">
          {[0, 1, 2, 3].map((i) => (
            <TextField
              key={i}
              id={`template-role-${i}`}
              label={t('reports:template.role', { number: i + 1 })}
              optionalText={i > 0 ? t('common:common.optional') : undefined}
              value={content.signature.roles[i] ?? ''}
              maxLength={200}
              error={errorFor(`template-role-${i}`)}
              onChange={(e) => {
                const roles = [...content.signature.roles];
                while (roles.length <= i) roles.push('');
                roles[i] = e.target.value;
                setContent({ ...content, signature: { ...content.signature, roles } });
              }}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="wr-fieldset wr-letter__fieldset">
        <legend className="utrecht-heading-3">{t('reports:template.styleHeading')}</legend>
        <div className="wr-form-grid">
          <div>
            <TextField
              id="template-color"
              label={t('reports:template.color')}
              description={t('reports:template.colorDescription')}
              value={content.style.primaryColor}
              maxLength={7}
              error={errorFor('template-color')}
              onChange={(e) => setContent({ ...content, style: { ...content.style, primaryColor: e.target.value } })}
            />
            <div className="wr-template__swatch-row">
              <span className="wr-template__swatch" style={{ background: contrast !== null ? content.style.primaryColor : 'transparent' }} aria-hidden="true">
                Aa
              </span>
              <span className="wr-muted">{contrast !== null ? t('reports:template.contrast', { ratio: ratioText(contrast) }) : ''}</span>
            </div>
          </div>
          <TextField id="template-font" label={t('reports:template.font')} description={t('reports:template.fontDescription')} value={content.style.fontFamily} maxLength={60} error={errorFor('template-font')} onChange={(e) => setContent({ ...content, style: { ...content.style, fontFamily: e.target.value } })} />
        </div>
        <div className="utrecht-form-field utrecht-form-field--distanced wr-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="template-logo">
              {t('reports:template.logo')} <span className="wr-optional">{t('common:common.optional')}</span>
            </label>
          </div>
          <div id="template-logo-description" className="utrecht-form-field-description utrecht-form-field__description">
            {t('reports:template.logoDescription')}
          </div>
          {errorFor('template-logo') ? (
            <div id="template-logo-error" className="utrecht-form-field-error-message wr-field-error">
              {errorFor('template-logo')}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              id="template-logo"
              type="file"
              accept="image/png"
              className="wr-template__file"
              aria-describedby={errorFor('template-logo') ? 'template-logo-description template-logo-error' : 'template-logo-description'}
              aria-invalid={errorFor('template-logo') ? true : undefined}
              onChange={(e) => void chooseLogo(e)}
            />
          </div>
        </div>
        {content.logo ? (
          <div className="wr-template__logo">
            <img src={`data:image/png;base64,${content.logo.dataBase64}`} alt={content.logo.alt} className="wr-template__logo-image" />
            <TextField id="template-logo-alt" label={t('reports:template.logoAlt')} description={t('reports:template.logoAltDescription')} value={content.logo.alt} maxLength={200} error={errorFor('template-logo-alt')} onChange={(e) => setContent({ ...content, logo: content.logo ? { ...content.logo, alt: e.target.value } : null })} />
            <Button appearance="secondary" onClick={() => setContent({ ...content, logo: null })}>
              {t('reports:template.removeLogo')}
            </Button>
          </div>
        ) : null}
      </fieldset>
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {t('reports:template.save')}
        </Button>
      </div>
    </form>
  );
}

/** The municipality's council letter template: labels, section titles, signature, logo and house style, saved as versions. */
export default function TemplatePage() {
  const { t, i18n } = useTranslation();
  const { municipality } = useParams();
  const template = useTemplate(municipality);
  const data = template.data;
  const [saved, setSaved] = useState<number | null>(null);
  return (
    <Page title={data ? t('reports:template.title', { municipality: data.content.municipalityName }) : t('reports:template.titleLoading')} lead={t('reports:template.lead')}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to="/rapportages">
          {t('reports:template.back')}
        </Link>
      </p>
      <QueryState isPending={template.isPending} error={template.error} onRetry={() => void template.refetch()} />
      {data ? (
        <>
          <p className="utrecht-paragraph wr-status-line">
            {data.isDefault ? t('reports:template.isDefault') : t('reports:template.isVersion', { version: data.version, name: data.savedBy, at: formatDateTime(data.savedAt, i18n.language) })}
          </p>
          {saved !== null && saved === data.version ? (
            <Alert type="ok" heading={t('reports:template.savedHeading', { version: saved })}>
              <p className="utrecht-paragraph">{t('reports:template.savedText')}</p>
            </Alert>
          ) : null}
          <Section title={t('reports:template.formHeading')} id="template-form">
            <TemplateForm key={data.version} template={data} onSaved={setSaved} />
          </Section>
          {data.versions.length ? (
            <Section title={t('reports:template.versionsHeading')} id="template-versions">
              <ul className="utrecht-unordered-list">
                {data.versions.map((v) => (
                  <li key={v.version}>{t('reports:template.versionLine', { version: v.version, name: v.savedBy, at: formatDateTime(v.savedAt, i18n.language) })}</li>
                ))}
              </ul>
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
