import type { FinanceActor } from './finance-scope.js';
import type { Kysely } from 'kysely';
import { withAudit , type Database } from '../../../platform/server/index.js';
import type { FundingSourceDetail, Proposal } from '../contract.js';
import { balanceRows, REPAYMENT_NOTE } from '../money/balance.js';
import { formatEuro, formatPercentBp } from '../money/format.js';
import { toDocx, toXlsx, type ReportCell, type ReportDocument } from './export-files.js';
import { getFundingSource } from './funding.service.js';
import { getProposal } from './proposals.service.js';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const KIND_LABEL: Record<string, string> = {
  rijkssubsidie: 'Rijkssubsidie',
  gemeentelijk_budget: 'Gemeentelijk budget',
  partnerbijdrage: 'Partnerbijdrage',
  cofinanciering: 'Cofinanciering',
  inzet_in_natura: 'Inzet in natura',
};
const OBLIGATION_LABEL: Record<string, string> = {
  schriftelijke_verantwoording: 'Schriftelijke verantwoording',
  voortgangsrapportage: 'Voortgangsrapportage',
  financiele_verantwoording: 'Financiële verantwoording',
  accountantsverklaring: 'Accountantsverklaring',
};

const euro = (cents: number): ReportCell => ({ value: cents / 100, format: 'euro' });
const thousand = (value: number): ReportCell => ({ value, format: 'thousands' });
const dutchDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '—');
const formatCents = (cents: number) => formatEuro(cents, { decimals: 'always' });

/** In place of the name of an activity the reader may not see (programmes' rule): the money is theirs, the activity not. */
export const HIDDEN_ACTIVITY = 'Activiteit niet zichtbaar voor jou';

export const ROUNDING_NOTE =
  'Bedragen × € 1.000, per cel afgerond (half naar boven, weg van nul); wijkt de som van de afgeronde regels af van het afgeronde totaal, dan schuift de regel die het dichtst bij zijn afrondingsgrens ligt één duizendtal, zodat elke kolom optelt.';

export function budgetEffectDocument(p: Proposal): ReportDocument {
  const years = p.table.map((t) => t.year);
  const row = (label: string, key: keyof Proposal['table'][number]['thousands']): ReportCell[] => [label, ...p.table.map((t) => thousand(t.thousands[key]))];
  const rate = p.interestBp > 0 ? formatPercentBp(p.interestBp) : '—';
  const outside = p.outsideBudget.filter((o) => o.amountCents > 0);
  return {
    title: `Budgettair effect: ${p.title}`,
    lines: [
      ...(p.subject ? [`Onderwerp: ${p.subject}`] : []),
      ...(p.reference ? [`Betreft: ${p.reference}`] : []),
      p.structural ? 'Structureel' : 'Incidenteel',
      `Investeringsbedrag: ${p.investment ? formatEuro(p.investment.amountCents) : '—'}`,
      `Afschrijvingstermijn: ${p.investment ? `${p.investment.depreciationYears} jaar` : '—'}`,
      ...(p.illustrative ? ['Demogegevens: illustratief voorbeeld naar een begrotingsvoorstel.'] : []),
    ],
    tables: [
      {
        title: 'Budgettair effect (x € 1.000)',
        header: ['Jaarlasten', ...years.map(String)],
        rows: [
          row('Kapitaallasten (afschrijving)', 'depreciation'),
          row(`Kapitaallasten (rente ${rate})`, 'interest'),
          row('Vrijval kapitaallasten 1e jaar', 'release'),
          row('Overige exploitatielasten', 'operating'),
          row('Dekking: bijdrage reserve (dekking kapitaallasten) / bijdrage derden', 'coverage'),
          row('Te dekken', 'toCover'),
        ],
        boldRows: [5],
      },
    ],
    notes: [
      ROUNDING_NOTE,
      ...(outside.length ? [`Buiten de gemeentelijke begroting (rechtstreeks door partners betaald): ${outside.map((o) => `${o.year} ${formatEuro(o.amountCents)}`).join('; ')}.`] : []),
    ],
  };
}

export function accountabilityDocument(s: FundingSourceDetail, today: string): ReportDocument {
  const balance = balanceRows(s);
  return {
    title: `Verantwoording ${s.name}`,
    lines: [
      `Soort: ${KIND_LABEL[s.kind] ?? s.kind}; verstrekker: ${s.funderName}${s.reference ? `; kenmerk ${s.reference}` : ''}`,
      `Totaal toegekend: ${formatEuro(s.totalCents)}; te besteden van ${dutchDate(s.spendFrom)} tot en met ${dutchDate(s.spendUntil)}`,
      `Stand per ${dutchDate(today)}`,
      ...(s.illustrative ? ['Demogegevens: bedragen en data van de tranches zijn illustratief.'] : []),
    ],
    tables: [
      {
        title: 'Ontvangen tranches',
        header: ['Tranche', 'Bedrag', 'Vervaldatum', 'Ontvangen op', 'Ontvangen'],
        rows: [...s.tranches.map((t) => [`Tranche ${t.seq}`, euro(t.amountCents), dutchDate(t.dueDate), dutchDate(t.receivedDate), euro(t.receivedCents)]), ['Totaal ontvangen', null, null, null, euro(s.receivedCents)]],
        boldRows: [s.tranches.length],
      },
      {
        title: 'Besteding per activiteit',
        header: ['Activiteit', 'Begroot uit deze bron', 'Besteed'],
        rows: [...s.activities.map((a) => [a.activityName ?? HIDDEN_ACTIVITY, euro(a.allocatedCents), euro(a.spentCents)]), ['Totaal', euro(s.allocatedCents), euro(s.spentCents)]],
        boldRows: [s.activities.length],
      },
      {
        title: 'Saldo',
        header: ['Post', 'Bedrag'],
        rows: balance.map((r) => [r.label, euro(r.cents)]),
        boldRows: balance.flatMap((r, i) => (r.bold ? [i] : [])),
      },
      {
        title: 'Verantwoordingsverplichtingen',
        header: ['Wat', 'Uiterlijk', 'Geleverd op', 'Toelichting'],
        rows: s.obligations.map((o) => [OBLIGATION_LABEL[o.kind] ?? o.kind, dutchDate(o.dueDate), dutchDate(o.deliveredOn), o.description]),
      },
    ],
    notes: [
      'Besteding van een begrotingsregel wordt aan de financieringsbronnen toegerekend naar rato van hun aandeel in die regel (tot op de cent, grootste-restmethode).',
      REPAYMENT_NOTE,
      ...(s.conditions ? [`Voorwaarden: ${s.conditions}`] : []),
    ],
  };
}

async function render(doc: ReportDocument, format: 'xlsx' | 'docx', sheet: string): Promise<Buffer> {
  return format === 'xlsx' ? toXlsx(doc, sheet) : toDocx(doc, formatCents);
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'export';
}

export async function exportBudgetEffect(db: Kysely<Database>, actor: FinanceActor, id: string, format: 'xlsx' | 'docx'): Promise<ExportFile> {
  const proposal = await getProposal(db, actor, id);
  const body = await render(budgetEffectDocument(proposal), format, 'Budgettair effect');
  await db.transaction().execute((tx) => withAudit(tx, actor, 'finance.export', { type: 'budget_proposal', id }, { what: 'budget_effect', format }));
  return { fileName: `budgettair-effect-${slug(proposal.title)}.${format}`, contentType: CONTENT_TYPES[format], body };
}

export async function exportAccountability(db: Kysely<Database>, actor: FinanceActor, id: string, format: 'xlsx' | 'docx', today: string): Promise<ExportFile> {
  const source = await getFundingSource(db, actor, id, today);
  const body = await render(accountabilityDocument(source, today), format, 'Verantwoording');
  await db.transaction().execute((tx) => withAudit(tx, actor, 'finance.export', { type: 'funding_source', id }, { what: 'accountability', format }));
  return { fileName: `verantwoording-${slug(source.name)}.${format}`, contentType: CONTENT_TYPES[format], body };
}
