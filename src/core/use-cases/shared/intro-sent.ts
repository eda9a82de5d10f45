import type { ChatRequest, Intro, Member } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { enqueue } from "./notify.js";
import { ref } from "./people.js";

/**
 * Tells the seeker that an intro went out without their choosing it (the batch sent it), to
 * whom and why: "ken suggested you talk to bernd" for the member a referral named, else the
 * topics the two really share. Written in the caller's transaction, with the intro.
 */
export async function tellSeeker(
  tx: StoreTx,
  deps: Pick<Deps, "ids" | "clock">,
  communityId: string,
  request: ChatRequest,
  intro: Intro,
  volunteer: Member,
): Promise<void> {
  const referred = request.referredBy !== null && request.suggestions[0]?.volunteerId === volunteer.id;
  const referrer = referred && request.referredBy ? await tx.getMember(communityId, request.referredBy) : null;
  await enqueue(tx, deps, communityId, [
    {
      to: [request.seekerId],
      refId: intro.id,
      dueAt: deps.clock.now(),
      notice: {
        kind: "intro_sent",
        requestId: request.id,
        volunteer: ref(volunteer),
        referrer: referrer ? ref(referrer) : null,
        sharedTags: intro.reasons.sharedTags,
        deadline: intro.deadline,
      },
    },
  ]);
}
