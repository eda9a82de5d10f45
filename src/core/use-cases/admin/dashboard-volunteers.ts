import { fail, ok, type Result } from "../../result.js";
import { parsePeriod } from "../../stats/period.js";
import type { VolunteersReport } from "../../stats/report.js";
import { computeVolunteers } from "../../stats/volunteers.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";
import { loadStatsInput, PERIOD_EXAMPLE } from "./stats-input.js";

/** The dashboard's Volunteers page: each volunteer's load, responsiveness in the period and state, and the recruiting list. */
export async function dashboardVolunteers(
  deps: Deps,
  cmd: { actor: Actor; period?: string },
): Promise<Result<VolunteersReport, "NOT_ADMIN" | "BAD_PERIOD">> {
  const now = deps.clock.now();
  const period = parsePeriod(cmd.period, now);
  return asAdmin(deps, cmd.actor, "stats", async (tx, community) => {
    if (!period) return fail("BAD_PERIOD", { given: cmd.period ?? "", example: PERIOD_EXAMPLE });
    return ok(computeVolunteers(await loadStatsInput(tx, community, now, period)));
  });
}
