/**
 * Seeded synthetic communities for the matching benchmarks: Zipf tag popularity, 1–6 tags per
 * person, capacities 1–4, time zones on four continents, weekly availability windows turned
 * into 14-day free masks by the time core.
 */
import type { Availability, WeeklyWindow } from "../../src/core/domain/member.js";
import { seededRandom, tagWeights, type BatchAsker, type Candidate, type TagWeights } from "../../src/core/matching/index.js";
import { freeMask, makeGrid, type Grid } from "../../src/core/time/index.js";

/** Zones on four continents (North America, Europe, Asia, Australia) with member shares. */
export const ZONES: readonly [string, number][] = [
  ["America/Los_Angeles", 0.15],
  ["America/New_York", 0.2],
  ["Europe/London", 0.15],
  ["Europe/Berlin", 0.2],
  ["Asia/Kolkata", 0.1],
  ["Asia/Singapore", 0.08],
  ["Asia/Tokyo", 0.05],
  ["Australia/Sydney", 0.07],
];

/** The benchmark's fixed "now": a Monday. Grids start here. */
export const BENCH_NOW = new Date("2025-03-03T08:00:00Z");

/** A person: zone, weekly windows, tags. */
export interface Person {
  zone: string;
  windows: WeeklyWindow[];
  tags: string[];
}

/** Cumulative Zipf probabilities over `size` ranks (rank i weighs 1 / (i + 1)^exponent). */
export function zipfCdf(size: number, exponent = 1): Float64Array {
  const cdf = new Float64Array(size);
  let acc = 0;
  for (let i = 0; i < size; i++) cdf[i] = acc += 1 / (i + 1) ** exponent;
  for (let i = 0; i < size; i++) cdf[i] = (cdf[i] as number) / acc;
  return cdf;
}

/** The first rank whose cumulative probability reaches `x` (binary search): a draw when `x` is uniform in [0, 1). */
export function cdfRank(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cdf[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Draws tags, zones and windows with one seeded generator. */
export class PersonFactory {
  readonly rand: () => number;
  private readonly cdf: Float64Array;
  readonly vocab: string[];

  constructor(seed: number, vocabSize: number, zipf = 1) {
    this.rand = seededRandom(seed);
    this.vocab = Array.from({ length: vocabSize }, (_, i) => `topic-${i + 1}`);
    this.cdf = zipfCdf(vocabSize, zipf);
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }

  /** 1–6 distinct Zipf-distributed tags (fewer is likelier). */
  tags(): string[] {
    const u = this.rand();
    const k = u < 0.2 ? 1 : u < 0.45 ? 2 : u < 0.7 ? 3 : u < 0.85 ? 4 : u < 0.95 ? 5 : 6;
    const out = new Set<string>();
    while (out.size < k) {
      out.add(this.vocab[cdfRank(this.cdf, this.rand())] as string);
    }
    return [...out];
  }

  zone(): string {
    let x = this.rand();
    for (const [z, share] of ZONES) {
      x -= share;
      if (x < 0) return z;
    }
    return (ZONES[0] as [string, number])[0];
  }

  /** 2–5 weekly windows, mostly weekdays, starting on the hour 07–20 local, 1–3 h long. */
  windows(): WeeklyWindow[] {
    const n = this.int(2, 5);
    const out: WeeklyWindow[] = [];
    for (let i = 0; i < n; i++) {
      const day = this.rand() < 0.85 ? this.int(1, 5) : this.int(6, 7);
      const start = this.int(7, 20);
      const len = [2, 2, 3, 4, 6][this.int(0, 4)] as number; // half-hours
      const endMin = Math.min(24 * 60, start * 60 + len * 30);
      const hh = (m: number): string =>
        m === 1440 ? "24:00" : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      out.push({ day, start: hh(start * 60), end: hh(endMin) });
    }
    return out;
  }

  person(): Person {
    return { zone: this.zone(), windows: this.windows(), tags: this.tags() };
  }
}

/**
 * Free masks by OR-ing memoized single-window masks from `freeMask`. Exact: windows fall on
 * quarter-hour boundaries in every zone used, so a cell is inside the union of windows iff it
 * is inside one of them (checked against `freeMask` on a sample by `verifySample`).
 */
export class MaskCache {
  private readonly memo = new Map<string, Uint32Array>();
  constructor(readonly grid: Grid) {}

  mask(p: Pick<Person, "zone" | "windows">): Uint32Array {
    const words = Math.ceil(this.grid.cells / 32);
    const out = new Uint32Array(words);
    for (const w of p.windows) {
      const key = `${p.zone}|${w.day}|${w.start}|${w.end}`;
      let m = this.memo.get(key);
      if (!m) {
        m = freeMask({ windows: [w], datesOff: [] }, p.zone, this.grid);
        this.memo.set(key, m);
      }
      for (let i = 0; i < words; i++) out[i] = (out[i] as number) | (m[i] as number);
    }
    return out;
  }

  /** Throws unless the cached masks equal `freeMask` for these people. */
  verifySample(people: readonly Pick<Person, "zone" | "windows">[]): void {
    for (const p of people) {
      const av: Availability = { windows: p.windows, datesOff: [] };
      const a = freeMask(av, p.zone, this.grid);
      const b = this.mask(p);
      if (a.some((x, i) => x !== b[i])) throw new Error(`mask cache disagrees with freeMask for ${JSON.stringify(p)}`);
    }
  }
}

/** A synthetic batch. */
export interface SynthBatch {
  askers: BatchAsker[];
  candidates: Candidate[];
  w: TagWeights;
  vocab: number;
}

/** Tag vocabulary grows sublinearly with community size (Heaps' law-like): 8·√members. */
export function vocabFor(members: number): number {
  return Math.max(20, Math.round(8 * Math.sqrt(members)));
}

/**
 * `requests` open requests from distinct seekers and `volunteers` volunteers with capacity 1–4
 * (about half already used some of this month), 60% with seeker ratings; each request excludes
 * 0–2 random volunteers (past meetings, blocks), and 3% of seekers are themselves volunteers.
 */
export function synthBatch(requests: number, volunteers: number, seed: number, cache: MaskCache): SynthBatch {
  const f = new PersonFactory(seed, vocabFor(requests + volunteers));
  const candidates: Candidate[] = [];
  const counts = new Map<string, number>();
  const count = (tags: readonly string[]): void => {
    for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  };
  const sample: Person[] = [];
  for (let v = 0; v < volunteers; v++) {
    const p = f.person();
    if (v < 20) sample.push(p);
    count(p.tags);
    const cap = f.int(1, 4);
    const used = f.rand() < 0.5 ? 0 : f.int(0, cap - 1);
    const rated = f.rand() < 0.6;
    candidates.push({
      volunteerId: `vol-${String(v).padStart(6, "0")}`,
      tags: p.tags,
      capacityPerMonth: cap,
      usedThisMonth: used,
      freeMask: cache.mask(p),
      ratingAvg: rated ? Math.min(5, Math.max(1, 4.3 + (f.rand() - 0.5) * 2.4)) : null,
      ratingCount: rated ? f.int(1, 20) : 0,
    });
  }
  const askers: BatchAsker[] = [];
  for (let r = 0; r < requests; r++) {
    const p = f.person();
    if (r < 20) sample.push(p);
    count(p.tags);
    const excluded = new Set<string>();
    const nx = f.int(0, 2);
    for (let i = 0; i < nx && volunteers > 0; i++) excluded.add((candidates[f.int(0, volunteers - 1)] as Candidate).volunteerId);
    const selfVol = volunteers > 0 && f.rand() < 0.03 ? (candidates[f.int(0, volunteers - 1)] as Candidate).volunteerId : null;
    askers.push({
      requestId: `req-${String(r).padStart(6, "0")}`,
      seekerId: selfVol ?? `seeker-${String(r).padStart(6, "0")}`,
      tags: p.tags,
      freeMask: cache.mask(p),
      excluded,
    });
  }
  cache.verifySample(sample);
  return { askers, candidates, w: tagWeights(counts, requests + volunteers), vocab: f.vocab.length };
}

/** A grid for the benchmark's two weeks. */
export function benchGrid(): Grid {
  return makeGrid(BENCH_NOW, 14);
}
