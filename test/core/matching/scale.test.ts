import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignBatch, tagWeights } from "../../../src/core/matching/index.js";
import { packMasks } from "../../../src/core/matching/coarse.js";
import { internTags } from "../../../src/core/matching/intern.js";
import { canonicalTags } from "../../../src/core/matching/score.js";
import { popcount } from "../../../src/core/time/index.js";
import { asker, cand, span, WORDS } from "./fixtures.js";

/** The coarse summary by its definition: bucket b set when any cell of hour-of-week b is free. */
function coarseByDefinition(m: Uint32Array): Uint32Array {
  const out = new Uint32Array(6);
  for (let cell = 0; cell < m.length * 32; cell++) {
    if (((m[cell >>> 5] as number) >>> (cell & 31)) & 1) {
      const b = (cell >>> 2) % 168;
      out[b >>> 5] = (out[b >>> 5] as number) | (1 << (b & 31));
    }
  }
  return out;
}

describe("batch preparation at scale", () => {
  it("packs masks with the coarse summary and free-cell count their definitions give", () => {
    fc.assert(
      fc.property(fc.array(fc.uint32Array({ minLength: WORDS, maxLength: WORDS }), { minLength: 1, maxLength: 5 }), (masks) => {
        const { bits, coarse, cells } = packMasks(masks, WORDS);
        masks.forEach((m, i) => {
          expect(Array.from(bits.subarray(i * WORDS, (i + 1) * WORDS))).toEqual(Array.from(m));
          expect(Array.from(coarse.subarray(i * 6, (i + 1) * 6))).toEqual(Array.from(coarseByDefinition(m)));
          expect(cells[i]).toBe(popcount(m));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("interns each person's tags as their distinct canonical tags", () => {
    const w = tagWeights(new Map([["ml", 3]]), 10, { ml: "machine-learning" });
    const people = [{ tags: ["ML", "machine-learning", "Go", "go"] }, { tags: [] }, { tags: ["rust", "ml"] }];
    const { tagNames, lists } = internTags([people], w);
    const [l] = lists;
    if (!l) throw new Error("no lists");
    people.forEach((p, i) => {
      const ids = Array.from(l.items.subarray(l.start[i], l.start[i + 1]));
      expect(ids.map((id) => tagNames[id])).toEqual(canonicalTags(p.tags, w));
    });
    expect(tagNames).toEqual([...tagNames].sort());
  });

  it("volunteers with tied candidates propose different requests, so one solve is already optimal", () => {
    // 300 identical requests and 40 identical one-slot volunteers: every pair ties. If every
    // volunteer proposed the same few requests, most would be left without an edge and the
    // certificate would have to add them back in further rounds.
    const w = tagWeights(new Map([["go", 340]]), 340);
    const askers = Array.from({ length: 300 }, (_, i) => asker(`r${String(i).padStart(3, "0")}`, ["go"], span(0, 64)));
    const candidates = Array.from({ length: 40 }, (_, i) => cand(`v${String(i).padStart(2, "0")}`, ["go"], 1, 0, span(0, 64)));
    const res = assignBatch(askers, candidates, w);
    expect(res.pairs).toHaveLength(40);
    expect(res.stats.rounds).toBe(1);
    expect(res.stats.addedEdges).toBe(0);
  });
});
