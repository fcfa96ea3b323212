import { diffCents } from './cents.js';
import type { RepaymentRisk } from './repayment.js';

/** A dd-mm-yyyy date, as the documents write it. */
const dutchDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** How the documents explain the repayment figure (docs/finance.md "Repayment risk"). */
export const REPAYMENT_NOTE =
  'Terug te betalen is alleen ontvangen geld: ontvangen min wat deze bron dekt (besteed plus openstaande verplichtingen, ten hoogste het totaal), nooit minder dan nul. Tijdens de bestedingsperiode is het een verwachting bij het huidige bestedingstempo. Een tranche die nog niet is ontvangen, is geen terugbetaling: wat de besteding ervan nodig heeft, is nog te ontvangen; de rest vervalt.';

export interface BalanceRow {
  label: string;
  cents: number;
  bold: boolean;
}

/**
 * The balance of a funding source as the accountability statement (XLSX, DOCX) and the subsidy report write
 * it, with the repayment risk of money/repayment.ts, so the documents and the alarms say the same amounts.
 */
export function balanceRows(s: {
  totalCents: number;
  receivedCents: number;
  spentCents: number;
  spendUntil: string;
  repayUnspent: boolean;
  repayment: RepaymentRisk & { openCommitmentCents: number };
}): BalanceRow[] {
  const r = s.repayment;
  const until = dutchDate(s.spendUntil);
  const row = (label: string, cents: number, bold = false): BalanceRow => ({ label, cents, bold });
  const repaymentLabel = !s.repayUnspent
    ? 'Terug te betalen (niet van toepassing: niet bestede middelen worden niet teruggevorderd)'
    : r.phase === 'ended'
      ? 'Terug te betalen (ontvangen − gedekt, nooit meer dan ontvangen)'
      : r.phase === 'running'
        ? `Terugbetaalrisico: verwacht terug te betalen na ${until} bij het huidige tempo`
        : 'Terug te betalen (de bestedingsperiode is nog niet begonnen)';
  return [
    row('Ontvangen', s.receivedCents),
    row('Besteed', s.spentCents),
    row('Openstaande verplichtingen', r.openCommitmentCents),
    row('Restant (ontvangen − besteed)', diffCents(s.receivedCents, s.spentCents)),
    row(r.phase === 'running' ? `Verwacht gedekt tot en met ${until} (besteding in het huidige tempo, ten hoogste het totaal)` : 'Gedekt uit deze bron (besteed + openstaande verplichtingen, ten hoogste het totaal)', r.usableCents),
    row(repaymentLabel, r.repaymentCents, true),
    row('Nog te ontvangen op grond van de besteding', r.stillToReceiveCents),
    row('Nog te ontvangen volgens de tranches', diffCents(s.totalCents, s.receivedCents)),
    row(r.phase === 'running' ? 'Naar verwachting niet benut van het totaal (vervalt, wordt niet terugbetaald)' : 'Niet benut van het totaal (vervalt, wordt niet terugbetaald)', r.unusedCents),
  ];
}
