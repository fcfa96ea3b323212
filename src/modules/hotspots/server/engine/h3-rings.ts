import type { Neighbours } from './neighbours.js';
import { h3 } from './h3.js';

/** Neighbours of H3 cells: the other cells of the study area within k grid steps (`gridDisk(cell, k)`). */
export function ringNeighbours(cells: readonly string[], k: number): Neighbours {
  const n = cells.length;
  const indexOf = new Map<string, number>();
  cells.forEach((cell, i) => indexOf.set(cell, i));
  const offsets = new Int32Array(n + 1);
  const collected: number[] = [];
  for (let i = 0; i < n; i++) {
    const found: number[] = [];
    for (const other of h3().gridDisk(cells[i]!, k)) {
      const j = indexOf.get(other);
      if (j !== undefined && j !== i) found.push(j);
    }
    found.sort((a, b) => a - b);
    for (const j of found) collected.push(j);
    offsets[i + 1] = collected.length;
  }
  return { n, offsets, indices: Int32Array.from(collected) };
}
