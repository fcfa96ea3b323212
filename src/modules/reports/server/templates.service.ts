import type { Kysely } from 'kysely';
import { AppError, conflict, forbidden, invalid, withAudit, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import { findAreaForFigures } from '../../areas/index.js';
import { TemplateContent, type SaveTemplate, type Template } from '../contract.js';
import { defaultTemplate } from './default-template.js';
import { findLatestTemplate, findTemplateVersion, findTemplateVersions, insertTemplate, lockTemplates } from './reports.queries.js';
import { reportsDb } from './reports.tables.js';

/**
 * The council letter's template per municipality (docs/reports.md, "Template"): header fields, section titles,
 * signature, logo and house style. Every save is a new version; the newest is in force and the built-in default
 * (after Dordrecht's letter, version 0) until the municipality saves its own. A letter version keeps the
 * template version it was saved with, so an old letter renders as it was written.
 */

/** The gemeente's name as CBS gives it ("Gemeente Dordrecht"); 404 for a code that is not a gemeente. */
async function municipalityName(db: Kysely<Database>, actor: Actor, code: string): Promise<string> {
  const area = await findAreaForFigures(db, actor, code);
  if (area.level !== 'gemeente') throw new AppError('area.not_found', 404, 'Area not found');
  return `Gemeente ${area.name}`;
}

/** Only someone whose area scope covers the whole municipality changes its template. */
function mayManage(actor: Pick<Actor, 'areaScopes'>, municipalityCode: string): boolean {
  return actor.areaScopes.length === 0 || actor.areaScopes.includes(municipalityCode);
}

export async function getTemplate(db: Kysely<Database>, actor: Actor, municipalityCode: string): Promise<Template> {
  const rdb = reportsDb(db);
  const [latest, versions] = await Promise.all([findLatestTemplate(rdb, municipalityCode), findTemplateVersions(rdb, municipalityCode)]);
  const list = versions.map((v) => ({ version: v.version, savedAt: new Date(v.saved_at).toISOString(), savedBy: v.saved_by_name }));
  if (!latest) {
    return { municipality: municipalityCode, version: 0, savedAt: null, savedBy: null, isDefault: true, content: defaultTemplate(await municipalityName(db, actor, municipalityCode)), versions: list };
  }
  return {
    municipality: municipalityCode,
    version: latest.version,
    savedAt: new Date(latest.saved_at).toISOString(),
    savedBy: latest.saved_by_name,
    isDefault: false,
    content: TemplateContent.parse(JSON.parse(latest.content)),
    versions: list,
  };
}

/** The template a document is rendered with: a stored version, or the newest when `version` is undefined. */
export async function templateContent(db: Kysely<Database>, actor: Actor, municipalityCode: string, version?: number): Promise<{ version: number; content: TemplateContent }> {
  const rdb = reportsDb(db);
  const row = version === undefined ? await findLatestTemplate(rdb, municipalityCode) : version === 0 ? undefined : await findTemplateVersion(rdb, municipalityCode, version);
  if (row) return { version: row.version, content: TemplateContent.parse(JSON.parse(row.content)) };
  let name = municipalityCode;
  try {
    name = await municipalityName(db, actor, municipalityCode);
  } catch (error) {
    if (!(error instanceof AppError && error.status === 404)) throw error;
  }
  return { version: 0, content: defaultTemplate(name) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_LOGO_BYTES = 200 * 1024;
const MAX_LOGO_SIDE = 4000;

/** The logo must really be a PNG (its signature and header), of at most 200 kB and 4000 pixels a side. */
function logoProblem(dataBase64: string): string | null {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length > MAX_LOGO_BYTES) return `at most ${MAX_LOGO_BYTES / 1024} kB`;
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return 'not a PNG image';
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) return `width and height between 1 and ${MAX_LOGO_SIDE} pixels`;
  return null;
}

/** WCAG 2.1 contrast ratio of a #rrggbb colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

/** Headings and the white text of table header rows are set in the house colour: it must keep AA contrast. */
const MIN_CONTRAST = 4.5;

export async function saveTemplate(db: Kysely<Database>, actor: Actor, input: SaveTemplate): Promise<Template> {
  const content = TemplateContent.parse(input.content);
  const errors: FieldError[] = [];
  const contrast = contrastWithWhite(content.style.primaryColor);
  if (contrast < MIN_CONTRAST) errors.push({ path: 'body.content.style.primaryColor', message: `needs a contrast of at least ${MIN_CONTRAST}:1 with white text (this colour has ${contrast.toFixed(1)}:1)` });
  const problem = content.logo ? logoProblem(content.logo.dataBase64) : null;
  if (problem) errors.push({ path: 'body.content.logo.dataBase64', message: problem });
  try {
    await municipalityName(db, actor, input.municipality);
  } catch (error) {
    if (!(error instanceof AppError && error.status === 404)) throw error;
    errors.push({ path: 'body.municipality', message: 'not a known gemeente' });
  }
  if (errors.length) throw invalid('report.template_invalid', 'The template is not valid', errors);
  if (!mayManage(actor, input.municipality)) throw forbidden('Only someone who works for the whole municipality changes its letter template');
  await db.transaction().execute(async (tx) => {
    const rdb = reportsDb(tx);
    await lockTemplates(rdb, input.municipality);
    const latest = (await findLatestTemplate(rdb, input.municipality))?.version ?? 0;
    if (input.baseVersion !== latest) throw conflict('report.template_stale', `Someone saved version ${latest} of the template meanwhile; reload it and make your change again`);
    const version = latest + 1;
    await insertTemplate(rdb, { municipalityCode: input.municipality, version, content: JSON.stringify(content), savedBy: actor.userId, savedByName: actor.displayName });
    await withAudit(tx, actor, 'report.template.save', { type: 'report_template', id: input.municipality }, { version, logo: content.logo !== null, primaryColor: content.style.primaryColor });
  });
  return getTemplate(db, actor, input.municipality);
}
