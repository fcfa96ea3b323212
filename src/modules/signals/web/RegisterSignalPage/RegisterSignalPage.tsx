import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiProblem } from '../../../../platform/web/api-client';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { useCurrentUser, useMeta } from '../../../../platform/web/session';
import { wallClockToInstant } from '../../../../platform/shared/time';
import { CONFIDENTIALITY_LEVELS, type AddressPoint, type Category, type CreateSignal } from '../../contract';
import { Alert } from '../../../../platform/web/components/Alert';
import { AddressSearch } from '../components/AddressSearch';
import { PointPickerMap } from '../components/PointPickerMap';
import { categoryName, DEMO_MUNICIPALITY, regimeName, useBuurtFeatures, useTaxonomy } from '../signals-api';
import '../signals.css';
import { fieldErrorMessage, fieldMessages, serverFieldLinks } from '../../../../platform/web/i18n/field-error-message';

interface FormState {
  category: string;
  occurredAt: string;
  lon: string;
  lat: string;
  areaCode: string;
  address: string;
  description: string;
  confidentiality: string;
  legalRegime: string;
  purpose: string;
  retentionUntil: string;
  details: Record<string, string>;
  persons: string;
  groups: string;
}

const EMPTY: FormState = { category: '', occurredAt: '', lon: '', lat: '', areaCode: '', address: '', description: '', confidentiality: 'internal', legalRegime: '', purpose: '', retentionUntil: '', details: {}, persons: '', groups: '' };

function lines(text: string): { reference: string }[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((reference) => ({ reference }));
}

/** Builds the request body; the category decides which fields exist at all (data minimisation). */
export function toCreateSignal(form: FormState, category: Category | undefined): CreateSignal {
  const details: Record<string, string | number> = {};
  for (const field of category?.detailFields ?? []) {
    const value = form.details[field.name]?.trim();
    if (value) details[field.name] = field.type === 'integer' ? Number(value) : value;
  }
  const point = form.lon && form.lat ? { lon: Number(form.lon.replace(',', '.')), lat: Number(form.lat.replace(',', '.')) } : {};
  return {
    category: form.category,
    // The field holds a wall-clock time in the Netherlands, whatever the browser's own time zone.
    occurredAt: form.occurredAt ? (wallClockToInstant(form.occurredAt) ?? form.occurredAt) : '',
    location: { ...point, ...(form.areaCode && !form.lon ? { areaCode: form.areaCode } : {}), ...(form.address.trim() ? { address: form.address.trim() } : {}) },
    description: form.description,
    confidentiality: form.confidentiality as CreateSignal['confidentiality'],
    legalRegime: form.legalRegime,
    purpose: form.purpose,
    ...(form.retentionUntil ? { retentionUntil: form.retentionUntil } : {}),
    ...(Object.keys(details).length ? { details } : {}),
    ...(category?.allowsPersons && lines(form.persons).length ? { persons: lines(form.persons) } : {}),
    ...(category?.allowsGroups && lines(form.groups).length ? { groups: lines(form.groups) } : {}),
  };
}

/** "Signaal registreren": the form a partner professional fills in; the source is their own organisation. */
export default function RegisterSignalPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const meta = useMeta();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const features = useBuurtFeatures(DEMO_MUNICIPALITY);
  const [form, setForm] = useState<FormState>(EMPTY);
  // The address last chosen in the address search, to say where it put the signal (or why it did not).
  const [placed, setPlaced] = useState<AddressPoint | null>(null);
  const category = taxonomy.data?.categories.find((c) => c.code === form.category);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const create = useMutation({
    mutationFn: () => api.post<{ id: string }>('/api/v1/signals', toCreateSignal(form, category)),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['signals'] });
      void navigate(`/signalen/${created.id}`, { state: { created: true } });
    },
  });
  const fieldErrors = fieldMessages(create.error, t, i18n.language);
  const detailErrors = create.error instanceof ApiProblem ? Object.fromEntries(create.error.errors.filter((e) => e.path.replace(/^body\./, '').startsWith('details.')).map((e) => [e.path.replace(/^body\./, '').slice(8), fieldErrorMessage(e, t, i18n.language)])) : {};
  const summaryFields = serverFieldLinks(create.error, t, i18n.language, {
    category: { id: 'signal-category', label: t('signals:fields.category') },
    occurredAt: { id: 'signal-occurred', label: t('signals:fields.occurredAt') },
    description: { id: 'signal-description', label: t('signals:fields.description') },
    legalRegime: { id: 'signal-regime', label: t('signals:fields.legalRegime') },
    purpose: { id: 'signal-purpose', label: t('signals:fields.purpose') },
    confidentiality: { id: 'signal-confidentiality', label: t('signals:fields.confidentiality') },
    retentionUntil: { id: 'signal-retention', label: t('signals:fields.retentionUntil') },
    persons: { id: 'signal-persons', label: t('signals:register.persons') },
    groups: { id: 'signal-groups', label: t('signals:register.groups') },
    location: { id: 'signal-lon', label: t('signals:fields.lon') },
  });
  const point = form.lon && form.lat && Number.isFinite(Number(form.lon)) && Number.isFinite(Number(form.lat)) ? { lon: Number(form.lon), lat: Number(form.lat) } : null;
  const buurtOptions = useMemo(() => (features.data?.features ?? []).map((f) => ({ value: f.properties.code, label: f.properties.name })).sort((a, b) => a.label.localeCompare(b.label, 'nl')), [features.data]);
  const regimeOptions = (category?.allowedRegimes ?? taxonomy.data?.regimes.map((r) => r.code) ?? []).map((code) => ({ value: code, label: regimeName(taxonomy.data, code, i18n.language) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Page title={t('signals:register.title')} lead={t('signals:register.lead', { organisation: user.organisation.name })}>
      <QueryState isPending={taxonomy.isPending} error={taxonomy.error} />
      {taxonomy.data ? (
        <form onSubmit={submit} noValidate aria-describedby="register-lead">
          <ErrorSummary error={create.error} fields={summaryFields} />
          <div className="wr-signals-layout">
            <div>
              <Section title={t('signals:register.what')}>
                <SelectField
                  id="signal-category"
                  label={t('signals:fields.category')}
                  value={form.category}
                  placeholder={t('signals:register.chooseCategory')}
                  options={taxonomy.data.categories.map((c) => ({ value: c.code, label: categoryName(taxonomy.data, c.code, i18n.language) }))}
                  onChange={(e) => setForm((f) => ({ ...f, category: e.target.value, legalRegime: '', details: {}, persons: '', groups: '' }))}
                  error={fieldErrors.category}
                  description={category?.criminalLaw ? t('signals:register.criminalLaw') : undefined}
                />
                <TextField id="signal-occurred" label={t('signals:fields.occurredAt')} type="datetime-local" value={form.occurredAt} onChange={(e) => set('occurredAt', e.target.value)} error={fieldErrors.occurredAt} />
                <TextAreaField id="signal-description" label={t('signals:fields.description')} description={t('signals:register.descriptionHint')} rows={4} value={form.description} onChange={(e) => set('description', e.target.value)} error={fieldErrors.description} />
                {(category?.detailFields ?? []).map((field) =>
                  field.type === 'enum' ? (
                    <SelectField
                      key={field.name}
                      label={t(`signals:details.${field.name}`, { defaultValue: field.name })}
                      optionalText={t('signals:register.optional')}
                      value={form.details[field.name] ?? ''}
                      placeholder={t('signals:register.choose')}
                      options={(field.values ?? []).map((v) => ({ value: v, label: v }))}
                      onChange={(e) => set('details', { ...form.details, [field.name]: e.target.value })}
                      error={detailErrors[field.name]}
                    />
                  ) : (
                    <TextField
                      key={field.name}
                      label={t(`signals:details.${field.name}`, { defaultValue: field.name })}
                      optionalText={t('signals:register.optional')}
                      type={field.type === 'integer' ? 'number' : 'text'}
                      value={form.details[field.name] ?? ''}
                      onChange={(e) => set('details', { ...form.details, [field.name]: e.target.value })}
                      error={detailErrors[field.name]}
                    />
                  ),
                )}
              </Section>
              <Section title={t('signals:register.basis')}>
                <SelectField id="signal-regime" label={t('signals:fields.legalRegime')} value={form.legalRegime} placeholder={t('signals:register.choose')} options={regimeOptions} onChange={(e) => set('legalRegime', e.target.value)} error={fieldErrors.legalRegime} description={t('signals:register.regimeHint')} />
                <TextField id="signal-purpose" label={t('signals:fields.purpose')} value={form.purpose} onChange={(e) => set('purpose', e.target.value)} error={fieldErrors.purpose} description={t('signals:register.purposeHint')} />
                <SelectField
                  id="signal-confidentiality"
                  label={t('signals:fields.confidentiality')}
                  value={form.confidentiality}
                  options={CONFIDENTIALITY_LEVELS.map((level) => ({ value: level, label: t(`signals:confidentiality.${level}`) }))}
                  onChange={(e) => set('confidentiality', e.target.value)}
                  error={fieldErrors.confidentiality}
                  description={t('signals:register.confidentialityHint')}
                />
                <TextField
                  id="signal-retention"
                  label={t('signals:fields.retentionUntil')}
                  optionalText={t('signals:register.optional')}
                  type="date"
                  value={form.retentionUntil}
                  onChange={(e) => set('retentionUntil', e.target.value)}
                  error={fieldErrors.retentionUntil}
                  description={category ? t('signals:register.retentionHint', { months: category.defaultRetentionMonths }) : undefined}
                />
              </Section>
              {category && (category.allowsPersons || category.allowsGroups) ? (
                <Section title={t('signals:register.subjects')}>
                  <p className="utrecht-paragraph">{t('signals:register.subjectsHint')}</p>
                  {category.allowsPersons ? <TextAreaField id="signal-persons" label={t('signals:register.persons')} optionalText={t('signals:register.optional')} rows={2} value={form.persons} onChange={(e) => set('persons', e.target.value)} error={fieldErrors.persons} autoComplete="off" /> : null}
                  {category.allowsGroups ? <TextAreaField id="signal-groups" label={t('signals:register.groups')} optionalText={t('signals:register.optional')} rows={2} value={form.groups} onChange={(e) => set('groups', e.target.value)} error={fieldErrors.groups} autoComplete="off" /> : null}
                </Section>
              ) : category ? (
                <p className="utrecht-paragraph">{t('signals:register.noSubjects')}</p>
              ) : null}
            </div>
            <Section title={t('signals:register.where')}>
              <p className="utrecht-paragraph">{meta.data?.addressSearch ? t('signals:register.whereHintAddress') : t('signals:register.whereHint')}</p>
              {meta.data?.addressSearch ? (
                <AddressSearch
                  id="signal-address-search"
                  onPlace={(place) => {
                    setPlaced(place);
                    // Outside every buurt the signal cannot be placed there: keep the point as it was.
                    if (place.buurt) setForm((f) => ({ ...f, lon: String(place.lon), lat: String(place.lat), areaCode: '' }));
                  }}
                />
              ) : null}
              {placed ? (
                placed.buurt ? (
                  <Alert type="ok" live="status" className="wr-signals-placed">
                    {t('signals:address.placed', { address: placed.label, buurt: placed.buurt.name })}
                  </Alert>
                ) : (
                  <Alert type="warning" live="alert" className="wr-signals-placed">
                    {t('signals:address.outside', { address: placed.label })}
                  </Alert>
                )
              ) : null}
              <PointPickerMap
                boundaries={features.data as GeoJSON.FeatureCollection | undefined}
                point={point}
                centreOn={placed?.buurt ? placed : null}
                onPick={(p) => {
                  setPlaced(null);
                  setForm((f) => ({ ...f, lon: String(p.lon), lat: String(p.lat), areaCode: '' }));
                }}
                tiles={meta.data?.mapTiles ?? null}
                attribution={t('signals:register.mapAttribution')}
                label={t('signals:register.mapLabel')}
              />
              <div className="wr-signals-coordinates">
                <TextField id="signal-lon" label={t('signals:fields.lon')} inputMode="decimal" value={form.lon} onChange={(e) => {
                    setPlaced(null);
                    set('lon', e.target.value);
                  }} error={fieldErrors.location} />
                <TextField id="signal-lat" label={t('signals:fields.lat')} inputMode="decimal" value={form.lat} onChange={(e) => {
                    setPlaced(null);
                    set('lat', e.target.value);
                  }} />
              </div>
              <SelectField label={t('signals:register.orBuurt')} value={form.areaCode} placeholder={t('signals:register.choose')} options={buurtOptions} onChange={(e) => {
                  setPlaced(null);
                  setForm((f) => ({ ...f, areaCode: e.target.value, lon: '', lat: '' }));
                }} />
              <TextField id="signal-address" label={t('signals:fields.address')} optionalText={t('signals:register.optional')} value={form.address} onChange={(e) => set('address', e.target.value)} description={t('signals:register.addressHint')} autoComplete="off" />
            </Section>
          </div>
          <div className="wr-signals-actions">
            <Button appearance="primary" type="submit" busy={create.isPending}>
              {t('signals:register.submit')}
            </Button>
            <Button onClick={() => void navigate('/signalen')}>{t('signals:register.cancel')}</Button>
          </div>
        </form>
      ) : null}
    </Page>
  );
}
