import { PercolateError } from "../result.js";
import { CELL_MINUTES, popcount } from "../time/index.js";
import { canonicalTags, remainingCapacity, type Asker, type Candidate } from "./score.js";
import { AVAILABILITY_MAX_UNITS, availabilityUnits, feedbackUnits, loadUnits, SCALE, WEIGHTS, type TagWeights } from "./weights.js";
import { coarseMask, COARSE_WORDS } from "./coarse.js";
import { bucketLists, type Lists } from "./postings.js";

/** An open request in a batch. */
export type BatchAsker = Asker & { requestId: string };

/**
 * A batch in index form: requests and volunteers sorted by id, tags interned in name order,
 * every score part in integer units. Built once per `assignBatch` call.
 */
export interface MatchProblem {
  askers: readonly BatchAsker[];
  candidates: readonly Candidate[];
  nR: number;
  nV: number;
  tagNames: readonly string[];
  tagUnits: Float64Array;
  /** Request tags, rarest first (ties by id); `reqSuffix[i]` = Σ tag units from position i to the request's end. */
  reqTagStart: Int32Array;
  reqTags: Int32Array;
  reqSuffix: Float64Array;
  volTagStart: Int32Array;
  volTags: Int32Array;
  /** Hour-of-week buckets where each request / volunteer has some free time. */
  reqBuckets: Lists;
  volBuckets: Lists;
  /** Volunteer indices excluded per request (self included). */
  reqExclStart: Int32Array;
  reqExcl: Int32Array;
  rem: Int32Array;
  fbUnits: Float64Array;
  load1Units: Float64Array;
  /** Largest availability part each side could reach, in units. */
  reqAvailMax: Float64Array;
  volAvailMax: Float64Array;
  /** Free masks stored flat, `words` words each, request r at r·words. */
  words: number;
  reqBits: Uint32Array;
  volBits: Uint32Array;
  /** Cells of shared time at which the availability part stops growing. */
  cellCap: number;
  /** Hours per mask cell. */
  cellHours: number;
  reqCoarse: Uint32Array;
  volCoarse: Uint32Array;
  /** Hours one coarse bucket can hold at most. */
  bucketHours: number;
  slotStart: Int32Array;
  slotCost: Float64Array;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function csr(lists: readonly (readonly number[])[]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = (start[i] as number) + (lists[i]?.length ?? 0);
  const items = new Int32Array(start[lists.length] as number);
  for (let i = 0; i < lists.length; i++) items.set(lists[i] ?? [], start[i] as number);
  return { start, items };
}

/** Lists of names as a CSR of ids, each list insertion-sorted by `before` (lists are short). */
function internLists(
  lists: readonly (readonly string[])[],
  idOf: (t: string) => number,
  before: (a: number, b: number) => boolean,
): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = (start[i] as number) + (lists[i]?.length ?? 0);
  const items = new Int32Array(start[lists.length] as number);
  lists.forEach((l, i) => {
    const s0 = start[i] as number;
    l.forEach((t, j) => {
      const id = idOf(t);
      let k = s0 + j;
      while (k > s0 && before(id, items[k - 1] as number)) {
        items[k] = items[k - 1] as number;
        k--;
      }
      items[k] = id;
    });
  });
  return { start, items };
}

/** Items sorted by id (a no-op copy when already sorted). Throws PercolateError on duplicate ids. */
function canonicalOrder<T>(items: readonly T[], id: (x: T) => string, kind: string): T[] {
  let sorted = true;
  for (let i = 1; i < items.length && sorted; i++) sorted = id(items[i - 1] as T) < id(items[i] as T);
  const out = sorted ? [...items] : [...items].sort((a, b) => byId(id(a), id(b)));
  for (let i = 1; i < out.length; i++) {
    if (id(out[i] as T) === id(out[i - 1] as T)) throw new PercolateError(`duplicate ${kind} ${id(out[i] as T)}`);
  }
  return out;
}

/** Copies masks into one flat buffer: adjacent in memory, no per-mask objects in the hot loops. */
function packMasks(masks: readonly Uint32Array[], words: number): Uint32Array {
  const buf = new Uint32Array(masks.length * words);
  masks.forEach((m, i) => {
    buf.set(m, i * words);
  });
  return buf;
}

/** Builds the index form of a batch. Throws PercolateError on duplicate ids or masks from different grids. */
export function buildProblem(askersIn: readonly BatchAsker[], candidatesIn: readonly Candidate[], w: TagWeights): MatchProblem {
  const askers = canonicalOrder(askersIn, (a) => a.requestId, "request");
  const candidates = canonicalOrder(candidatesIn, (c) => c.volunteerId, "volunteer");
  const words = askers[0]?.freeMask.length ?? candidates[0]?.freeMask.length ?? 0;
  for (const x of [...askers, ...candidates]) {
    if (x.freeMask.length !== words) throw new PercolateError("free masks from different grids in one batch");
  }
  const nR = askers.length;
  const nV = candidates.length;

  const reqTagNames = askers.map((a) => canonicalTags(a.tags, w));
  const volTagNames = candidates.map((c) => canonicalTags(c.tags, w));
  const nameSet = new Set<string>();
  for (const list of [...reqTagNames, ...volTagNames]) for (const t of list) nameSet.add(t);
  const tagNames = [...nameSet].sort(byId);
  const tagId = new Map(tagNames.map((t, i) => [t, i]));
  const tagUnits = Float64Array.from(tagNames, (t) => Math.round(w.weight(t) * SCALE));
  const idOf = (t: string): number => tagId.get(t) as number;

  // request tags rarest first (ties by id), volunteer tags by id
  const { start: reqTagStart, items: reqTags } = internLists(
    reqTagNames,
    idOf,
    (a, b) => (tagUnits[a] as number) > (tagUnits[b] as number) || (tagUnits[a] === tagUnits[b] && a < b),
  );
  const reqSuffix = new Float64Array(reqTags.length);
  for (let r = 0; r < nR; r++) {
    let acc = 0;
    for (let i = (reqTagStart[r + 1] as number) - 1; i >= (reqTagStart[r] as number); i--) {
      acc += tagUnits[reqTags[i] as number] as number;
      reqSuffix[i] = acc;
    }
  }
  const { start: volTagStart, items: volTags } = internLists(volTagNames, idOf, (a, b) => a < b);

  const rem = Int32Array.from(candidates, (c) => remainingCapacity(c));

  const volIndex = new Map(candidates.map((c, i) => [c.volunteerId, i]));
  const excl = askers.map((a) => {
    const out: number[] = [];
    const self = volIndex.get(a.seekerId);
    if (self !== undefined) out.push(self);
    for (const id of a.excluded) {
      const v = volIndex.get(id);
      if (v !== undefined && v !== self) out.push(v);
    }
    return out;
  });
  const { start: reqExclStart, items: reqExcl } = csr(excl);

  const fbUnits = Float64Array.from(candidates, (c) => feedbackUnits(c.ratingAvg, c.ratingCount));
  const load1Units = Float64Array.from(candidates, (c) => loadUnits(c.usedThisMonth, c.capacityPerMonth, 1));
  const availMax = (m: Uint32Array): number => Math.min(AVAILABILITY_MAX_UNITS, availabilityUnits(popcount(m) / 4));
  const reqBits = packMasks(
    askers.map((a) => a.freeMask),
    words,
  );
  const volBits = packMasks(
    candidates.map((c) => c.freeMask),
    words,
  );
  const reqCoarse = new Uint32Array(nR * COARSE_WORDS);
  askers.forEach((a, r) => {
    coarseMask(a.freeMask, reqCoarse, r * COARSE_WORDS);
  });
  const volCoarse = new Uint32Array(nV * COARSE_WORDS);
  candidates.forEach((c, v) => {
    coarseMask(c.freeMask, volCoarse, v * COARSE_WORDS);
  });

  const slotStart = new Int32Array(nV + 1);
  for (let v = 0; v < nV; v++) slotStart[v + 1] = (slotStart[v] as number) + (rem[v] as number);
  const slotCost = new Float64Array(slotStart[nV] as number);
  candidates.forEach((c, v) => {
    for (let k = 1; k <= (rem[v] as number); k++)
      slotCost[(slotStart[v] as number) + k - 1] = loadUnits(c.usedThisMonth, c.capacityPerMonth, k);
  });

  return {
    askers,
    candidates,
    nR,
    nV,
    tagNames,
    tagUnits,
    reqTagStart,
    reqTags,
    reqSuffix,
    volTagStart,
    volTags,
    reqBuckets: bucketLists(reqCoarse, nR),
    volBuckets: bucketLists(volCoarse, nV),
    reqExclStart,
    reqExcl,
    rem,
    fbUnits,
    load1Units,
    reqAvailMax: Float64Array.from(askers, (a) => availMax(a.freeMask)),
    volAvailMax: Float64Array.from(candidates, (c) => availMax(c.freeMask)),
    words,
    reqBits,
    volBits,
    cellCap: Math.ceil((WEIGHTS.availabilityFullHours * 60) / CELL_MINUTES),
    cellHours: CELL_MINUTES / 60,
    reqCoarse,
    volCoarse,
    bucketHours: Math.ceil((words * 32) / (4 * 168)),
    slotStart,
    slotCost,
  };
}
