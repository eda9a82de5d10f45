import { fail, ok, type Result } from "../../result.js";
import { computeChats } from "../../stats/chats.js";
import { parsePeriod } from "../../stats/period.js";
import type { ChatsReport } from "../../stats/report.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";
import { loadStatsInput, PERIOD_EXAMPLE } from "./stats-input.js";

/**
 * The dashboard's Chats page: chats with activity in the period, no-shows with who reported
 * them, feedback averages. Free-text notes only when `includeNotes` (logged, as an export with notes is).
 */
export async function dashboardChats(
  deps: Deps,
  cmd: { actor: Actor; period?: string; includeNotes: boolean },
): Promise<Result<ChatsReport, "NOT_ADMIN" | "BAD_PERIOD">> {
  const now = deps.clock.now();
  const period = parsePeriod(cmd.period, now);
  return asAdmin(deps, cmd.actor, "stats", async (tx, community, admin) => {
    if (!period) return fail("BAD_PERIOD", { given: cmd.period ?? "", example: PERIOD_EXAMPLE });
    if (cmd.includeNotes) deps.log.info({ communityId: community.id, by: admin.id }, "feedback notes viewed on the dashboard");
    return ok(computeChats(await loadStatsInput(tx, community, now, period), cmd.includeNotes));
  });
}
