import type { Kysely } from 'kysely';
import { AppError, conflict, invalid, notFound, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { canActorSeeProgramme } from '../../programmes/index.js';
import { LetterFields, LetterSections, type LetterBody, type LetterDetail, type LetterSummary, type ReportDocument, type SaveLetter, type SnapshotDetail } from '../contract.js';
import { councilLetter, type LetterInput } from './documents.js';
import { findLetter, findLetterVersions, findLettersOfProgramme, insertLetter, insertLetterVersion, type LetterRow, type LetterVersionRow } from './reports.queries.js';
import { reportsDb } from './reports.tables.js';
import { readSnapshot } from './snapshots.service.js';
import { templateContent } from './templates.service.js';

/**
 * Council letters (raadsinformatiebrief) as versioned drafts (docs/reports.md, "Council letter"): the author
 * writes the header fields and the text of the five sections; the figures come from a snapshot of the
 * programme. Every save is a new version, audited, with the snapshot and the template version it was written
 * against; the newest is shown. A save based on an older version than the newest is refused (409), so two
 * authors never overwrite each other unseen.
 */

type StoredLetter = LetterInput;

function parseStored(text: string): StoredLetter {
  const raw = JSON.parse(text) as { fields: unknown; sections: unknown; signers: unknown };
  return { fields: LetterFields.parse(raw.fields), sections: LetterSections.parse(raw.sections), signers: Array.isArray(raw.signers) ? raw.signers.map(String) : [] };
}

/** The snapshot a letter is written against: one of this programme's that the author may read, or 422. */
async function snapshotForLetter(db: Kysely<Database>, actor: Actor, programmeId: string, snapshotId: string): Promise<SnapshotDetail> {
  let snapshot: SnapshotDetail | null = null;
  try {
    snapshot = await readSnapshot(db, actor, snapshotId);
  } catch (error) {
    if (!(error instanceof AppError && error.status === 404)) throw error;
  }
  if (!snapshot || snapshot.programmeId !== programmeId) throw invalid('report.letter_invalid', 'The letter is not valid', [{ path: 'body.snapshotId', message: 'not a snapshot of this programme' }]);
  return snapshot;
}

function storedText(input: LetterBody): string {
  const stored: StoredLetter = { fields: LetterFields.parse(input.fields), sections: LetterSections.parse(input.sections), signers: (input.signers ?? []).map((s) => s.trim()) };
  return JSON.stringify(stored);
}

function toSummary(letter: LetterRow, latest: LetterVersionRow): LetterSummary {
  return {
    id: letter.id,
    programmeId: letter.programme_id,
    betreft: parseStored(latest.content).fields.betreft,
    version: latest.version,
    savedAt: new Date(latest.saved_at).toISOString(),
    savedBy: latest.saved_by_name,
    snapshotId: latest.snapshot_id,
    peildatum: latest.peildatum,
    isDemo: letter.is_demo,
  };
}

/** The letters of a programme, each with its newest version; those whose snapshot the reader may not see are left out. */
export async function listLetters(db: Kysely<Database>, actor: Actor, programmeId: string): Promise<LetterSummary[]> {
  if (!(await canActorSeeProgramme(db, actor, programmeId))) throw notFound('Programme', 'programme.not_found');
  const rdb = reportsDb(db);
  const letters = await findLettersOfProgramme(rdb, programmeId);
  const versions = await findLetterVersions(rdb, letters.map((l) => l.id));
  const readable = new Map<string, boolean>();
  const out: LetterSummary[] = [];
  for (const letter of letters) {
    const latest = versions.find((v) => v.letter_id === letter.id);
    if (!latest) continue;
    if (!readable.has(latest.snapshot_id)) readable.set(latest.snapshot_id, await canReadSnapshot(db, actor, latest.snapshot_id));
    if (readable.get(latest.snapshot_id)) out.push(toSummary(letter, latest));
  }
  return out;
}

async function canReadSnapshot(db: Kysely<Database>, actor: Actor, snapshotId: string): Promise<boolean> {
  try {
    await readSnapshot(db, actor, snapshotId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return false;
    throw error;
  }
}

export async function createLetter(db: Kysely<Database>, actor: Actor, programmeId: string, input: LetterBody, options: { isDemo?: boolean } = {}): Promise<LetterDetail> {
  if (!(await canActorSeeProgramme(db, actor, programmeId))) throw notFound('Programme', 'programme.not_found');
  const snapshot = await snapshotForLetter(db, actor, programmeId, input.snapshotId);
  const municipalityCode = snapshot.content.programme.municipalityCode;
  const template = await templateContent(db, actor, municipalityCode);
  const content = storedText(input);
  const id = await db.transaction().execute(async (tx) => {
    const rdb = reportsDb(tx);
    const letterId = await insertLetter(rdb, { programmeId, municipalityCode, isDemo: options.isDemo ?? false, createdBy: actor.userId });
    await insertLetterVersion(rdb, { letterId, version: 1, snapshotId: snapshot.id, templateVersion: template.version, content, savedBy: actor.userId, savedByName: actor.displayName });
    await withAudit(tx, actor, 'report.letter.create', { type: 'council_letter', id: letterId }, { programmeId, version: 1, snapshotId: snapshot.id, templateVersion: template.version });
    return letterId;
  });
  return readLetter(db, actor, id);
}

/** A new version of the letter; `baseVersion` must be the newest, or someone else saved meanwhile (409). */
export async function saveLetterVersion(db: Kysely<Database>, actor: Actor, letterId: string, input: SaveLetter): Promise<LetterDetail> {
  const letter = await findLetter(reportsDb(db), letterId);
  if (!letter || !(await canActorSeeProgramme(db, actor, letter.programme_id))) throw notFound('Council letter', 'report.letter_not_found');
  const snapshot = await snapshotForLetter(db, actor, letter.programme_id, input.snapshotId);
  const template = await templateContent(db, actor, letter.municipality_code);
  const content = storedText(input);
  await db.transaction().execute(async (tx) => {
    const rdb = reportsDb(tx);
    await findLetter(rdb, letterId, true);
    const latest = (await findLetterVersions(rdb, [letterId]))[0]?.version ?? 0;
    if (input.baseVersion !== latest) throw conflict('report.letter_stale', `Someone saved version ${latest} of this letter meanwhile; reload it and make your change again`);
    const version = latest + 1;
    await insertLetterVersion(rdb, { letterId, version, snapshotId: snapshot.id, templateVersion: template.version, content, savedBy: actor.userId, savedByName: actor.displayName });
    await withAudit(tx, actor, 'report.letter.save', { type: 'council_letter', id: letterId }, { programmeId: letter.programme_id, version, snapshotId: snapshot.id, templateVersion: template.version });
  });
  return readLetter(db, actor, letterId);
}

interface LoadedLetter {
  letter: LetterRow;
  version: LetterVersionRow;
  versions: LetterVersionRow[];
  stored: StoredLetter;
  snapshot: SnapshotDetail;
}

/** A version of a letter (the newest by default), for a reader who may see its programme and its snapshot; else 404. */
async function loadLetter(db: Kysely<Database>, actor: Actor, letterId: string, version?: number): Promise<LoadedLetter> {
  const rdb = reportsDb(db);
  const letter = await findLetter(rdb, letterId);
  if (!letter || !(await canActorSeeProgramme(db, actor, letter.programme_id))) throw notFound('Council letter', 'report.letter_not_found');
  const versions = await findLetterVersions(rdb, [letterId]);
  const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
  if (!chosen) throw notFound('Version of the council letter', 'report.letter_version_not_found');
  let snapshot: SnapshotDetail;
  try {
    snapshot = await readSnapshot(db, actor, chosen.snapshot_id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound('Council letter', 'report.letter_not_found');
    throw error;
  }
  return { letter, version: chosen, versions, stored: parseStored(chosen.content), snapshot };
}

export async function readLetter(db: Kysely<Database>, actor: Actor, letterId: string, version?: number): Promise<LetterDetail> {
  const loaded = await loadLetter(db, actor, letterId, version);
  return {
    ...toSummary(loaded.letter, loaded.version),
    fields: loaded.stored.fields,
    sections: loaded.stored.sections,
    signers: loaded.stored.signers,
    templateVersion: loaded.version.template_version,
    versions: loaded.versions.map((v) => ({ version: v.version, savedAt: new Date(v.saved_at).toISOString(), savedBy: v.saved_by_name, snapshotId: v.snapshot_id, templateVersion: v.template_version })),
  };
}

/** The letter as the document every format renders: the version's text, its snapshot's figures, its template version. */
export async function letterDocument(db: Kysely<Database>, actor: Actor, letterId: string, version?: number): Promise<{ document: ReportDocument; snapshotId: string; version: number }> {
  const loaded = await loadLetter(db, actor, letterId, version);
  const template = await templateContent(db, actor, loaded.letter.municipality_code, loaded.version.template_version);
  const s = loaded.snapshot;
  const document = councilLetter({ id: s.id, title: s.title, periodStart: s.periodStart, peildatum: s.peildatum, content: s.content }, template.content, loaded.stored);
  return { document, snapshotId: s.id, version: loaded.version.version };
}
