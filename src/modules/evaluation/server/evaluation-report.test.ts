import { describe, expect, it } from 'vitest';
import type { CriterionView, EvaluationDetail, EvidenceItem } from '../contract.js';
import { evaluationReport } from './evaluation-report.js';

/** The evaluation's document model: what it says, and what it keeps back from a requester who may not see it. */

const evidence = (over: Partial<EvidenceItem>): EvidenceItem => ({ id: '00000000-0000-4000-8000-000000000001', kind: 'document', label: 'Wijkschouw', note: '', url: null, addedBy: 'Demo Analist', mine: false, visible: true, figure: null, ...over });

const criterion = (over: Partial<CriterionView>): CriterionView => ({
  id: '00000000-0000-4000-8000-000000000010',
  framework: 'platform31',
  title: 'Urgentie',
  explanation: 'Een gedeeld gevoel van urgentie.',
  conclusion: '',
  goal: null,
  myScore: null,
  summary: { median: 3.5, spread: 3, scored: 2, notAssessable: 1, disagreement: true },
  scores: [
    { evaluatorName: 'Anna', score: 5, motivation: 'Breed gedragen' },
    { evaluatorName: 'Bram', score: 2, motivation: 'Vooral de gemeente' },
    { evaluatorName: 'Cas', score: null, motivation: '' },
  ],
  evidence: [],
  ...over,
});

const detail = (over: Partial<EvaluationDetail>): EvaluationDetail => ({
  id: '00000000-0000-4000-8000-000000000100',
  title: 'Tussenevaluatie',
  programmeId: '00000000-0000-4000-8000-000000000200',
  programmeName: 'Programma West',
  kind: 'interim',
  peildatum: '2026-11-30',
  status: 'scoring_closed',
  isDemo: false,
  leadName: 'Anna',
  evaluatorCount: 3,
  isEvaluator: false,
  areaName: 'West',
  lead: { id: '00000000-0000-4000-8000-000000000300', name: 'Anna' },
  isLead: false,
  evaluators: [
    { id: '00000000-0000-4000-8000-000000000300', name: 'Anna', submitted: true },
    { id: '00000000-0000-4000-8000-000000000301', name: 'Bram', submitted: true },
  ],
  submitted: false,
  scoresVisible: true,
  criteria: [criterion({})],
  factors: [],
  adoptedFactors: [],
  ...over,
});

const input = (evaluation: EvaluationDetail, establishedOn: string | null = null) => ({
  evaluation,
  frameworks: [{ code: 'platform31', name: 'Platform31 — zes lessen', source: 'Platform31, Werken aan opgaven in de wijk' }],
  municipalityName: 'Dordrecht',
  establishedOn,
  today: '2026-12-07',
});
const text = (doc: ReturnType<typeof evaluationReport>) => JSON.stringify(doc.blocks);

describe('the evaluation document', () => {
  it('says "Concept" in its title and first page until the evaluation is established', () => {
    const concept = evaluationReport(input(detail({})));
    expect(concept.title).toBe('Concept: Tussenevaluatie');
    expect(concept.fileName).toBe('evaluatie-tussenevaluatie-concept-2026-12-07');
    expect(text(concept)).toContain('Concept: deze evaluatie is nog niet vastgesteld');
    const established = evaluationReport(input(detail({ status: 'established' }), '2026-12-05'));
    expect(established.title).toBe('Tussenevaluatie');
    expect(text(established)).toContain('Vastgesteld op 5 december 2026');
    expect(text(established)).not.toContain('Concept');
  });

  it('gives the framework its source and each point its median, spread and scores with names', () => {
    const blocks = text(evaluationReport(input(detail({}))));
    expect(blocks).toContain('Bron: Platform31, Werken aan opgaven in de wijk');
    expect(blocks).toContain('Mediaan: 3,5; verschil hoogste en laagste: 3; 1 keer niet te beoordelen.');
    expect(blocks).toContain('["Anna","5 – Volledig","Breed gedragen"]');
    expect(blocks).toContain('["Cas","Niet te beoordelen","—"]');
    // Disagreement: the overview row is bold.
    expect(blocks).toContain('{"text":"Urgentie","bold":true}');
  });

  it('never describes evidence the requester may not see: no label, note or web address', () => {
    const hidden = evidence({ kind: 'decision', label: null, note: '', url: 'https://intern.example/geheim', visible: false });
    const shown = evidence({ label: 'Wijkschouw', url: 'https://example.org/schouw.pdf', note: 'Zie bijlage' });
    const figure = evidence({ kind: 'figure', label: 'Overlast — West (2024)', figure: { areaCode: 'WK1', indicator: 'overlast', year: 2024, value: 12.5, liveYear: 2025, liveValue: 11, unit: 'per 1.000' } });
    const blocks = text(evaluationReport(input(detail({ criteria: [criterion({ evidence: [hidden, shown, figure] })] }))));
    expect(blocks).toContain('Cijfer: Overlast — West (2024); bij koppelen 12,5 per 1.000 (2024), nu 11 per 1.000 (2025)');
    expect(blocks).toContain('Niet getoond: onderbouwing die de maker van dit document niet mag inzien.');
    expect(blocks).not.toContain('intern.example');
    expect(blocks).toContain('Document: Wijkschouw (https://example.org/schouw.pdf) — Zie bijlage (gekoppeld door Demo Analist)');
  });

  it('marks a demo evaluation illustrative', () => {
    const demo = evaluationReport(input(detail({ isDemo: true })));
    expect(text(demo)).toContain('Illustratief: deze evaluatie hoort bij de demo');
    expect(demo.subtitle).toContain('(illustratief)');
    expect(text(evaluationReport(input(detail({}))))).not.toContain('Illustratief');
  });

  it('shows a goal with its status and figures', () => {
    const goal = criterion({
      framework: 'programme_goals',
      title: 'Minder overlast',
      goal: { status: 'at_risk', indicatorName: 'Overlast', unit: 'per 1.000', decimals: 1, areaName: 'West', baseline: 12.5, target: 10, targetDate: '2030-01-01', latestValue: 11.25, latestPeriod: 2025 },
    });
    const blocks = text(evaluationReport(input(detail({ criteria: [goal] }))));
    expect(blocks).toContain('Stand van het doel op 7 december 2026: risico. Overlast in West: nu 11,3 per 1.000 (2025), start 12,5 per 1.000, doel 10 per 1.000 op 1 januari 2030.');
    const count = criterion({ framework: 'programme_goals', goal: { status: 'no_data', indicatorName: 'Inwoners', unit: 'aantal', decimals: 0, areaName: 'West', baseline: 6120, target: null, targetDate: '2030-01-01', latestValue: null, latestPeriod: null } });
    expect(text(evaluationReport(input(detail({ criteria: [count] }))))).toContain('geen gegevens. Inwoners in West: nog geen meting, start 6.120, doel nog niet bekend.');
  });
});
