/**
 * Small-number suppression of survey results (docs/survey.md, "Suppression").
 *
 * A table of counts is a set of cells (area × channel) tied by linear equations: a wijk is the sum of its
 * buurten, the survey's total the sum of its wijken, and "all channels" the sum of 'code' and 'open'. A cell
 * with fewer respondents than the threshold is suppressed (primary). That alone is not enough: when exactly
 * one cell of an equation is unknown, it follows from the others by subtraction. So (secondary) in every
 * equation either no cell or at least two cells are suppressed; and the suppressed members of an equation
 * together hold no respondents or at least the threshold, or their sum (and the mean of those few people)
 * would follow by subtraction. Where an equation breaks either rule, its smallest published member (fewest
 * respondents, then by id; the total when no member is left) is suppressed too, and this is repeated until
 * every equation holds, since a secondary suppression can break another equation the cell belongs to.
 */

export interface SuppressionGroup {
  /** The cell that is the sum of the members. */
  total: string;
  members: readonly string[];
}

export function suppressCells(counts: ReadonlyMap<string, number>, groups: readonly SuppressionGroup[], threshold: number): Set<string> {
  const suppressed = new Set<string>();
  for (const [id, n] of counts) if (n < threshold) suppressed.add(id);
  const size = (id: string) => counts.get(id) ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      if (group.members.length === 0) continue;
      const cells = [group.total, ...group.members];
      const hidden = group.members.filter((id) => suppressed.has(id));
      const hiddenRespondents = hidden.reduce((sum, id) => sum + size(id), 0);
      const alone = cells.filter((id) => suppressed.has(id)).length === 1;
      const tooFewTogether = hiddenRespondents > 0 && hiddenRespondents < threshold;
      if (!alone && !tooFewTogether) continue;
      const candidates = group.members.filter((id) => !suppressed.has(id)).sort((a, b) => size(a) - size(b) || (a < b ? -1 : a > b ? 1 : 0));
      const next = candidates[0] ?? group.total;
      if (suppressed.has(next)) continue;
      suppressed.add(next);
      changed = true;
    }
  }
  return suppressed;
}

/**
 * What an attacker can work out from the published cells: repeatedly solve any equation that has exactly
 * one unknown cell. Returns the suppressed cells that become known this way (empty when suppression holds).
 * Used by the tests as the derivation attack.
 */
export function deriveSuppressed(counts: ReadonlyMap<string, number>, groups: readonly SuppressionGroup[], suppressed: ReadonlySet<string>): Map<string, number> {
  const known = new Map<string, number>();
  for (const [id, n] of counts) if (!suppressed.has(id)) known.set(id, n);
  const derived = new Map<string, number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const cells = [group.total, ...group.members];
      const unknown = cells.filter((id) => !known.has(id));
      if (unknown.length !== 1) continue;
      const [cell] = unknown as [string];
      const membersKnown = group.members.reduce((sum, id) => sum + (known.get(id) ?? 0), 0);
      const value = cell === group.total ? membersKnown : (known.get(group.total) ?? 0) - membersKnown;
      known.set(cell, value);
      derived.set(cell, value);
      changed = true;
    }
  }
  return derived;
}

/** The areas of a survey's results: its buurten, grouped by wijk, and the survey's total. */
export interface AreaTree {
  totalCode: string;
  wijken: ReadonlyMap<string, readonly string[]>;
}

export const cellId = (areaCode: string, channel: string) => `${areaCode}|${channel}`;

/** The equations of one count table over the area tree and the channels: per channel the hierarchy, per area all = code + open. */
export function surveyGroups(tree: AreaTree, channels: readonly string[] = ['code', 'open'], allChannel = 'all'): SuppressionGroup[] {
  const groups: SuppressionGroup[] = [];
  const areas = [tree.totalCode, ...tree.wijken.keys(), ...[...tree.wijken.values()].flat()];
  for (const channel of [...channels, allChannel]) {
    for (const [wijk, buurten] of tree.wijken) groups.push({ total: cellId(wijk, channel), members: buurten.map((b) => cellId(b, channel)) });
    groups.push({ total: cellId(tree.totalCode, channel), members: [...tree.wijken.keys()].map((w) => cellId(w, channel)) });
  }
  for (const area of areas) groups.push({ total: cellId(area, allChannel), members: channels.map((c) => cellId(area, c)) });
  return groups;
}
