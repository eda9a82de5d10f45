import type { ChatRequest, Intro, Member } from "../../domain/index.js";
import type { NudgeSpec } from "./notify.js";
import { ref } from "./people.js";

/**
 * The notice telling the seeker that an intro went out without their choosing it (the batch
 * sent it), to whom and why: "ken suggested you talk to bernd" for the member a referral named
 * (`referrer`, when the request is a referral), else the topics the two really share.
 */
export function seekerTold(request: ChatRequest, intro: Intro, volunteer: Member, referrer: Member | null, now: Date): NudgeSpec {
  const referred = request.referredBy !== null && request.suggestions[0]?.volunteerId === volunteer.id;
  const by = referred && referrer ? ref(referrer) : null;
  return {
    to: [request.seekerId],
    refId: intro.id,
    dueAt: now,
    notice: {
      kind: "intro_sent",
      requestId: request.id,
      volunteer: ref(volunteer),
      referrer: by,
      sharedTags: intro.reasons.sharedTags,
      deadline: intro.deadline,
    },
  };
}
