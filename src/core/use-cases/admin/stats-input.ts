import type { Community } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { StatsInput } from "../../stats/input.js";
import type { Period } from "../../stats/period.js";

/** Everything the programme figures read from one community, in the admin's transaction. */
export async function loadStatsInput(tx: StoreTx, community: Community, now: Date, period: Period): Promise<StatsInput> {
  return {
    now,
    period,
    community,
    members: await tx.listMembers(community.id),
    volunteers: await tx.listVolunteers(community.id),
    requests: await tx.listRequests(community.id),
    intros: await tx.listIntros(community.id),
    chats: await tx.listChats(community.id),
    // Every thank-you a seeker wrote, delivered or not: they count when written.
    nudges: await tx.listNudges(community.id, { kinds: ["thanks_received"] }),
    feedback: await tx.listFeedback(community.id),
  };
}

/** The period words the admin may use, for a BAD_PERIOD refusal. */
export const PERIOD_EXAMPLE = "30d, 12w, 6m, 1y or all";
