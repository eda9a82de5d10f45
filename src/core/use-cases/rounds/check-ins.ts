import type { Community, PeerProfile } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "../shared/context.js";
import { enqueue } from "../shared/notify.js";
import { groupCheckInAt } from "./schedule.js";

/** Rounds in a row a member may leave "did you meet?" unanswered before rounds skip them. */
export const IGNORED_ROUNDS_LIMIT = 2;

/**
 * Before a new round: counts who answered the last round's "did you meet?", group by group once
 * it was asked (after the group's booked time, else at the period's end).
 * An answer resets the count; silence adds one, and at IGNORED_ROUNDS_LIMIT the member is set
 * aside (inactive) and told how to come back. Returns the profiles as the new round sees them;
 * changed ones are saved.
 */
export async function accountCheckIns(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  profiles: readonly PeerProfile[],
  now: Date,
): Promise<PeerProfile[]> {
  const [last] = await tx.listPeerRounds(community.id, 1);
  if (!last) return [...profiles];
  const answered = new Map<string, boolean>();
  // A group that booked a time is asked after it, else at the period's end: one not asked yet counts neither way.
  const asked = (await tx.listPeerGroups(community.id, { roundId: last.id })).filter(
    (g) => groupCheckInAt(community.settings, g, last.at).getTime() <= now.getTime(),
  );
  for (const g of asked)
    for (const id of g.memberIds)
      answered.set(
        id,
        g.reports.some((r) => r.by === id),
      );
  const out: PeerProfile[] = [];
  for (const p of profiles) {
    const said = answered.get(p.memberId);
    if (said === undefined || !p.active) {
      out.push(p);
      continue;
    }
    const ignoredInARow = said ? 0 : p.ignoredInARow + 1;
    const setAside = ignoredInARow >= IGNORED_ROUNDS_LIMIT;
    const next: PeerProfile = { ...p, ignoredInARow, active: !setAside, skipRoundAt: setAside ? null : p.skipRoundAt, updatedAt: now };
    if (next.ignoredInARow !== p.ignoredInARow || next.active !== p.active) await tx.savePeerProfile(next);
    if (setAside)
      await enqueue(tx, deps, community.id, [
        { to: [p.memberId], refId: last.id, dueAt: now, notice: { kind: "rounds_paused", ignored: ignoredInARow } },
      ]);
    out.push(next);
  }
  return out;
}
