/**
 * Whether one polygon (its outer ring and holes) is invalid by self-intersection, in O(n log n) for n edges:
 * a sweep line (Shamos–Hoey) instead of comparing edges pairwise. A pairwise check is quadratic on a comb
 * (every tooth spans the same x-range; turned 45°, the same bounding box), and one 0.5 MB comb kept the
 * server busy for 17 seconds.
 *
 * Two edges conflict (`edgesConflict`) when they cross in a point inside both, or, within one ring, when they
 * touch or overlap at all — except the two neighbours of a vertex, which share it. A hole may touch its shell
 * or another hole. Repeated consecutive positions are dropped first (they are not a self-intersection).
 *
 * The sweep visits the edge end points in (x, y) order and keeps the edges it crosses ordered bottom to top.
 * Edges that do not conflict never change order, so the first conflict in sweep order is found either
 * between two edges that become neighbours, or among the edges meeting at an end point, which is why every
 * end point also checks the edges that pass through it.
 */
export function polygonSelfIntersects(rings: readonly (readonly (readonly number[])[])[]): boolean {
  const edges = edgesOf(rings);
  if (edges.count < 2) return false;
  return new Sweep(edges).findConflict();
}

interface Edges {
  count: number;
  /** Left (lexicographically smaller) and right end points. */
  lx: Float64Array;
  ly: Float64Array;
  rx: Float64Array;
  ry: Float64Array;
  ring: Int32Array;
  /** Position of the edge in its ring, and the number of edges of that ring (for "neighbours"). */
  index: Int32Array;
  ringSize: Int32Array;
}

function edgesOf(rings: readonly (readonly (readonly number[])[])[]): Edges {
  let capacity = 0;
  for (const ring of rings) capacity += Math.max(0, ring.length - 1);
  const e: Edges = {
    count: 0,
    lx: new Float64Array(capacity),
    ly: new Float64Array(capacity),
    rx: new Float64Array(capacity),
    ry: new Float64Array(capacity),
    ring: new Int32Array(capacity),
    index: new Int32Array(capacity),
    ringSize: new Int32Array(rings.length),
  };
  rings.forEach((ring, r) => {
    const start = e.count;
    let px = NaN;
    let py = NaN;
    for (const position of ring) {
      const x = position[0] ?? NaN;
      const y = position[1] ?? NaN;
      if (x === px && y === py) continue;
      if (!Number.isNaN(px)) {
        const i = e.count;
        const leftFirst = px < x || (px === x && py < y);
        e.lx[i] = leftFirst ? px : x;
        e.ly[i] = leftFirst ? py : y;
        e.rx[i] = leftFirst ? x : px;
        e.ry[i] = leftFirst ? y : py;
        e.ring[i] = r;
        e.index[i] = i - start;
        e.count += 1;
      }
      px = x;
      py = y;
    }
    e.ringSize[r] = e.count - start;
  });
  return e;
}

/** The sign of the turn a → b → c: 1 left (c above a line going right), −1 right, 0 on the line. */
export function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function within(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/**
 * The conflict rule for two edges s and t (end points a, b), as the pairwise check always applied it:
 * crossing edges always conflict; within one ring touching does too, except for the two edges of a vertex.
 */
export function edgesConflict(
  s: { ax: number; ay: number; bx: number; by: number; ring: number; index: number },
  t: { ax: number; ay: number; bx: number; by: number; ring: number; index: number },
  ringSize: number,
): boolean {
  const sameRing = s.ring === t.ring;
  if (sameRing) {
    const gap = Math.abs(s.index - t.index);
    if (gap === 1 || gap === ringSize - 1) return false;
  }
  const o1 = orientation(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orientation(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orientation(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  if (!sameRing) return false;
  return (
    (o1 === 0 && within(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) ||
    (o2 === 0 && within(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) ||
    (o3 === 0 && within(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) ||
    (o4 === 0 && within(t.ax, t.ay, t.bx, t.by, s.bx, s.by))
  );
}

const NONE = -1;

/**
 * The sweep status: a treap of edges ordered bottom to top, with parent links for neighbour steps. Arrays
 * instead of node objects: a feature may have a hundred thousand edges.
 */
class Sweep {
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly parent: Int32Array;
  private readonly priority: Float64Array;
  private readonly inStatus: Uint8Array;
  private root = NONE;
  private seed = 0x9e3779b9;

  constructor(private readonly e: Edges) {
    const n = e.count;
    this.left = new Int32Array(n).fill(NONE);
    this.right = new Int32Array(n).fill(NONE);
    this.parent = new Int32Array(n).fill(NONE);
    this.priority = new Float64Array(n);
    this.inStatus = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) this.priority[i] = this.random();
  }

  /** A small deterministic generator: the same polygon always builds the same tree. */
  private random(): number {
    this.seed ^= this.seed << 13;
    this.seed ^= this.seed >>> 17;
    this.seed ^= this.seed << 5;
    return (this.seed >>> 0) / 4294967296;
  }

  findConflict(): boolean {
    const e = this.e;
    const n = e.count;
    // Events: 2i = edge i starts (its left end), 2i + 1 = edge i ends. Sorted by point, ends first.
    const events = new Int32Array(2 * n);
    for (let i = 0; i < 2 * n; i += 1) events[i] = i;
    const px = (ev: number) => ((ev & 1) === 0 ? e.lx[ev >> 1]! : e.rx[ev >> 1]!);
    const py = (ev: number) => ((ev & 1) === 0 ? e.ly[ev >> 1]! : e.ry[ev >> 1]!);
    events.sort((a, b) => px(a) - px(b) || py(a) - py(b) || (b & 1) - (a & 1) || a - b);

    const starting: number[] = [];
    const ending: number[] = [];
    for (let k = 0; k < events.length; ) {
      const x = px(events[k]!);
      const y = py(events[k]!);
      starting.length = 0;
      ending.length = 0;
      for (; k < events.length && px(events[k]!) === x && py(events[k]!) === y; k += 1) {
        const ev = events[k]!;
        if ((ev & 1) === 0) starting.push(ev >> 1);
        else ending.push(ev >> 1);
      }
      if (this.conflictAtPoint(x, y, starting)) return true;
      for (const edge of ending) {
        const below = this.previous(edge);
        const above = this.next(edge);
        this.remove(edge);
        if (below !== NONE && above !== NONE && this.conflict(below, above)) return true;
      }
      for (const edge of starting) {
        this.insert(edge);
        const below = this.previous(edge);
        const above = this.next(edge);
        if (below !== NONE && this.conflict(below, edge)) return true;
        if (above !== NONE && this.conflict(edge, above)) return true;
      }
    }
    return false;
  }

  private conflict(a: number, b: number): boolean {
    const e = this.e;
    return edgesConflict(
      { ax: e.lx[a]!, ay: e.ly[a]!, bx: e.rx[a]!, by: e.ry[a]!, ring: e.ring[a]!, index: e.index[a]! },
      { ax: e.lx[b]!, ay: e.ly[b]!, bx: e.rx[b]!, by: e.ry[b]!, ring: e.ring[b]!, index: e.index[b]! },
      e.ringSize[e.ring[a]!]!,
    );
  }

  /**
   * Every edge that has (x, y) on it — ending there, starting there, or passing through — checked against
   * the others there. Edges through the point lie next to each other in the status.
   */
  private conflictAtPoint(x: number, y: number, starting: readonly number[]): boolean {
    const e = this.e;
    const here: number[] = [];
    for (let node = this.lowestNotBelow(x, y); node !== NONE; node = this.next(node)) {
      if (orientation(e.lx[node]!, e.ly[node]!, e.rx[node]!, e.ry[node]!, x, y) !== 0) break;
      here.push(node);
    }
    here.push(...starting);
    if (here.length < 2) return false;
    // Through the point (not ending there): two that are not on one line cross in it. Checking each against
    // the first suffices: if two others cross, one of them is not on the first one's line either.
    let through = NONE;
    for (const edge of here) {
      const endsHere = (e.lx[edge] === x && e.ly[edge] === y) || (e.rx[edge] === x && e.ry[edge] === y);
      if (endsHere) continue;
      if (through === NONE) through = edge;
      else if (this.conflict(through, edge)) return true;
    }
    // Within one ring, any two edges meeting here that are not a vertex's two neighbours.
    here.sort((a, b) => e.ring[a]! - e.ring[b]!);
    for (let i = 0; i < here.length; i += 1) {
      for (let j = i + 1; j < here.length && e.ring[here[j]!] === e.ring[here[i]!]; j += 1) {
        if (this.conflict(here[i]!, here[j]!)) return true;
      }
    }
    return false;
  }

  /** Whether edge a lies below edge b where b starts (b is being inserted; a is in the status). */
  private below(a: number, b: number): boolean {
    const e = this.e;
    const o = orientation(e.lx[a]!, e.ly[a]!, e.rx[a]!, e.ry[a]!, e.lx[b]!, e.ly[b]!);
    if (o !== 0) return o > 0;
    // b starts on a: the direction decides; on one line, the order of the edges (any fixed order will do).
    const direction = orientation(e.lx[a]!, e.ly[a]!, e.rx[a]!, e.ry[a]!, e.rx[b]!, e.ry[b]!);
    if (direction !== 0) return direction > 0;
    return a < b;
  }

  /** The lowest edge in the status that the point is not above. */
  private lowestNotBelow(x: number, y: number): number {
    const e = this.e;
    let node = this.root;
    let found = NONE;
    while (node !== NONE) {
      if (orientation(e.lx[node]!, e.ly[node]!, e.rx[node]!, e.ry[node]!, x, y) > 0) node = this.right[node]!;
      else {
        found = node;
        node = this.left[node]!;
      }
    }
    return found;
  }

  private insert(edge: number): void {
    let node = this.root;
    let parent = NONE;
    let goRight = false;
    while (node !== NONE) {
      parent = node;
      goRight = this.below(node, edge);
      node = goRight ? this.right[node]! : this.left[node]!;
    }
    this.parent[edge] = parent;
    this.left[edge] = NONE;
    this.right[edge] = NONE;
    this.inStatus[edge] = 1;
    if (parent === NONE) this.root = edge;
    else if (goRight) this.right[parent] = edge;
    else this.left[parent] = edge;
    while (this.parent[edge] !== NONE && this.priority[this.parent[edge]!]! < this.priority[edge]!) this.rotateUp(edge);
  }

  private remove(edge: number): void {
    if (!this.inStatus[edge]) return;
    // Rotate down until it has at most one child, then splice it out.
    while (this.left[edge] !== NONE && this.right[edge] !== NONE) {
      const l = this.left[edge]!;
      const r = this.right[edge]!;
      this.rotateUp(this.priority[l]! > this.priority[r]! ? l : r);
    }
    const child = this.left[edge] !== NONE ? this.left[edge]! : this.right[edge]!;
    const parent = this.parent[edge]!;
    if (child !== NONE) this.parent[child] = parent;
    if (parent === NONE) this.root = child;
    else if (this.left[parent] === edge) this.left[parent] = child;
    else this.right[parent] = child;
    this.inStatus[edge] = 0;
    this.parent[edge] = this.left[edge] = this.right[edge] = NONE;
  }

  /** Turns node above its parent, keeping the order. */
  private rotateUp(node: number): void {
    const parent = this.parent[node]!;
    const grand = this.parent[parent]!;
    if (this.left[parent] === node) {
      const moved = this.right[node]!;
      this.left[parent] = moved;
      if (moved !== NONE) this.parent[moved] = parent;
      this.right[node] = parent;
    } else {
      const moved = this.left[node]!;
      this.right[parent] = moved;
      if (moved !== NONE) this.parent[moved] = parent;
      this.left[node] = parent;
    }
    this.parent[parent] = node;
    this.parent[node] = grand;
    if (grand === NONE) this.root = node;
    else if (this.left[grand] === parent) this.left[grand] = node;
    else this.right[grand] = node;
  }

  private next(node: number): number {
    if (this.right[node] !== NONE) {
      let n = this.right[node]!;
      while (this.left[n] !== NONE) n = this.left[n]!;
      return n;
    }
    let n = node;
    let p = this.parent[n]!;
    while (p !== NONE && this.right[p] === n) {
      n = p;
      p = this.parent[p]!;
    }
    return p;
  }

  private previous(node: number): number {
    if (this.left[node] !== NONE) {
      let n = this.left[node]!;
      while (this.right[n] !== NONE) n = this.right[n]!;
      return n;
    }
    let n = node;
    let p = this.parent[n]!;
    while (p !== NONE && this.left[p] === n) {
      n = p;
      p = this.parent[p]!;
    }
    return p;
  }
}
