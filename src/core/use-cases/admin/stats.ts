import { fail, ok, type Result } from "../../result.js";
import { computeStats } from "../../stats/compute.js";
import { parsePeriod } from "../../stats/period.js";
import type { ProgramStats } from "../../stats/report.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";
import { loadStatsInput, PERIOD_EXAMPLE } from "./stats-input.js";

/** The community's programme figures for a period (`30d` by default; `12w`, `6m`, `1y`, `all`). */
export async function adminStats(
  deps: Deps,
  cmd: { actor: Actor; period?: string },
): Promise<Result<ProgramStats, "NOT_ADMIN" | "BAD_PERIOD">> {
  const now = deps.clock.now();
  const period = parsePeriod(cmd.period, now);
  return asAdmin(deps, cmd.actor, "stats", async (tx, community) => {
    if (!period) return fail("BAD_PERIOD", { given: cmd.period ?? "", example: PERIOD_EXAMPLE });
    return ok(computeStats(await loadStatsInput(tx, community, now, period)));
  });
}
