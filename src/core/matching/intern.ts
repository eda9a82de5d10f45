import type { TagWeights } from "./weights.js";

/** CSR lists of ints: list i is items[start[i] … start[i+1]−1]. */
export interface IntLists {
  start: Int32Array;
  items: Int32Array;
}

/**
 * Interns both sides' tags in one pass over the raw strings: each distinct raw tag is
 * canonicalized once, canonical names get ids in name order, and each person's list holds the
 * ids of their distinct canonical tags in first-seen order (as `canonicalTags` would list them).
 */
export function internTags(
  sides: readonly (readonly { tags: readonly string[] }[])[],
  w: TagWeights,
): { tagNames: string[]; lists: IntLists[] } {
  const rawName = new Map<string, string>();
  for (const people of sides) {
    for (const p of people) {
      for (const t of p.tags) if (!rawName.has(t)) rawName.set(t, w.canonical ? w.canonical(t) : t);
    }
  }
  const tagNames = [...new Set(rawName.values())].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const nameId = new Map(tagNames.map((t, i) => [t, i]));
  const rawId = new Map<string, number>();
  for (const [raw, name] of rawName) rawId.set(raw, nameId.get(name) as number);
  const lists = sides.map((people) => {
    const start = new Int32Array(people.length + 1);
    let total = 0;
    for (const p of people) total += p.tags.length;
    const items = new Int32Array(total);
    let n = 0;
    people.forEach((p, i) => {
      const s = n;
      for (const t of p.tags) {
        const id = rawId.get(t) as number;
        let dup = false;
        for (let k = s; k < n && !dup; k++) dup = items[k] === id;
        if (!dup) items[n++] = id;
      }
      start[i + 1] = n;
    });
    return { start, items: items.slice(0, n) };
  });
  return { tagNames, lists };
}

/** Sorts each list in place by `before` (insertion sort: lists are a few tags long). */
export function sortEachList(lists: IntLists, before: (a: number, b: number) => boolean): void {
  const { start, items } = lists;
  for (let i = 0; i + 1 < start.length; i++) {
    const s0 = start[i] as number;
    for (let j = s0 + 1; j < (start[i + 1] as number); j++) {
      const id = items[j] as number;
      let k = j;
      while (k > s0 && before(id, items[k - 1] as number)) {
        items[k] = items[k - 1] as number;
        k--;
      }
      items[k] = id;
    }
  }
}

/** Volunteer indices each request excludes, as CSR: the seeker's own index first (when a volunteer), then `excluded`. */
export function internExclusions(
  askers: readonly { seekerId: string; excluded: ReadonlySet<string> }[],
  volunteerIds: readonly string[],
): IntLists {
  const volIndex = new Map<string, number>();
  volunteerIds.forEach((id, i) => {
    volIndex.set(id, i);
  });
  const start = new Int32Array(askers.length + 1);
  const items: number[] = [];
  askers.forEach((a, r) => {
    const self = volIndex.get(a.seekerId);
    if (self !== undefined) items.push(self);
    if (a.excluded.size > 0) {
      for (const id of a.excluded) {
        const v = volIndex.get(id);
        if (v !== undefined && v !== self) items.push(v);
      }
    }
    start[r + 1] = items.length;
  });
  return { start, items: Int32Array.from(items) };
}
