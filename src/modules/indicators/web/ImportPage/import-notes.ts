/** The parts of an import report worth a sentence on the import page (docs/figures.md, "Imports"). */
export interface ImportNote {
  key: 'olderBoundariesNote' | 'crosswalkNote';
  values: Record<string, number>;
}

interface OlderBoundariesTotal {
  year: number;
  boundaryYear: number;
  areas: number;
  values: number;
}

const isTotal = (value: unknown): value is OlderBoundariesTotal =>
  typeof value === 'object' && value !== null && ['year', 'boundaryYear', 'areas', 'values'].every((key) => typeof (value as Record<string, unknown>)[key] === 'number');

/** Figures that sit on an earlier year's boundaries (one note per year), and a boundary change's crosswalk. */
export function importNotes(report: Record<string, unknown>): ImportNote[] {
  const notes: ImportNote[] = [];
  const older = report.olderBoundaries as { byYear?: unknown } | undefined;
  for (const total of Array.isArray(older?.byYear) ? older.byYear.filter(isTotal) : []) {
    notes.push({ key: 'olderBoundariesNote', values: { values: total.values, year: total.year, boundaryYear: total.boundaryYear, count: total.areas } });
  }
  if (typeof report.links === 'number' && typeof report.year === 'number' && typeof report.oldCodes === 'number' && typeof report.newCodes === 'number') {
    notes.push({ key: 'crosswalkNote', values: { year: report.year, old: report.oldCodes, new: report.newCodes } });
  }
  return notes;
}
