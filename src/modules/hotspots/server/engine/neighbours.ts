/**
 * Neighbour lists in compressed sparse row form: the neighbours of cell i are
 * indices[offsets[i] .. offsets[i + 1]). A cell is never listed as its own neighbour here; Gi* adds it itself.
 * Typed arrays keep a million cells in a few tens of megabytes and let the statistics run in one pass.
 */
export interface Neighbours {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly indices: Int32Array;
}

/** Builds the compressed form from per-cell lists; duplicates and self-references are dropped, order sorted. */
export function neighboursFromLists(lists: readonly (readonly number[])[]): Neighbours {
  const n = lists.length;
  const offsets = new Int32Array(n + 1);
  const cleaned: number[][] = lists.map((list, i) => [...new Set(list)].filter((j) => j !== i && j >= 0 && j < n).sort((a, b) => a - b));
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + cleaned[i]!.length;
  const indices = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) indices.set(cleaned[i]!, offsets[i]!);
  return { n, offsets, indices };
}

export function degreeOf(neighbours: Neighbours, i: number): number {
  return neighbours.offsets[i + 1]! - neighbours.offsets[i]!;
}

export function neighbourListsOf(neighbours: Neighbours): number[][] {
  const lists: number[][] = [];
  for (let i = 0; i < neighbours.n; i++) lists.push(Array.from(neighbours.indices.subarray(neighbours.offsets[i]!, neighbours.offsets[i + 1]!)));
  return lists;
}
