import { COARSE_WORDS } from "./coarse.js";

/** Hour-of-week buckets in a coarse mask. */
export const BUCKETS = 168;

/**
 * Posting lists keyed by (tag, hour-of-week bucket): list `t * BUCKETS + b` holds every item
 * that has tag t and is free at some time in bucket b. Any two people who share a free cell
 * share its bucket, so visiting a person's buckets' lists for a tag reaches every item that
 * shares that tag and any free time with them — and skips the many who share none.
 */
export interface Postings {
  start: Int32Array;
  items: Int32Array;
}

/**
 * Items sorted by `key` descending (ties by index), keeping only those `keep` accepts: the
 * order to build postings in.
 */
export function orderByKey(key: Float64Array, keep: (i: number) => boolean): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < key.length; i++) if (keep(i)) idx.push(i);
  idx.sort((a, b) => (key[b] as number) - (key[a] as number) || a - b);
  return Int32Array.from(idx);
}

/** The set buckets of each coarse mask, as CSR. */
export function bucketLists(coarse: Uint32Array, count: number): Lists {
  const start = new Int32Array(count + 1);
  const tmp: number[] = [];
  for (let i = 0; i < count; i++) {
    for (let w = 0; w < COARSE_WORDS; w++) {
      let word = coarse[i * COARSE_WORDS + w] as number;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        tmp.push(w * 32 + bit);
        word &= word - 1;
      }
    }
    start[i + 1] = tmp.length;
  }
  return { start, items: Int32Array.from(tmp) };
}

/** CSR lists per item. */
export interface Lists {
  start: Int32Array;
  items: Int32Array;
}

/**
 * Builds postings from each item's tags and buckets, visiting items in `order` (items not in
 * it are left out), so every list comes out in that order.
 */
export function buildPostings(nTags: number, order: Int32Array, tags: Lists, buckets: Lists): Postings {
  const start = new Int32Array(nTags * BUCKETS + 1);
  for (const i of order) {
    for (let a = tags.start[i] as number; a < (tags.start[i + 1] as number); a++) {
      const base = (tags.items[a] as number) * BUCKETS + 1;
      for (let b = buckets.start[i] as number; b < (buckets.start[i + 1] as number); b++) {
        const k = base + (buckets.items[b] as number);
        start[k] = (start[k] as number) + 1;
      }
    }
  }
  for (let k = 1; k < start.length; k++) start[k] = (start[k] as number) + (start[k - 1] as number);
  const fill = start.slice(0, start.length - 1);
  const items = new Int32Array(start[start.length - 1] as number);
  for (const i of order) {
    for (let a = tags.start[i] as number; a < (tags.start[i + 1] as number); a++) {
      const base = (tags.items[a] as number) * BUCKETS;
      for (let b = buckets.start[i] as number; b < (buckets.start[i + 1] as number); b++) {
        const k = base + (buckets.items[b] as number);
        const at = fill[k] as number;
        items[at] = i;
        fill[k] = at + 1;
      }
    }
  }
  return { start, items };
}

/**
 * For each position of `post`, the end of its run: the positions after it in the same list
 * whose items have the same `key`. Lists built in `key` order are runs of ties.
 */
export function tieRuns(post: Postings, key: Float64Array): Int32Array {
  const runEnd = new Int32Array(post.items.length);
  const lists = post.start.length - 1;
  for (let l = 0; l < lists; l++) {
    const s = post.start[l] as number;
    for (let i = (post.start[l + 1] as number) - 1; i >= s; i--) {
      const next = i + 1;
      runEnd[i] =
        next < (post.start[l + 1] as number) && key[post.items[next] as number] === key[post.items[i] as number]
          ? (runEnd[next] as number)
          : next;
    }
  }
  return runEnd;
}
