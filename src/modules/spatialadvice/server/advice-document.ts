import type { Kysely } from 'kysely';
import { conflict, withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import { renderOtherDocument, type OtherDocument } from '../../reports/index.js';
import type { ScanDetail } from '../contract.js';
import { areaNames } from './place.js';
import { readScan } from './scans.service.js';

/**
 * The signed advice as a document (DOCX or PDF on the reports module's machinery): the place and why an
 * advice was needed, the outcome and motivation, the conditions with owner and deadline, the scores per
 * theme and discipline with the items where disciplines disagree, and the signature. In Dutch: it goes to
 * the plan's owner and the council.
 */

const THEME: Record<string, string> = {
  zichtbaarheid: 'Zichtbaarheid en natuurlijk toezicht',
  toegang: 'Toegangscontrole',
  territorialiteit: 'Territorialiteit en eigenaarschap',
  beheer: 'Onderhoud en beheer',
  verlichting: 'Verlichting',
  levendigheid: 'Activiteit en levendigheid',
  routes: 'Routes en oriëntatie',
};
const KIND: Record<string, string> = { requirement: 'Eis', recommendation: 'Aanbeveling' };
const SCORE: Record<string, string> = { voldoet: 'voldoet', deels: 'voldoet deels', voldoet_niet: 'voldoet niet', nvt: 'n.v.t.' };
const OUTCOME: Record<string, string> = { gunstig: 'Gunstig', voorwaardelijk_gunstig: 'Voorwaardelijk gunstig', ongunstig: 'Ongunstig' };
const TRIGGER: Record<string, string> = {
  hotspot: 'Een hotspot veiligheid wordt geraakt',
  plan: 'Een plan (programma) voor het gebied',
  public_space: 'Een publieke ruimte met verblijfsfunctie',
  masterplan: 'Een masterplan voor een wijk of buurt',
};
export const DISCIPLINE_NL: Record<string, string> = {
  politie: 'Politie',
  stedenbouw: 'Stedenbouw',
  beheer_openbare_ruimte: 'Beheer openbare ruimte',
  sociaal_werk: 'Sociaal werk',
  bewoners: 'Bewoners',
  corporatie: 'Woningcorporatie',
  gemeente_veiligheid: 'Gemeente, veiligheid',
  overig: 'Overig',
};
const dutchDay = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

export function adviceDocument(scan: ScanDetail, municipalityName: string): OtherDocument {
  const advice = scan.advice;
  if (!advice) throw conflict('spatialadvice.not_signed', 'The advice has not been signed yet');
  const signedDay = advice.signedAt.slice(0, 10);
  const trigger = scan.trigger;
  const participants = new Map(scan.participants.map((p) => [p.id, p]));
  const blocks: OtherDocument['blocks'] = [
    {
      type: 'fields',
      rows: [
        { label: 'Plek', value: trigger.placeName },
        { label: 'Gebied', value: trigger.areaName },
        { label: 'Aanleiding', value: TRIGGER[trigger.kind] ?? trigger.kind },
        // A programme or analysis the reader may not open is not named (access.ts), in the document as on screen.
        ...(trigger.programme ? [{ label: 'Programma', value: trigger.programme.name ?? 'een programma' }] : []),
        ...(trigger.hotspot ? [{ label: 'Hotspotanalyse', value: trigger.hotspot.analysisName ?? 'een hotspotanalyse' }] : []),
        { label: 'Checklist', value: `Versie ${scan.template.version}` },
        { label: 'Advies', value: OUTCOME[advice.outcome] ?? advice.outcome },
        { label: 'Datum', value: dutchDay(signedDay) },
      ],
    },
  ];
  if (trigger.isDemo) blocks.push({ type: 'paragraph', tone: 'note', text: 'Illustratief voorbeeld: deze scan en dit advies zijn verzonnen om de werkwijze te laten zien.' });
  if (trigger.description) blocks.push({ type: 'paragraph', tone: 'normal', text: trigger.description });
  blocks.push({ type: 'heading', level: 1, text: 'Advies' }, { type: 'paragraph', tone: 'normal', text: `${OUTCOME[advice.outcome]}. ${advice.motivation}` });
  if (advice.conditions.length) {
    blocks.push(
      { type: 'heading', level: 2, text: 'Voorwaarden' },
      { type: 'table', caption: 'Voorwaarden bij het advies, elk een actie met eigenaar en termijn', header: ['Voorwaarde', 'Eigenaar', 'Uiterlijk'], numeric: [false, false, false], rows: advice.conditions.map((c) => [c.text, c.ownerName, dutchDay(c.dueDate)]) },
    );
  }
  blocks.push(
    { type: 'heading', level: 1, text: 'Omgevingsscan' },
    { type: 'paragraph', tone: 'normal', text: `Gescoord door: ${scan.participants.map((p) => `${p.name} (${DISCIPLINE_NL[p.discipline] ?? p.discipline})`).join(', ')}.` },
  );
  for (const theme of Object.keys(THEME)) {
    const items = scan.template.items.filter((i) => i.theme === theme);
    if (!items.length) continue;
    blocks.push({ type: 'heading', level: 2, text: THEME[theme]! });
    const rows = items.flatMap((item) => {
      const scores = scan.scores.filter((s) => s.itemId === item.id);
      const verdicts = scores.map((s) => `${DISCIPLINE_NL[participants.get(s.participantId)?.discipline ?? ''] ?? ''}: ${SCORE[s.score]}${s.remark ? ` — ${s.remark}` : ''}`).join('; ');
      const disagree = scan.disagreements.includes(item.id) ? ' (disciplines verschillen)' : '';
      return [[`${KIND[item.kind]}: ${item.text}`, (verdicts || 'niet gescoord') + disagree]];
    });
    blocks.push({ type: 'table', caption: THEME[theme]!, header: ['Eis of aanbeveling', 'Score per discipline'], numeric: [false, false], rows });
  }
  blocks.push({ type: 'signature', closing: 'Vastgesteld,', signers: [{ role: 'Adviseur ruimtelijke veiligheid', name: advice.signedName }] });
  return {
    title: `Advies ruimtelijke veiligheid: ${trigger.placeName}`,
    subtitle: `${trigger.areaName}, ${municipalityName}`,
    peildatum: signedDay,
    municipalityName,
    fileName: `advies-ruimtelijke-veiligheid-${trigger.placeName.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'plek'}-${signedDay}`,
    blocks,
  };
}

/**
 * The signed advice of a scan the actor may open (readScan: 404 otherwise) as a file. Each download is
 * audited: the document leaves the application with the participants' names and remarks.
 */
export async function renderAdvice(db: Kysely<Database>, actor: Actor, scanId: string, format: 'docx' | 'pdf'): Promise<{ body: Buffer; fileName: string }> {
  const scan = await readScan(db, actor, scanId);
  const municipality = (await areaNames(db, [scan.trigger.municipalityCode])).get(scan.trigger.municipalityCode) ?? scan.trigger.municipalityCode;
  const document = adviceDocument(scan, municipality);
  const body = await renderOtherDocument(document, format);
  await db.transaction().execute((tx) => withAudit(tx, actor, 'spatialadvice.document.read', { type: 'spatial_scan', id: scan.id }, { format }));
  return { body, fileName: `${document.fileName}.${format}` };
}
