-- A case's confidentiality was fixed when it was created, so a signal linked later did not raise it. Who may
-- see a case is now worked out from all of its signals at every read (docs/signals.md, "Cases"); the stored
-- level is kept in step on every link and retention run. This brings existing cases in step once.
UPDATE signal_cases SET confidentiality = highest.level
FROM (
  SELECT signal_case_signals.case_id,
         (ARRAY['internal', 'restricted', 'confidential'])[max(array_position(ARRAY['internal', 'restricted', 'confidential']::text[], signals.confidentiality))] AS level
  FROM signal_case_signals JOIN signals ON signals.id = signal_case_signals.signal_id
  GROUP BY signal_case_signals.case_id
) AS highest
WHERE signal_cases.id = highest.case_id AND signal_cases.confidentiality <> highest.level;
