import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, toQueryString } from '../../../../platform/web/api-client';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { AreaDetail, AreaList, AreaSummary, CreateFocusArea, Geometry } from '../../contract';
import { parsePolygonFile } from '../focus-area-upload';
import '../areas.css';

const MUNICIPALITIES = ['GM0505', 'GM0308'] as const;

function useAreas(municipality: string, level: string, year: number | null, enabled = true) {
  return useQuery({
    queryKey: ['areas', 'list', { municipality, level, year }],
    queryFn: () => api.get<AreaList>(`/api/v1/areas${toQueryString({ municipality, level, year })}`),
    enabled,
    staleTime: 60_000,
  });
}

function collate(locale: string) {
  const collator = new Intl.Collator(locale === 'en' ? 'en-GB' : 'nl-NL', { numeric: true });
  return (a: AreaSummary, b: AreaSummary) => collator.compare(a.code, b.code);
}

function Hierarchy({ wijken, buurten }: { wijken: AreaSummary[]; buurten: AreaSummary[] }) {
  const { t } = useTranslation();
  const byWijk = new Map<string, AreaSummary[]>();
  for (const buurt of buurten) {
    const list = byWijk.get(buurt.parentCode ?? '') ?? [];
    list.push(buurt);
    byWijk.set(buurt.parentCode ?? '', list);
  }
  return (
    <ul className="wr-area-tree">
      {wijken.map((wijk) => {
        const children = byWijk.get(wijk.code) ?? [];
        return (
          <li key={wijk.code} className="wr-area-tree__wijk">
            <details>
              <summary>
                <span className="wr-area-tree__name">{wijk.name}</span> <code className="wr-code">{wijk.code}</code>
                <span className="wr-muted"> · {t('areas:list.buurtCount', { count: children.length })}</span>
              </summary>
              <p className="wr-area-tree__profile">
                <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${wijk.code}`}>
                  {t('areas:list.profileOf', { name: wijk.name })}
                </Link>
              </p>
              <ul className="wr-area-tree__buurten">
                {children.map((buurt) => (
                  <li key={buurt.code}>
                    <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${buurt.code}`}>
                      {buurt.name}
                    </Link>{' '}
                    <code className="wr-code wr-muted">{buurt.code}</code>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        );
      })}
    </ul>
  );
}

function NewFocusArea({ municipality, year, wijken, buurten }: { municipality: string; year: number | null; wijken: AreaSummary[]; buurten: AreaSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [mode, setMode] = useState<'members' | 'polygon'>('members');
  const [members, setMembers] = useState<string[]>([]);
  const [polygon, setPolygon] = useState<{ geometry: Geometry; parts: number } | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const create = useMutation({
    mutationFn: (body: CreateFocusArea) => api.post<AreaDetail>('/api/v1/focus-areas', body),
    onSuccess: async (area) => {
      await queryClient.invalidateQueries({ queryKey: ['areas'] });
      void navigate(`/gebieden/${area.code}`);
    },
  });

  async function readFile(file: File | undefined) {
    setPolygon(null);
    setFileError(undefined);
    if (!file) return;
    const parsed = parsePolygonFile(await file.text());
    if (parsed.ok) setPolygon({ geometry: parsed.geometry, parts: parsed.parts });
    else setFileError(t(`areas:focus.fileProblems.${parsed.reason}`));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!name.trim()) found.push({ fieldId: 'focus-name', label: t('areas:focus.name'), message: t('areas:focus.nameRequired') });
    if (mode === 'members' && members.length === 0) found.push({ fieldId: 'focus-members', label: t('areas:focus.members'), message: t('areas:focus.membersRequired') });
    if (mode === 'polygon' && !polygon) found.push({ fieldId: 'focus-file', label: t('areas:focus.file'), message: fileError ?? t('areas:focus.fileRequired') });
    setErrors(found);
    if (found.length > 0) return;
    const body: CreateFocusArea = { name: name.trim(), municipality, description, ...(year !== null ? { year } : {}) };
    if (mode === 'members') body.members = members;
    else if (polygon) body.polygon = polygon.geometry;
    create.mutate(body);
  }

  const errorFor = (id: string) => errors.find((error) => error.fieldId === id)?.message;
  const options = [
    ...wijken.map((wijk) => ({ value: wijk.code, label: `${t('areas:focus.wholeWijk', { name: wijk.name })} (${wijk.code})` })),
    ...buurten.map((buurt) => ({ value: buurt.code, label: `${buurt.name} (${buurt.code})` })),
  ];

  return (
    <form className="utrecht-form wr-card" noValidate onSubmit={submit} aria-labelledby="focus-new-heading">
      <h3 className="utrecht-heading-3 wr-card__heading" id="focus-new-heading">
        {t('areas:focus.newHeading')}
      </h3>
      <ErrorSummary fields={errors} error={create.error ?? undefined} />
      <TextField id="focus-name" label={t('areas:focus.name')} value={name} error={errorFor('focus-name')} autoComplete="off" onChange={(event) => setName(event.target.value)} />
      <TextAreaField id="focus-description" label={t('areas:focus.description')} optionalText={t('areas:focus.optional')} rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
      <SelectField
        id="focus-mode"
        label={t('areas:focus.mode')}
        options={[
          { value: 'members', label: t('areas:focus.modes.members') },
          { value: 'polygon', label: t('areas:focus.modes.polygon') },
        ]}
        value={mode}
        onChange={(event) => setMode(event.target.value === 'polygon' ? 'polygon' : 'members')}
      />
      {mode === 'members' ? (
        <div className="wr-focus-members">
          <CheckboxGroup id="focus-members" name="members" legend={t('areas:focus.members')} description={t('areas:focus.membersDescription')} error={errorFor('focus-members')} options={options} value={members} onChange={setMembers} />
        </div>
      ) : (
        <TextField
          id="focus-file"
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          label={t('areas:focus.file')}
          description={polygon ? t('areas:focus.fileRead', { count: polygon.parts }) : t('areas:focus.fileDescription')}
          error={errorFor('focus-file') ?? fileError}
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
      )}
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={create.isPending}>
          {t('areas:focus.create')}
        </Button>
      </div>
    </form>
  );
}

/** "Gebieden": gemeente > wijk > buurt with CBS codes, and the focus areas made of them. */
export default function AreasPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [municipality, setMunicipality] = useState<string>('GM0505');
  const [showForm, setShowForm] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const place = useQuery({
    queryKey: ['areas', 'detail', municipality, false, null],
    queryFn: () => api.get<AreaDetail>(`/api/v1/areas/${encodeURIComponent(municipality)}`),
    staleTime: 5 * 60_000,
  });
  const year = place.data ? (place.data.years.length ? Math.max(...place.data.years) : null) : null;
  const wijken = useAreas(municipality, 'wijk', year, Boolean(place.data));
  const buurten = useAreas(municipality, 'buurt', year, Boolean(place.data));
  const focus = useAreas(municipality, 'focus', null);
  const canManage = hasPermission(user, 'focus_areas.manage');
  const remove = useMutation({
    mutationFn: (code: string) => api.delete(`/api/v1/focus-areas/${encodeURIComponent(code)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['areas'] }),
  });
  const order = collate(i18n.language);
  const sortedWijken = useMemo(() => [...(wijken.data?.items ?? [])].sort(order), [wijken.data, order]);
  const sortedBuurten = useMemo(() => [...(buurten.data?.items ?? [])].sort(order), [buurten.data, order]);

  const focusColumns: Column<AreaSummary>[] = [
    { key: 'name', header: t('areas:focus.name'), rowHeader: true, render: (area) => <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${area.code}`}>{area.name}</Link> },
    { key: 'code', header: t('areas:list.code'), render: (area) => <code className="wr-code">{area.code}</code> },
    ...(canManage
      ? [
          {
            key: 'actions',
            header: <span className="wr-visually-hidden">{t('areas:focus.actions')}</span>,
            render: (area: AreaSummary) =>
              confirmDelete === area.code ? (
                <span className="wr-inline-confirm">
                  <Button danger appearance="secondary" busy={remove.isPending} onClick={() => remove.mutate(area.code, { onSettled: () => setConfirmDelete(null) })}>
                    {t('areas:focus.confirmDelete', { name: area.name })}
                  </Button>
                  <Button appearance="subtle" onClick={() => setConfirmDelete(null)}>
                    {t('areas:focus.cancel')}
                  </Button>
                </span>
              ) : (
                <Button appearance="subtle" onClick={() => setConfirmDelete(area.code)} aria-label={t('areas:focus.deleteNamed', { name: area.name })}>
                  {t('areas:focus.delete')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Page title={t('areas:list.title')} lead={t('areas:list.lead')}>
      <div className="wr-toolbar wr-areas-toolbar">
        <SelectField
          id="areas-municipality"
          label={t('areas:list.municipality')}
          options={MUNICIPALITIES.map((code) => ({ value: code, label: t(`areas:places.${code}`) }))}
          value={municipality}
          onChange={(event) => {
            setMunicipality(event.target.value);
            setShowForm(false);
          }}
        />
        {place.data ? (
          <p className="utrecht-paragraph wr-muted">
            <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${municipality}`}>
              {t('areas:list.profileOf', { name: place.data.name })}
            </Link>{' '}
            · {t('areas:list.boundaries', { year: year ?? '–' })}
          </p>
        ) : null}
      </div>
      <div className="wr-areas-layout">
        <Section title={t('areas:list.hierarchyHeading')} id="areas-hierarchy">
          <QueryState isPending={place.isPending || wijken.isPending || buurten.isPending} error={place.error ?? wijken.error ?? buurten.error} />
          {wijken.data && buurten.data ? (
            <>
              <p className="utrecht-paragraph wr-muted">{t('areas:list.counts', { wijken: sortedWijken.length, buurten: sortedBuurten.length })}</p>
              <Hierarchy wijken={sortedWijken} buurten={sortedBuurten} />
            </>
          ) : null}
        </Section>
        <Section title={t('areas:focus.heading')} id="areas-focus">
          <p className="utrecht-paragraph">{t('areas:focus.lead')}</p>
          <QueryState isPending={focus.isPending} error={focus.error ?? remove.error} />
          {focus.data ? <Table caption={t('areas:focus.heading')} captionHidden columns={focusColumns} rows={focus.data.items} rowKey={(area) => area.code} empty={t('areas:focus.none')} /> : null}
          {canManage && !showForm ? (
            <div className="wr-form-actions">
              <Button appearance="primary" onClick={() => setShowForm(true)}>
                {t('areas:focus.new')}
              </Button>
            </div>
          ) : null}
          {canManage && showForm && wijken.data && buurten.data ? <NewFocusArea municipality={municipality} year={year} wijken={sortedWijken} buurten={sortedBuurten} /> : null}
        </Section>
      </div>
    </Page>
  );
}
