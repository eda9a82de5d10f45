import { CELEBRATED_MAX, type Community, type Member, type ProgramPost, SHORT_TOPICS_MAX } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import { heldAt, within } from "../../stats/events.js";
import { shortfalls } from "../../stats/load.js";
import { loadStatsInput } from "../admin/stats-input.js";
import { roundsOn, upcomingRound } from "../rounds/upcoming.js";

/** How far back a peer group may have been formed and still report meeting in the period. */
const GROUP_LOOKBACK_MS = 16 * 7 * 24 * 3600_000;

/** A chat or group that met in the period: who, and when (for newest first). */
interface Met {
  memberIds: readonly string[];
  at: Date;
}

/**
 * The program post for `[since, until)`: chats held and marked happened, peer groups that said
 * they met, the names of those whose every member said yes to being celebrated, topics short of
 * volunteers, and the next peer round. Reads only; the caller posts.
 */
export async function composeProgramPost(tx: StoreTx, community: Community, since: Date, until: Date): Promise<ProgramPost> {
  const w = { since, now: new Date(until.getTime() - 1) };
  const input = await loadStatsInput(tx, community, until, { label: "post", since });
  const chats: Met[] = input.chats.flatMap((c) => {
    const at = c.status === "happened" ? heldAt(c) : null;
    return within(w, at) ? [{ memberIds: [c.seekerId, c.volunteerId], at }] : [];
  });
  const groups: Met[] = (await tx.listPeerGroups(community.id, { createdSince: new Date(since.getTime() - GROUP_LOOKBACK_MS) })).flatMap(
    (g) => {
      const met = g.reports.filter((r) => r.outcome === "met").map((r) => r.at.getTime());
      const at = g.status === "met" && met.length ? new Date(Math.min(...met)) : null;
      return within(w, at) ? [{ memberIds: g.memberIds, at }] : [];
    },
  );
  const members = new Map(input.members.map((m) => [m.id, m]));
  const named = [...chats, ...groups]
    .filter((x) => x.memberIds.every((id) => celebrates(members.get(id))))
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, CELEBRATED_MAX);
  const profiles = roundsOn(community) ? (await tx.listPeerProfiles(community.id)).filter((p) => p.active) : [];
  return {
    communityId: community.id,
    since,
    until,
    timeZone: community.settings.defaultTimeZone,
    chatsHappened: chats.length,
    peersMet: groups.length,
    celebrated: named.map((x) => x.memberIds.map((id) => members.get(id)?.displayName ?? id)),
    unnamed: chats.length + groups.length - named.length,
    shortTopics: shortfalls(input, w)
      .slice(0, SHORT_TOPICS_MAX)
      .map((t) => ({ tag: t.tag, waiting: t.waiting })),
    rounds: { on: roundsOn(community), members: profiles.length, nextAt: await upcomingRound(tx, community) },
  };
}

/** Said yes to being named, and is still someone who can be (not forgotten, not gone). */
const celebrates = (m: Member | undefined): boolean => m?.celebrate === true && !m.forgotten && m.status !== "opted_out";
