import * as coarse from "../coarse.js";
import { MinHeap } from "../heap.js";
import { internTags } from "../intern.js";
import { tagUnits } from "../score.js";
import * as weights from "../weights.js";
import type { TagWeights } from "../weights.js";
import { edgeList, type PeerEdges } from "./edge-list.js";
import { TopK } from "./top-k.js";

// Imported bindings used in hot loops are copied once: some loaders read imports through getters.
const pop32 = coarse.pop32;
const BASE_UNITS = weights.BASE_UNITS;
const availabilityUnits = weights.availabilityUnits;
const AVAILABILITY_MAX_UNITS = weights.AVAILABILITY_MAX_UNITS;

/** A member of a peer round as the pairing sees them. */
export interface PeerMember {
  tags: readonly string[];
  /** Availability over the round's cells, one bit per hour cell (bit c of word c >> 5). */
  free: Uint32Array;
  /** Team, cohort or similar; members of different groups may earn a bonus. */
  group: string | null;
}

/** How the candidate graph is built. */
export interface PeerEdgeOptions {
  weights: TagWeights;
  /** True when a and b may not be paired (met within the repeat window, blocked either way). Asked both ways. */
  excluded: (a: number, b: number) => boolean;
  /** Units added when both members have a group and the groups differ; 0 turns it off. */
  crossGroupBonus: number;
  /** Each member keeps its best this many edges (an edge survives if either end keeps it); default 24. */
  perMember?: number;
}

/** The default number of edges each member keeps. */
export const PEER_EDGES_PER_MEMBER = 24;

/**
 * The candidate graph of a peer round. Two members may be paired when they are not excluded
 * and share at least one free hour; such a pair weighs, in integer units of the seeker →
 * volunteer score, 1 point (base) + the rarity weights of their shared tags +
 * `availabilityUnits(shared free hours)` + the cross-group bonus. No shared tag is needed.
 *
 * Kept edges: each member ranks its allowed pairs by weight, then by the partner's lower index,
 * and keeps exactly the first `perMember` of that order; an edge is in the graph when either end
 * keeps it, once, with u < v. The search is exact for that rule but sub-quadratic in practice:
 * partners sharing a tag are reached through per-tag lists, rarest tag first, each list ordered
 * by its members' total tag weight, and left as soon as no later partner can beat the current
 * k-th best (it could share at most the smaller of both sides' remaining tag weight); partners sharing no tag (worth at most base +
 * full availability + bonus) are only looked for when needed, through per-hour lists merged in
 * index order, stopping once k such partners at that maximum have been found.
 */
export function peerEdges(members: readonly PeerMember[], opts: PeerEdgeOptions): PeerEdges {
  const n = members.length;
  const k = Math.max(0, Math.floor(opts.perMember ?? PEER_EDGES_PER_MEMBER));
  const bonus = Math.max(0, Math.round(opts.crossGroupBonus));
  const out = edgeList(Math.max(16, n * Math.min(k, 32)));
  if (n < 2 || k === 0) return out.done();
  const ix = indexMembers(members, opts.weights);
  const top = new TopK(k);
  const seen = new Int32Array(n).fill(-1);
  const kept = new Int32Array(n * k).fill(-1);
  const keptCount = new Int32Array(n);
  const merge = new MinHeap(64);
  const allowed = (i: number, j: number): boolean => !(opts.excluded(i, j) || opts.excluded(j, i));
  const bonusOf = (i: number, j: number): number => {
    const a = ix.group[i] as number;
    const b = ix.group[j] as number;
    return bonus > 0 && a >= 0 && b >= 0 && a !== b ? bonus : 0;
  };
  for (let i = 0; i < n; i++) {
    top.reset();
    seen[i] = i;
    const bestBonus = bonus > 0 && (ix.group[i] as number) >= 0 ? bonus : 0;
    const t0 = ix.tags.start[i] as number;
    const t1 = ix.tags.start[i + 1] as number;
    // Partners sharing a tag; ix.tags lists i's tags rarest first, suffix[j] sums tags j….
    for (let a = t0; a < t1; a++) {
      const reach = BASE_UNITS + (ix.suffix[a] as number) + AVAILABILITY_MAX_UNITS + bestBonus;
      if (top.full && reach < top.worst) break;
      const t = ix.tags.items[a] as number;
      const suffix = ix.suffix[a] as number;
      for (let q = ix.byTag.start[t] as number; q < (ix.byTag.start[t + 1] as number); q++) {
        const j = ix.byTag.items[q] as number;
        // Lists run by the members' total tag units, descending: j shares at most min(suffix, total[j]).
        if (top.full && BASE_UNITS + Math.min(suffix, ix.total[j] as number) + AVAILABILITY_MAX_UNITS + bestBonus < top.worst) break;
        if (seen[j] === i) continue;
        seen[j] = i;
        const hours = sharedHours(ix, i, j);
        if (hours === 0 || !allowed(i, j)) continue;
        top.offer(j, BASE_UNITS + sharedTagUnits(ix, i, j) + availabilityUnits(hours) + bonusOf(i, j));
      }
    }
    // Partners sharing no tag, in index order, while they could still enter.
    const noTagMax = BASE_UNITS + AVAILABILITY_MAX_UNITS + bestBonus;
    if (!top.full || top.worst <= noTagMax) {
      merge.clear();
      const c0 = ix.cells.start[i] as number;
      const c1 = ix.cells.start[i + 1] as number;
      const head = ix.cursor;
      for (let c = c0; c < c1; c++) {
        const cell = ix.cells.items[c] as number;
        head[c] = ix.byCell.start[cell] as number;
        if ((head[c] as number) < (ix.byCell.start[cell + 1] as number)) merge.push(ix.byCell.items[head[c] as number] as number, c);
      }
      while (merge.size > 0) {
        const j = merge.peekKey();
        if (top.full && top.worst >= noTagMax) break;
        let hours = 0;
        while (merge.size > 0 && merge.peekKey() === j) {
          const c = merge.pop();
          hours++;
          const cell = ix.cells.items[c] as number;
          const next = (head[c] as number) + 1;
          head[c] = next;
          if (next < (ix.byCell.start[cell + 1] as number)) merge.push(ix.byCell.items[next] as number, c);
        }
        if (seen[j] === i) continue;
        seen[j] = i;
        if (!allowed(i, j)) continue;
        top.offer(j, BASE_UNITS + availabilityUnits(hours) + bonusOf(i, j));
      }
    }
    for (let q = 0; q < top.size; q++) kept[i * k + q] = top.partner[q] as number;
    keptCount[i] = top.size;
  }
  const keeps = (x: number, y: number): boolean => {
    for (let q = 0; q < (keptCount[x] as number); q++) if (kept[x * k + q] === y) return true;
    return false;
  };
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let q = 0; q < (keptCount[i] as number); q++) row.push(kept[i * k + q] as number);
    row.sort((a, b) => a - b);
    for (const j of row) {
      if (j < i && keeps(j, i)) continue; // already added from j's side
      const hours = sharedHours(ix, i, j);
      out.add(Math.min(i, j), Math.max(i, j), BASE_UNITS + sharedTagUnits(ix, i, j) + availabilityUnits(hours) + bonusOf(i, j));
    }
  }
  return out.done();
}

/** Interned tags, packed masks and the per-tag and per-hour member lists. */
interface MemberIndex {
  words: number;
  bits: Uint32Array;
  /** Each member's tag ids, rarest (heaviest) first, ties by id. */
  tags: { start: Int32Array; items: Int32Array };
  /** suffix[a] = units of tags a … end of that member's list. */
  suffix: Float64Array;
  units: Float64Array;
  /** Each member's summed tag units. */
  total: Float64Array;
  /** Per tag, its members by total tag units descending, ties by index. */
  byTag: { start: Int32Array; items: Int32Array };
  /** Each member's free hour cells. */
  cells: { start: Int32Array; items: Int32Array };
  byCell: { start: Int32Array; items: Int32Array };
  cursor: Int32Array;
  group: Int32Array;
}

function indexMembers(members: readonly PeerMember[], w: TagWeights): MemberIndex {
  const n = members.length;
  const { tagNames, lists } = internTags([members], w);
  const tags = lists[0] ?? { start: new Int32Array(n + 1), items: new Int32Array(0) };
  const units = Float64Array.from(tagNames, (t) => tagUnits(t, w));
  const items = tags.items;
  const suffix = new Float64Array(items.length);
  for (let i = 0; i < n; i++) {
    const s = tags.start[i] as number;
    const e = tags.start[i + 1] as number;
    const own = Array.from(items.subarray(s, e)).sort((a, b) => (units[b] as number) - (units[a] as number) || a - b);
    let sum = 0;
    for (let q = own.length - 1; q >= 0; q--) {
      items[s + q] = own[q] as number;
      sum += units[own[q] as number] as number;
      suffix[s + q] = sum;
    }
  }
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++)
    total[i] = (tags.start[i + 1] as number) > (tags.start[i] as number) ? (suffix[tags.start[i] as number] as number) : 0;
  const byTag = invert(tags, tagNames.length, n);
  for (let t = 0; t < tagNames.length; t++) {
    const list = byTag.items.subarray(byTag.start[t] as number, byTag.start[t + 1] as number);
    list.set(Array.from(list).sort((a, b) => (total[b] as number) - (total[a] as number) || a - b));
  }
  let words = 0;
  for (const m of members) words = Math.max(words, m.free.length);
  const bits = new Uint32Array(n * words);
  const cellList: number[] = [];
  const cellStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const f = (members[i] as PeerMember).free;
    for (let x = 0; x < f.length; x++) {
      let word = f[x] as number;
      bits[i * words + x] = word;
      while (word !== 0) {
        cellList.push(x * 32 + (31 - Math.clz32(word & -word)));
        word &= word - 1;
      }
    }
    cellStart[i + 1] = cellList.length;
  }
  const cells = { start: cellStart, items: Int32Array.from(cellList) };
  const byCell = invert(cells, words * 32, n);
  const groupIds = new Map<string, number>();
  const group = Int32Array.from(members, (m) => {
    if (m.group === null) return -1;
    let id = groupIds.get(m.group);
    if (id === undefined) {
      id = groupIds.size;
      groupIds.set(m.group, id);
    }
    return id;
  });
  return { words, bits, tags, suffix, units, total, byTag, cells, byCell, cursor: new Int32Array(cellList.length), group };
}

/** Inverts per-member lists of keys into per-key lists of members, each in member order. */
function invert(lists: { start: Int32Array; items: Int32Array }, keys: number, n: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(keys + 1);
  for (let q = 0; q < lists.items.length; q++) {
    const key = lists.items[q] as number;
    start[key + 1] = (start[key + 1] as number) + 1;
  }
  for (let x = 0; x < keys; x++) start[x + 1] = (start[x + 1] as number) + (start[x] as number);
  const fill = start.slice(0, keys);
  const items = new Int32Array(lists.items.length);
  for (let i = 0; i < n; i++) {
    for (let q = lists.start[i] as number; q < (lists.start[i + 1] as number); q++) {
      const key = lists.items[q] as number;
      items[fill[key] as number] = i;
      fill[key] = (fill[key] as number) + 1;
    }
  }
  return { start, items };
}

function sharedHours(ix: MemberIndex, i: number, j: number): number {
  let h = 0;
  const a = i * ix.words;
  const b = j * ix.words;
  for (let x = 0; x < ix.words; x++) {
    const v = (ix.bits[a + x] as number) & (ix.bits[b + x] as number);
    if (v !== 0) h += pop32(v);
  }
  return h;
}

function sharedTagUnits(ix: MemberIndex, i: number, j: number): number {
  let sum = 0;
  for (let a = ix.tags.start[i] as number; a < (ix.tags.start[i + 1] as number); a++) {
    const t = ix.tags.items[a] as number;
    for (let b = ix.tags.start[j] as number; b < (ix.tags.start[j + 1] as number); b++) {
      if (ix.tags.items[b] === t) {
        sum += ix.units[t] as number;
        break;
      }
    }
  }
  return sum;
}
