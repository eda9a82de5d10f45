import type { Intro, Member } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { enqueue } from "./notify.js";
import { ref } from "./people.js";

/**
 * A waiting seeker was matched without choosing (the batch did it): tell them who the intro
 * went to and why, so a long wait ends in words, not silence.
 */
export async function tellMatched(
  tx: StoreTx,
  deps: Pick<Deps, "ids" | "clock">,
  communityId: string,
  intro: Intro,
  volunteer: Member,
): Promise<void> {
  await enqueue(tx, deps, communityId, [
    {
      to: [intro.seekerId],
      refId: intro.id,
      dueAt: deps.clock.now(),
      notice: {
        kind: "waitlist_matched",
        requestId: intro.requestId,
        introId: intro.id,
        volunteer: ref(volunteer),
        reasons: intro.reasons,
        deadline: intro.deadline,
      },
    },
  ]);
}
