import { PercolateError } from "../result.js";
import { CELL_MINUTES } from "../time/index.js";
import { remainingCapacity, type Asker, type Candidate } from "./score.js";
import { AVAILABILITY_MAX_UNITS, availabilityUnits, feedbackUnits, loadUnits, SCALE, WEIGHTS, type TagWeights } from "./weights.js";
import { packMasks } from "./coarse.js";
import { internExclusions, internTags, sortEachList } from "./intern.js";
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
  /** Volunteer tags again, rarest first (ties by id), at the same positions as `volTags`, with suffix sums like `reqSuffix`. */
  volRareTags: Int32Array;
  volRareSuffix: Float64Array;
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

/** Builds the index form of a batch. Throws PercolateError on duplicate ids or masks from different grids. */
export function buildProblem(askersIn: readonly BatchAsker[], candidatesIn: readonly Candidate[], w: TagWeights): MatchProblem {
  const askers = canonicalOrder(askersIn, (a) => a.requestId, "request");
  const candidates = canonicalOrder(candidatesIn, (c) => c.volunteerId, "volunteer");
  const words = askers[0]?.freeMask.length ?? candidates[0]?.freeMask.length ?? 0;
  for (const side of [askers, candidates]) {
    for (const x of side) if (x.freeMask.length !== words) throw new PercolateError("free masks from different grids in one batch");
  }
  const nR = askers.length;
  const nV = candidates.length;

  const {
    tagNames,
    lists: [reqLists, volLists],
  } = internTags([askers, candidates], w);
  if (!reqLists || !volLists) throw new PercolateError("matching: tag interning lost a side");
  const tagUnits = Float64Array.from(tagNames, (t) => Math.round(w.weight(t) * SCALE));

  // request tags rarest first (ties by id), volunteer tags by id
  const rarer = (a: number, b: number): boolean =>
    (tagUnits[a] as number) > (tagUnits[b] as number) || (tagUnits[a] === tagUnits[b] && a < b);
  const volRare = { start: volLists.start, items: volLists.items.slice() };
  sortEachList(reqLists, rarer);
  sortEachList(volRare, rarer);
  sortEachList(volLists, (a, b) => a < b);
  const { start: reqTagStart, items: reqTags } = reqLists;
  const { start: volTagStart, items: volTags } = volLists;
  const suffixSums = (lists: { start: Int32Array; items: Int32Array }): Float64Array => {
    const out = new Float64Array(lists.items.length);
    for (let i = 0; i + 1 < lists.start.length; i++) {
      let acc = 0;
      for (let k = (lists.start[i + 1] as number) - 1; k >= (lists.start[i] as number); k--) {
        acc += tagUnits[lists.items[k] as number] as number;
        out[k] = acc;
      }
    }
    return out;
  };
  const reqSuffix = suffixSums(reqLists);

  const rem = Int32Array.from(candidates, (c) => remainingCapacity(c));
  const { start: reqExclStart, items: reqExcl } = internExclusions(
    askers,
    candidates.map((c) => c.volunteerId),
  );

  const fbUnits = Float64Array.from(candidates, (c) => feedbackUnits(c.ratingAvg, c.ratingCount));
  const load1Units = Float64Array.from(candidates, (c) => loadUnits(c.usedThisMonth, c.capacityPerMonth, 1));
  const availMax = (cells: number): number => Math.min(AVAILABILITY_MAX_UNITS, availabilityUnits(cells / 4));
  const req = packMasks(
    askers.map((a) => a.freeMask),
    words,
  );
  const vol = packMasks(
    candidates.map((c) => c.freeMask),
    words,
  );

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
    volRareTags: volRare.items,
    volRareSuffix: suffixSums(volRare),
    reqBuckets: bucketLists(req.coarse, nR),
    volBuckets: bucketLists(vol.coarse, nV),
    reqExclStart,
    reqExcl,
    rem,
    fbUnits,
    load1Units,
    reqAvailMax: Float64Array.from(req.cells, availMax),
    volAvailMax: Float64Array.from(vol.cells, availMax),
    words,
    reqBits: req.bits,
    volBits: vol.bits,
    cellCap: Math.ceil((WEIGHTS.availabilityFullHours * 60) / CELL_MINUTES),
    cellHours: CELL_MINUTES / 60,
    reqCoarse: req.coarse,
    volCoarse: vol.coarse,
    bucketHours: Math.ceil((words * 32) / (4 * 168)),
    slotStart,
    slotCost,
  };
}
