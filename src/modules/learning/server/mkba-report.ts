import type { Block, ReportDocument, TableCell } from '../../reports/contract.js';
import { STANDARD_DISCOUNT_RATE, type AlternativeResult, type LinkedBenefitResult, type MkbaDetail, type MkbaResult, type SensitivityRow } from '../contract.js';

/**
 * The MKBA as a document model for the reports module's renderers (DOCX and PDF): the starting points, the
 * rate and its source, the nulalternatief, and per alternative the outcome, the actor matrix, the PM items,
 * the sensitivity with its turns, and the linked benefits with their goal and figures. In Dutch, amounts as
 * € 1.234,56. A demo MKBA says on its first page that its figures are illustrative.
 */

const nl = (value: number, digits = 2, min = 0) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: min, maximumFractionDigits: digits }).format(value);
/** € 1.234,56 — always with cents; the space after the sign does not break. */
export const euro = (cents: number) => `${cents < 0 ? '−' : ''}€\u00a0${nl(Math.abs(cents) / 100, 2, 2)}`;
const percent = (value: number, digits = 2) => `${nl(value, digits)}\u00a0%`;
const bold = (text: string): TableCell => ({ text, bold: true });
/** 2020-01-01 → "1 januari 2020" (a calendar day, so read in UTC: no time zone can move it). */
const day = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

const ACTORS: Record<string, string> = { gemeente: 'Gemeente', corporatie: 'Woningcorporatie', politie: 'Politie', zorg: 'Zorg', bewoners: 'Bewoners', rijk: 'Rijk', overig: 'Overig' };
const IRR_NONE: Record<string, string> = {
  no_sign_change: 'niet te berekenen: er zijn alleen kosten of alleen baten',
  no_root_found: 'niet te berekenen: geen rendement tussen −95 % en 1000 %',
};
export const RATE_SOURCE =
  'Rapport Werkgroep discontovoet 2020; door het kabinet overgenomen. Sinds 1 januari 2021 is 2,25 % (reëel) de standaard voor MKBA’s: een risicovrije voet van −1 % plus een risico-opslag van 3,25 %.';

function outcome(r: AlternativeResult): Block {
  const irr = r.irrPercent !== null ? `${percent(r.irrPercent, 1)}${r.irrUnique ? '' : ' (kosten en baten wisselen vaker af: er kan meer dan één uitkomst zijn)'}` : IRR_NONE[r.irrNone ?? 'no_root_found'] ?? '';
  return {
    type: 'table',
    caption: `Uitkomst: ${r.name}`,
    header: ['Onderdeel', 'Uitkomst'],
    numeric: [false, true],
    rows: [
      ['Contante waarde kosten', euro(r.pvCostsCents)],
      ['Contante waarde baten', euro(r.pvBenefitsCents)],
      [bold('Netto contante waarde (NCW)'), bold(euro(r.ncwCents))],
      ['Baten/kosten-verhouding', r.benefitCostRatio === null ? 'niet te berekenen: geen kosten' : nl(r.benefitCostRatio, 2, 2)],
      ['Intern rendement', irr],
    ],
  };
}

function actorMatrix(r: AlternativeResult): Block {
  return {
    type: 'table',
    caption: `Per partij (contante waarde): ${r.name}`,
    header: ['Partij', 'Kosten', 'Baten', 'Saldo'],
    numeric: [false, true, true, true],
    rows: [...r.actors.map((a) => [ACTORS[a.actor] ?? a.actor, euro(a.pvCostsCents), euro(a.pvBenefitsCents), euro(a.balanceCents)]), [bold('Totaal'), bold(euro(r.pvCostsCents)), bold(euro(r.pvBenefitsCents)), bold(euro(r.ncwCents))]],
  };
}

function sensitivity(r: AlternativeResult): Block[] {
  const turn = (row: SensitivityRow) => (!row.signFlips ? 'zelfde uitkomst' : r.ncwCents > 0 ? 'slaat om: baten niet meer groter dan kosten' : 'slaat om: baten worden groter dan kosten');
  const rows = (items: SensitivityRow[], label: (row: SensitivityRow) => string): TableCell[][] =>
    items.map((row) => {
      const cells = [`${label(row)}${row.isBase ? ' (uitgangspunt)' : ''}`, euro(row.ncwCents), turn(row)];
      return row.signFlips ? cells.map(bold) : cells;
    });
  const flips = [...r.sensitivity.rate, ...r.sensitivity.effectSize, ...r.sensitivity.duration].filter((x) => x.signFlips).length;
  return [
    { type: 'paragraph', tone: 'normal', text: flips === 0 ? 'In geen van de varianten slaat de uitkomst om.' : `In ${flips} ${flips === 1 ? 'variant slaat' : 'varianten slaat'} de uitkomst om (vet).` },
    {
      type: 'table',
      caption: `Gevoeligheid: ${r.name}`,
      header: ['Variant', 'NCW', 'Uitkomst'],
      numeric: [false, true, false],
      rows: [
        ...rows(r.sensitivity.rate, (row) => `discontovoet ${percent(row.value)}`),
        ...rows(r.sensitivity.effectSize, (row) => `baten ${percent(row.value, 0)}`),
        ...rows(r.sensitivity.duration, (row) => `looptijd ${row.value} jaar`),
      ],
    },
  ];
}

function linkedFigures(b: LinkedBenefitResult): string {
  if (!b.goal) return 'Telt niet mee: het doel bestaat niet meer, ligt in een ander gebied of heeft geen streefwaarde of leesbare indicator.';
  const g = b.goal;
  return `${g.indicatorName} in ${g.areaName}: nulmeting ${nl(g.baseline, g.decimals)} (${day(g.baselineDate)}), doel ${nl(g.target, g.decimals)} op ${day(g.targetDate)} (${g.unit}); ${g.direction < 0 ? 'een daling' : 'een stijging'} telt als baat`;
}

function linkedBenefits(r: AlternativeResult): Block[] {
  if (r.linkedBenefits.length === 0) return [];
  const quantity = (b: LinkedBenefitResult) => (!b.quantity || b.quantity.source === 'none' ? '—' : `${nl(b.quantity.value, 0)} per ${nl(b.quantity.per, 0)} (${b.quantity.sourceText}${b.quantity.source === 'area_figure' ? ', cijfers van het gebied' : ''})`);
  return [
    { type: 'heading', level: 3, text: 'Gekoppelde baten' },
    {
      type: 'paragraph',
      tone: 'normal',
      text: 'Per jaar: (streefpad van het doel − nulmeting) in de goede richting × hoeveelheid × waarde per eenheid. Voor de startdatum van het doel is de baat 0; na het doeljaar blijft het effect op het doel staan. De cijfers zijn die van het doel op de peildatum.',
    },
    {
      type: 'table',
      caption: `Gekoppelde baten: ${r.name}`,
      header: ['Doel', 'Cijfers', 'Hoeveelheid', 'Waarde per eenheid', 'Partij', 'Contante waarde'],
      numeric: [false, false, false, false, false, true],
      rows: r.linkedBenefits.map((b) => [b.goal?.name ?? 'Doel bestaat niet meer', linkedFigures(b), quantity(b), `${euro(b.unitValueCents)} (bron: ${b.unitValueSource})`, ACTORS[b.actor] ?? b.actor, euro(b.pvCents)]),
    },
  ];
}

export function mkbaReport(mkba: MkbaDetail, result: MkbaResult, municipalityName: string, peildatum: string, style: ReportDocument['style']): ReportDocument {
  const blocks: Block[] = [];
  if (mkba.isDemo) {
    blocks.push({ type: 'paragraph', tone: 'example', text: 'Illustratief: dit MKBA hoort bij de demo. Alle bedragen zijn verzonnen om de rekenhulp te laten zien; het zijn geen echte cijfers.' });
  }
  const rateText = `${percent(mkba.discountRate)} (reëel)`;
  blocks.push({
    type: 'fields',
    rows: [
      { label: 'Gebied', value: mkba.areaName },
      { label: 'Maatregelenpakket', value: mkba.name },
      { label: 'Basisjaar', value: `${mkba.baseYear} (alle bedragen in prijzen van ${mkba.baseYear})` },
      { label: 'Looptijd', value: `${mkba.baseYear} tot en met ${mkba.baseYear + mkba.horizonYears} (${mkba.horizonYears} jaar na het basisjaar)` },
      { label: 'Discontovoet', value: rateText },
      ...(mkba.discountRate !== STANDARD_DISCOUNT_RATE && mkba.rateJustification ? [{ label: 'Onderbouwing andere discontovoet', value: mkba.rateJustification }] : []),
      { label: 'Bron discontovoet', value: RATE_SOURCE },
    ],
  });
  blocks.push({ type: 'heading', level: 1, text: 'Nulalternatief' }, { type: 'paragraph', tone: 'normal', text: mkba.nullAlternative });
  if (result.alternatives.length === 0) blocks.push({ type: 'paragraph', tone: 'normal', text: 'Dit MKBA heeft nog geen projectalternatief.' });
  for (const r of result.alternatives) {
    const alternative = mkba.alternatives.find((a) => a.id === r.alternativeId);
    blocks.push({ type: 'heading', level: 1, text: `Alternatief: ${r.name}` });
    if (alternative?.description) blocks.push({ type: 'paragraph', tone: 'normal', text: alternative.description });
    if (alternative && alternative.measures.length > 0) blocks.push({ type: 'heading', level: 3, text: 'Maatregelen' }, { type: 'list', ordered: false, items: alternative.measures.map((m) => m.name) });
    blocks.push({ type: 'heading', level: 2, text: 'Uitkomst' }, outcome(r));
    blocks.push({ type: 'heading', level: 2, text: 'Wie betaalt en wie heeft er baat bij' }, actorMatrix(r));
    blocks.push({ type: 'heading', level: 2, text: 'Niet in geld uitgedrukt (PM)' });
    blocks.push(r.pmItems.length ? { type: 'list', ordered: false, items: r.pmItems.map((p) => `${ACTORS[p.actor] ?? p.actor}, ${p.year}: ${p.description}`) } : { type: 'paragraph', tone: 'normal', text: 'Geen.' });
    blocks.push(...linkedBenefits(r));
    blocks.push({ type: 'heading', level: 2, text: 'Gevoeligheid' }, ...sensitivity(r));
  }
  return {
    kind: 'mkba',
    title: `MKBA ${mkba.name}`,
    subtitle: `Maatschappelijke kosten-batenanalyse vooraf, ${mkba.areaName}${mkba.isDemo ? ' (illustratief)' : ''}`,
    peildatum,
    language: 'nl-NL',
    municipalityName,
    style,
    logo: null,
    fileName: `mkba-${mkba.name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 70) || 'rapport'}-${peildatum}`,
    blocks,
  };
}
