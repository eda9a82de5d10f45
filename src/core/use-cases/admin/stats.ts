import { fail, ok, type Result } from "../../result.js";
import { type CommunityStats, computeStats } from "../../stats/compute.js";
import { parsePeriod } from "../../stats/period.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";

/** The community's programme figures for a period (`30d` by default; `12w`, `6m`, `1y`, `all`). */
export async function adminStats(
  deps: Deps,
  cmd: { actor: Actor; period?: string },
): Promise<Result<CommunityStats, "NOT_ADMIN" | "BAD_PERIOD">> {
  const now = deps.clock.now();
  const period = parsePeriod(cmd.period, now);
  return asAdmin(deps, cmd.actor, "stats", async (tx, community) => {
    if (!period) return fail("BAD_PERIOD", { given: cmd.period ?? "", example: "30d, 12w, 6m, 1y or all" });
    return ok(
      computeStats({
        now,
        period,
        members: await tx.listMembers(community.id),
        volunteers: await tx.listVolunteers(community.id),
        requests: await tx.listRequests(community.id),
        intros: await tx.listIntros(community.id),
        chats: await tx.listChats(community.id),
        nudges: await tx.listNudges(community.id, { kinds: ["thanks_received"], status: ["sent"] }),
      }),
    );
  });
}
