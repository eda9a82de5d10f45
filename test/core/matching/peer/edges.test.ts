import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sharedTags } from "../../../../src/core/matching/score.js";
import { availabilityUnits, BASE_UNITS, tagWeights } from "../../../../src/core/matching/weights.js";
import { pairPeers, type PeerEdges, type PeerMember, peerEdges } from "../../../../src/core/matching/peer/index.js";

const POOL = ["rust", "go", "ml", "design", "sales", "infra"];
const WEIGHTS = tagWeights(new Map(POOL.map((t, i) => [t, 1 + i * 3])), 40);

const popcount = (a: Uint32Array, b: Uint32Array): number => {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    let x = ((a[i] as number) & (b[i] as number)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      n++;
    }
  }
  return n;
};

/** The rule, written plainly: every allowed pair's weight; each member keeps its best k (weight, then lower index). */
function reference(
  members: readonly PeerMember[],
  excluded: (a: number, b: number) => boolean,
  bonus: number,
  k: number,
): Map<string, number> {
  const n = members.length;
  const w = (i: number, j: number): number | null => {
    const a = members[i] as PeerMember;
    const b = members[j] as PeerMember;
    const hours = popcount(a.free, b.free);
    if (hours === 0 || excluded(i, j) || excluded(j, i)) return null;
    const cross = bonus > 0 && a.group !== null && b.group !== null && a.group !== b.group ? bonus : 0;
    return BASE_UNITS + sharedTags(a.tags, b.tags, WEIGHTS).units + availabilityUnits(hours) + cross;
  };
  const out = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const mine: { j: number; w: number }[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const x = w(i, j);
      if (x !== null) mine.push({ j, w: x });
    }
    mine.sort((p, q) => q.w - p.w || p.j - q.j);
    for (const { j, w: x } of mine.slice(0, k)) out.set(`${Math.min(i, j)}-${Math.max(i, j)}`, x);
  }
  return out;
}

function asMap(e: PeerEdges): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < e.count; i++) {
    const u = e.u[i] as number;
    const v = e.v[i] as number;
    expect(u).toBeLessThan(v);
    const key = `${u}-${v}`;
    expect(out.has(key)).toBe(false);
    out.set(key, e.w[i] as number);
  }
  return out;
}

const member: fc.Arbitrary<PeerMember> = fc.record({
  tags: fc.subarray(POOL),
  free: fc
    .array(
      fc.nat({ max: 0xffffffff }).map((x) => x & (x >>> 3) & (x >>> 7)),
      { minLength: 1, maxLength: 2 },
    )
    .map((a) => Uint32Array.from(a)),
  group: fc.constantFrom(null, "a", "b", "c"),
});

const round = fc.record({
  members: fc.array(member, { minLength: 0, maxLength: 24 }),
  blocked: fc.array(fc.tuple(fc.nat(23), fc.nat(23)), { maxLength: 40 }),
  bonus: fc.constantFrom(0, 0, 400_000, 1_500_000),
  k: fc.integer({ min: 1, max: 6 }),
});

function exclusion(blocked: readonly [number, number][]): (a: number, b: number) => boolean {
  const set = new Set(blocked.map(([a, b]) => `${a}-${b}`));
  // One direction only: peerEdges must ask both ways.
  return (a, b) => set.has(`${a}-${b}`);
}

describe("peerEdges", () => {
  it("equals the plain rule: allowed pairs with a shared free hour, best k per member, either end keeps", () => {
    fc.assert(
      fc.property(round, ({ members, blocked, bonus, k }) => {
        const excluded = exclusion(blocked);
        const got = asMap(peerEdges(members, { weights: WEIGHTS, excluded, crossGroupBonus: bonus, perMember: k }));
        expect(got).toEqual(reference(members, excluded, bonus, k));
      }),
      { numRuns: 400 },
    );
  });

  it("gives no edge to an excluded pair or to a pair with no shared free hour, and adds the cross-group bonus", () => {
    const free = (...cells: number[]): Uint32Array => {
      const m = new Uint32Array(1);
      for (const c of cells) m[0] = ((m[0] as number) | (1 << c)) >>> 0;
      return m;
    };
    const members: PeerMember[] = [
      { tags: ["rust"], free: free(1, 2, 3), group: "a" },
      { tags: ["rust"], free: free(1, 2, 3), group: "b" },
      { tags: ["rust"], free: free(9), group: "a" },
      { tags: [], free: free(3), group: null },
    ];
    const excluded = (a: number, b: number): boolean => a === 3 && b === 1;
    const got = asMap(peerEdges(members, { weights: WEIGHTS, excluded, crossGroupBonus: 250_000, perMember: 24 }));
    const rust = sharedTags(["rust"], ["rust"], WEIGHTS).units;
    expect(got).toEqual(
      new Map([
        ["0-1", BASE_UNITS + rust + availabilityUnits(3) + 250_000],
        ["0-3", BASE_UNITS + availabilityUnits(1)],
      ]),
    );
  });

  it("keeps excluded members apart in the round, trios included", () => {
    fc.assert(
      fc.property(round, ({ members, blocked, bonus, k }) => {
        const excluded = exclusion(blocked);
        const plan = pairPeers(
          members.length,
          peerEdges(members, { weights: WEIGHTS, excluded, crossGroupBonus: bonus, perMember: k }),
          excluded,
        );
        for (const g of plan.groups) {
          for (const a of g) for (const b of g) if (a !== b) expect(excluded(a, b)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
