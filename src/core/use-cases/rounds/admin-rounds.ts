import type { PeerRound } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import { asAdmin } from "../admin/guard.js";
import type { Actor, Deps } from "../shared/context.js";
import { type RunRoundCode, type RunRoundValue, runRound } from "./run-round.js";
import { upcomingRound } from "./upcoming.js";

/** The rounds at a glance, for `admin rounds` and the dashboard. */
export interface RoundsOverview {
  /** Rounds are on (a cadence is set). */
  on: boolean;
  everyWeeks: number;
  nextRoundAt: Date | null;
  /** Members in (active), by display name, sorted. */
  members: string[];
  /** Members in who skip the next round, by display name, sorted. */
  skipping: string[];
  /** The last round, its groups (display names) and how many said they met. */
  last: {
    round: PeerRound;
    groups: { names: string[]; status: "open" | "met" | "missed" }[];
    met: number;
    missed: number;
    /** Groups that met over groups formed, 0–1; null when the round formed none. */
    meetRate: number | null;
  } | null;
}

/** What `admin rounds` shows: next round, who is in and skipping, the last round's groups and meet rate. */
export async function adminRounds(deps: Deps, cmd: { actor: Actor }): Promise<Result<RoundsOverview, "NOT_ADMIN">> {
  return asAdmin<RoundsOverview, never>(deps, cmd.actor, "rounds", async (tx, community) => {
    const profiles = (await tx.listPeerProfiles(community.id)).filter((p) => p.active);
    const [last] = await tx.listPeerRounds(community.id, 1);
    const groups = last ? await tx.listPeerGroups(community.id, { roundId: last.id }) : [];
    const ids = [...new Set([...profiles.map((p) => p.memberId), ...groups.flatMap((g) => g.memberIds)])];
    const names = new Map((await tx.getMembers(community.id, ids)).map((m) => [m.id, m.displayName]));
    const name = (id: string): string => names.get(id) ?? id;
    const sorted = (xs: string[]) => xs.sort((a, b) => a.localeCompare(b));
    const met = groups.filter((g) => g.status === "met").length;
    return ok({
      on: community.settings.roundsEveryWeeks > 0,
      everyWeeks: community.settings.roundsEveryWeeks,
      nextRoundAt: await upcomingRound(tx, community),
      members: sorted(profiles.map((p) => name(p.memberId))),
      skipping: sorted(profiles.filter((p) => p.skipRoundAt !== null).map((p) => name(p.memberId))),
      last: last
        ? {
            round: last,
            groups: groups.map((g) => ({ names: g.memberIds.map(name), status: g.status })),
            met,
            missed: groups.filter((g) => g.status === "missed").length,
            meetRate: groups.length ? met / groups.length : null,
          }
        : null,
    });
  });
}

/** `admin rounds run`: one round now, whatever the schedule, after the admin check. */
export async function adminRunRound(deps: Deps, cmd: { actor: Actor }): Promise<Result<RunRoundValue, RunRoundCode | "NOT_ADMIN">> {
  const allowed = await asAdmin<true, never>(deps, cmd.actor, "rounds", async () => ok(true));
  if (!allowed.ok) return fail("NOT_ADMIN", allowed.detail);
  return runRound(deps, { communityId: cmd.actor.communityId, force: true });
}
