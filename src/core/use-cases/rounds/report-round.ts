import type { PeerGroup, PeerOutcome } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import { groupMeant } from "./member-group.js";
import { type Actor, type Deps, loadActor } from "../shared/context.js";

export interface ReportRound {
  actor: Actor;
  outcome: PeerOutcome;
  /** The group asked about (a button carries it); absent, the member's latest group. */
  groupId?: string;
}

export type ReportRoundCode = "NO_GROUP";

/**
 * Records the member's answer to "did you meet?" (`rounds met` / `rounds missed`) for their
 * latest peer group, or the one named: a second answer replaces the first. The group counts as
 * met once anyone says so, missed once everyone says missed. Answering keeps the member in the
 * rounds (their ignored count resets) and withdraws a check-in not yet sent.
 */
export async function reportRound(
  deps: Deps,
  cmd: ReportRound,
): Promise<Result<{ group: PeerGroup; outcome: PeerOutcome }, ReportRoundCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const group = await groupMeant(tx, community.id, member.id, cmd.groupId);
    if (!group?.memberIds.includes(member.id)) return fail("NO_GROUP");
    const reports = [...group.reports.filter((r) => r.by !== member.id), { by: member.id, outcome: cmd.outcome, at: now }];
    const status: PeerGroup["status"] = reports.some((r) => r.outcome === "met")
      ? "met"
      : reports.length === group.memberIds.length
        ? "missed"
        : "open";
    const saved: PeerGroup = { ...group, reports, status, updatedAt: now };
    await tx.savePeerGroups([saved]);
    const profile = await tx.getPeerProfile(community.id, member.id);
    if (profile && profile.ignoredInARow !== 0) await tx.savePeerProfile({ ...profile, ignoredInARow: 0, updatedAt: now });
    await tx.cancelNudges(community.id, { refId: group.id, to: member.id, kinds: ["round_check_in"] });
    return ok({ group: saved, outcome: cmd.outcome });
  });
}
