-- Money within what a municipality can spend, and counter-entries instead of deletion (issue 12, item 9;
-- docs/finance.md "Money" and "Reversing an entry").
--
-- 1. A reversal (tegenboeking) is an entry of the opposite amount that points at the entry it takes back.
--    Entries are never deleted or edited: a wrong one stays and is netted out. One live (not rejected)
--    reversal per entry; the service checks that it mirrors the original (line, kind, commitment, amount).
ALTER TABLE finance_entries ADD COLUMN reverses_id uuid REFERENCES finance_entries (id);
ALTER TABLE finance_entries DROP CONSTRAINT finance_entries_amount_cents_check;
ALTER TABLE finance_entries ADD CONSTRAINT finance_entries_sign CHECK ((reverses_id IS NULL AND amount_cents > 0) OR (reverses_id IS NOT NULL AND amount_cents < 0));
CREATE UNIQUE INDEX finance_entries_one_reversal ON finance_entries (reverses_id) WHERE reverses_id IS NOT NULL AND status <> 'rejected';

-- 2. Caps (the API refuses more with 422 first): € 1.000.000.000 (1e11 cents) per booking, budget line,
--    allocation and threshold; € 10.000.000.000 (1e12 cents) per funding source, tranche and proposal amount.
--    NOT VALID: rows from before the caps stay readable, and a wrong one can still be reversed.
ALTER TABLE finance_entries ADD CONSTRAINT finance_entries_amount_cap CHECK (reverses_id IS NOT NULL OR amount_cents <= 100000000000) NOT VALID;
ALTER TABLE budget_lines ADD CONSTRAINT budget_lines_amount_cap CHECK (amount_cents <= 100000000000) NOT VALID;
ALTER TABLE budget_allocations ADD CONSTRAINT budget_allocations_amount_cap CHECK (amount_cents <= 100000000000) NOT VALID;
ALTER TABLE funding_sources ADD CONSTRAINT funding_sources_total_cap CHECK (total_cents <= 1000000000000) NOT VALID;
ALTER TABLE funding_tranches ADD CONSTRAINT funding_tranches_amount_cap CHECK (amount_cents <= 1000000000000 AND received_cents <= 1000000000000) NOT VALID;
ALTER TABLE budget_proposals ADD CONSTRAINT budget_proposals_investment_cap CHECK (investment_cents <= 1000000000000) NOT VALID;
ALTER TABLE budget_proposal_years ADD CONSTRAINT budget_proposal_years_operating_cap CHECK (operating_cents <= 1000000000000) NOT VALID;
ALTER TABLE finance_settings ADD CONSTRAINT finance_settings_value_cap CHECK (value <= 100000000000) NOT VALID;
ALTER TABLE finance_setting_changes ADD CONSTRAINT finance_setting_changes_to_cap CHECK (to_value <= 100000000000) NOT VALID;
