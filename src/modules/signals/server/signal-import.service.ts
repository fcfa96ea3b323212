import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { fieldErrorsOfIssues, invalid, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import { CreateSignal } from '../contract.js';
import { columnOf, problemsError, readSignalCsv } from './signal-csv.js';
import { defaultRetentionUntil, isoDay, signalRuleErrors } from './signal-rules.js';
import type { SignalsContext } from './signals-context.js';
import { insertSignal, type SignalInsert } from './signals.queries.js';
import { loadTaxonomy, placeSignal } from './signals.service.js';
import { signalsDb } from './signals.tables.js';

const CONTRACT_FIELD_TO_COLUMN: Record<string, string> = {
  category: 'category',
  occurredAt: 'occurred_at',
  'location.lon': 'lon',
  'location.lat': 'lat',
  location: 'lon',
  'location.address': 'address',
  'location.areaCode': 'area_code',
  description: 'description',
  confidentiality: 'confidentiality',
  legalRegime: 'legal_regime',
  purpose: 'purpose',
  retentionUntil: 'retention_until',
};

function toNumber(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  // A decimal comma (4,66) is how Dutch spreadsheets write it.
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * Imports signals from CSV for the caller's organisation, all or nothing: every bad row is reported with
 * its line and column and nothing is stored. The same file twice (content hash per municipality) adds
 * nothing, and so does a row whose external_id this organisation already imported.
 */
export async function importSignalsCsv(
  db: Kysely<Database>,
  actor: Actor,
  input: { municipality: string; fileName: string; content: Buffer },
  ctx: SignalsContext,
): Promise<{ id: string; rows: number; skipped?: number; status: 'applied' | 'already_imported' }> {
  // The name is stored and audited: text PostgreSQL cannot hold is refused rather than failing the insert.
  if (input.fileName.includes('\u0000') || !input.fileName.isWellFormed()) {
    throw invalid('signal_import.invalid', 'The file name cannot be stored', [{ path: 'file', message: 'the file name contains a NUL character or invalid text' }]);
  }
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const sdb = signalsDb(db);
  const earlier = await sdb.selectFrom('signal_imports').select(['id', 'rows']).where('municipality_code', '=', input.municipality).where('content_sha256', '=', sha256).executeTakeFirst();
  if (earlier) return { id: earlier.id, rows: earlier.rows, status: 'already_imported' };
  const { header, rows } = await readSignalCsv(input.content);
  const taxonomy = await loadTaxonomy(sdb);
  const today = isoDay(ctx.now);
  const errors: FieldError[] = [];
  const inserts: Omit<SignalInsert, 'importId'>[] = [];
  const keys = new Set<string>();
  const at = (line: number, column: string) => `line ${line}, column ${columnOf(header, column) || '?'} (${column})`;
  for (const [index, { line, cells }] of rows.entries()) {
    // Rows that fail validation never wait for the database: give the event loop a turn now and then.
    if (index % 500 === 499) await nextTurn();
    const candidate = {
      category: cells.category ?? '',
      occurredAt: cells.occurred_at ?? '',
      location: {
        ...(cells.lon ? { lon: toNumber(cells.lon) } : {}),
        ...(cells.lat ? { lat: toNumber(cells.lat) } : {}),
        ...(cells.address ? { address: cells.address } : {}),
        ...(cells.area_code ? { areaCode: cells.area_code } : {}),
      },
      description: cells.description ?? '',
      confidentiality: cells.confidentiality ?? '',
      legalRegime: cells.legal_regime ?? '',
      purpose: cells.purpose ?? '',
      ...(cells.retention_until ? { retentionUntil: cells.retention_until } : {}),
    };
    const rowErrors: FieldError[] = [];
    const key = cells.external_id ?? '';
    if (!/^[A-Za-z0-9._:-]{1,100}$/.test(key)) rowErrors.push({ path: at(line, 'external_id'), message: 'required: the id in the source system (letters, digits, . _ : -)', code: key.trim() ? 'invalid_format' : 'required' });
    else if (keys.has(key)) rowErrors.push({ path: at(line, 'external_id'), message: 'appears twice in this file', code: 'duplicate_row' });
    keys.add(key);
    const parsed = CreateSignal.safeParse(candidate);
    if (!parsed.success) {
      // The same codes a form gets for these fields (required, invalid_date, too_long …), placed in the file.
      // An empty cell is a missing value: "required", not "too short" (a form sends no empty text either).
      for (const error of fieldErrorsOfIssues(parsed.error.issues, candidate)) {
        const column = CONTRACT_FIELD_TO_COLUMN[error.path] ?? error.path;
        const empty = (cells[column] ?? '').trim() === '';
        // A date in the file is written as ISO 8601, not as a form's date field: the words say how (params.written).
        const written = error.code === 'invalid_date' ? { params: { ...error.params, written: column === 'retention_until' ? 'iso_day' : 'iso' } } : {};
        rowErrors.push(empty ? { path: at(line, column), message: error.message, code: 'required' } : { ...error, ...written, path: at(line, column) });
      }
      errors.push(...rowErrors);
      continue;
    }
    const signal = parsed.data;
    for (const e of signalRuleErrors(signal, taxonomy, { organisationKind: actor.organisationKind, today })) {
      rowErrors.push({ ...e, path: at(line, CONTRACT_FIELD_TO_COLUMN[e.path] ?? e.path) });
    }
    const placed = await placeSignal(db, signal.location);
    for (const e of placed.errors) rowErrors.push({ ...e, path: at(line, CONTRACT_FIELD_TO_COLUMN[e.path] ?? 'lon') });
    if (placed.place && placed.place.municipalityCode !== input.municipality) rowErrors.push({ path: at(line, 'lon'), message: `lies outside ${input.municipality}`, code: 'area_outside_municipality' });
    if (rowErrors.length || !placed.place) {
      errors.push(...rowErrors);
      continue;
    }
    const category = taxonomy.categories.find((c) => c.code === signal.category)!;
    inserts.push({
      municipalityCode: placed.place.municipalityCode,
      category: signal.category,
      occurredAt: new Date(signal.occurredAt),
      lon: signal.location.lon ?? null,
      lat: signal.location.lat ?? null,
      address: signal.location.address ?? null,
      areaCode: placed.place.code,
      wijkCode: placed.place.wijkCode,
      description: signal.description,
      details: {},
      sourceOrganisationId: actor.organisationId,
      registeredBy: actor.userId,
      confidentiality: signal.confidentiality,
      legalRegime: signal.legalRegime,
      purpose: signal.purpose,
      retentionUntil: signal.retentionUntil ?? defaultRetentionUntil(today, category.default_retention_months),
      isDemo: false,
      externalKey: key,
      subjects: [],
    });
  }
  if (errors.length) throw problemsError('The file', errors);
  try {
    return await applyImport(db, actor, input, sha256, inserts, ctx);
  } catch (error) {
    // The same file uploaded twice at once: the other upload won the unique (municipality, hash).
    if ((error as { code?: string }).code !== '23505') throw error;
    const winner = await sdb.selectFrom('signal_imports').select(['id', 'rows']).where('municipality_code', '=', input.municipality).where('content_sha256', '=', sha256).executeTakeFirst();
    if (!winner) throw error;
    return { id: winner.id, rows: winner.rows, status: 'already_imported' };
  }
}

async function applyImport(
  db: Kysely<Database>,
  actor: Actor,
  input: { municipality: string; fileName: string },
  sha256: string,
  inserts: Omit<SignalInsert, 'importId'>[],
  ctx: SignalsContext,
): Promise<{ id: string; rows: number; skipped: number; status: 'applied' }> {
  return db.transaction().execute(async (tx) => {
    const t = signalsDb(tx);
    const created = await t
      .insertInto('signal_imports')
      .values({ municipality_code: input.municipality, file_name: input.fileName.slice(0, 300), content_sha256: sha256, rows: 0, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    let added = 0;
    for (const row of inserts) {
      if (await insertSignal(t, { ...row, importId: created.id })) added += 1;
    }
    await t.updateTable('signal_imports').set({ rows: added }).where('id', '=', created.id).execute();
    await withAudit(tx, actor, 'signals.import', { type: 'signal_import', id: created.id }, { municipality: input.municipality, fileName: input.fileName.slice(0, 300), sha256, rows: added, skippedKnown: inserts.length - added }, ctx.now);
    return { id: created.id, rows: added, skipped: inserts.length - added, status: 'applied' as const };
  });
}
