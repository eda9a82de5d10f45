import { describe, expect, it } from "vitest";
import { diagnose } from "../../../src/core/matching/blockers.js";
import { assignBatch, tagWeights } from "../../../src/core/matching/index.js";
import { asker, cand, span } from "./fixtures.js";

const w = tagWeights(new Map([["rust", 2]]), 10, { ml: "machine-learning" });
const DEC_5 = new Date("2026-12-05T00:00:00Z");

describe("diagnose: why a request got nobody, from the engine's own verdicts", () => {
  it("fits when any volunteer sharing a topic is eligible", () => {
    expect(diagnose(asker("r1", ["rust"]), [cand("a", ["rust"], 1, 1), cand("b", ["rust"])], [], w)).toEqual({ code: "FITS" });
  });

  it("no topic: lists every topic that has a volunteer (paused ones too, aliases canonical), never the seeker's own", () => {
    const d = diagnose(
      asker("r1", ["kubernetes"], span(0, 64), [], "me"),
      [cand("a", ["rust", "ml"]), cand("me", ["cooking"])],
      [{ volunteerId: "p", tags: ["go"], until: DEC_5 }],
      w,
    );
    expect(d).toEqual({ code: "NO_TOPIC", topics: ["go", "machine-learning", "rust"] });
  });

  it("no shared time comes first: the seeker can act on it now", () => {
    const d = diagnose(
      asker("r1", ["rust"], span(0, 16)),
      [cand("late", ["rust"], 2, 0, span(32, 64)), cand("full", ["rust"], 1, 1)],
      [{ volunteerId: "p", tags: ["rust"], until: DEC_5 }],
      w,
    );
    expect(d).toEqual({ code: "NO_SHARED_TIME", volunteerIds: ["late"] });
  });

  it("capacity and breaks: says which, with each dated or open-ended return", () => {
    expect(diagnose(asker("r1", ["rust"]), [cand("full", ["rust"], 1, 1)], [], w)).toEqual({
      code: "NO_CAPACITY",
      atCapacity: true,
      pausedUntil: [],
    });
    expect(
      diagnose(
        asker("r1", ["rust"]),
        [cand("other", ["go"])],
        [
          { volunteerId: "p", tags: ["rust"], until: DEC_5 },
          { volunteerId: "q", tags: ["rust"], until: null },
          { volunteerId: "z", tags: ["go"], until: null },
        ],
        w,
      ),
    ).toEqual({ code: "NO_CAPACITY", atCapacity: false, pausedUntil: [DEC_5, null] });
  });

  it("everyone sharing the topic was already asked, met recently or blocked", () => {
    expect(
      diagnose(asker("r1", ["rust"], span(0, 64), ["a", "b"]), [cand("a", ["rust"]), cand("b", ["rust"]), cand("c", ["go"])], [], w),
    ).toEqual({
      code: "ALL_ASKED",
    });
  });

  it("in a batch, an eligible volunteer whose room went to other requests counts as capacity", () => {
    const askers = [asker("r1", ["rust"]), asker("r2", ["rust"], span(0, 4))];
    const candidates = [cand("a", ["rust"], 1)];
    const result = assignBatch(askers, candidates, w);
    const left = askers.find((a) => !result.pairs.some((p) => p.requestId === a.requestId));
    if (!left) throw new Error("one request should be left out");
    expect(diagnose(left, candidates, [], w, result)).toEqual({ code: "NO_CAPACITY", atCapacity: true, pausedUntil: [] });
    const made = askers.find((a) => a !== left);
    if (!made) throw new Error("one request should be paired");
    expect(diagnose(made, candidates, [], w, result)).toEqual({ code: "FITS" });
  });
});
