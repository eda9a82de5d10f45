import type { MatchReasons } from "../domain/chat.js";
import type { AssignResult } from "./assign.js";
import type { BatchAsker } from "./problem.js";
import { remainingCapacity, scorePair, type Candidate, type Exclusion } from "./score.js";
import type { TagWeights } from "./weights.js";

/** Why a batch did or did not pair a request with a volunteer, as data for adapters to word. */
export type PairExplanation =
  | { kind: "paired"; reasons: MatchReasons }
  | { kind: "excluded"; why: Exclusion }
  | {
      kind: "outscored";
      /** What this pair would have scored on demand. */
      reasons: MatchReasons;
      /** Whom the request got instead, or null if it is still waiting. */
      requestGot: { volunteerId: string; score: number } | null;
      /** Chats the volunteer took in this batch, and whether that used all their room. */
      volunteerTook: number;
      volunteerFull: boolean;
    };

/**
 * Answers "why not this volunteer?" for a batch result. Excluded pairs say why (self, blocked
 * or otherwise excluded, at capacity, no shared tag, no shared time). An eligible pair that was
 * not made lost to a better whole: the request went to someone else and/or the volunteer's room
 * went to other requests, and swapping would lower the total score (the batch is optimal).
 */
export function explainPair(result: Pick<AssignResult, "pairs">, asker: BatchAsker, candidate: Candidate, w: TagWeights): PairExplanation {
  const made = result.pairs.find((p) => p.requestId === asker.requestId);
  if (made && made.volunteerId === candidate.volunteerId) return { kind: "paired", reasons: made.reasons };
  const s = scorePair(asker, candidate, w);
  if (!s.ok) return { kind: "excluded", why: s.why };
  const took = result.pairs.filter((p) => p.volunteerId === candidate.volunteerId).length;
  return {
    kind: "outscored",
    reasons: s.reasons,
    requestGot: made ? { volunteerId: made.volunteerId, score: made.reasons.score } : null,
    volunteerTook: took,
    volunteerFull: took >= remainingCapacity(candidate),
  };
}
