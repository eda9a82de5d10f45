import {
  ACTIVE_REQUEST_STATUSES,
  type Chat,
  type ChatRequest,
  type Intro,
  type Member,
  type PersonRef,
  type SeekerProfile,
  type VolunteerProfile,
  isAvailableForMatching,
} from "../domain/index.js";
import type { StoreTx } from "../ports/index.js";
import { ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { ref } from "./shared/people.js";
import { REPORTED_STATUSES, reportOf } from "./shared/outcome-reports.js";

export interface StatusValue {
  member: Member;
  seeker: SeekerProfile | null;
  volunteer: VolunteerProfile | null;
  /** The member's requests still in progress, newest last. */
  requests: ChatRequest[];
  /** Intros waiting for this member's answer (as a volunteer). */
  introsToAnswer: (Intro & { seeker: PersonRef; goals: string })[];
  /**
   * Chats not yet closed, with the other person: upcoming ones, past ones awaiting "did it
   * happen?" (`awaitingOutcome`), and ones the other person said did not happen, waiting for
   * this member's answer (`status` "no_show", in the last 30 days).
   */
  chats: (Chat & { other: PersonRef; role: "seeker" | "volunteer"; awaitingOutcome: boolean })[];
  /** Chats answered in the last 30 days (happened, no-show or disputed): feedback and referrals apply to these. */
  recent: (Chat & { other: PersonRef; role: "seeker" | "volunteer"; awaitingOutcome: boolean })[];
  /** Intros to this member that expired in the last 7 days: a late `accept` may still revive one. */
  expiredIntros: (Intro & { seeker: PersonRef })[];
  /** Volunteers named in suggestions, by id, so adapters can show names. */
  people: Record<string, PersonRef>;
  /** Members this member blocked, so they can see whom and undo it. */
  blocked: PersonRef[];
  /** The last chats that are over (happened or didn't), newest first, at most five. */
  past: (Chat & { other: PersonRef; role: "seeker" | "volunteer" })[];
  /** The waking hours a seeker with no stated times is matched in (the community's setting). */
  seekerHours?: { start: string; end: string };
  /**
   * Per request id, the positions (0-based, as `choose <n>` counts them) of the suggestions that
   * still apply: the request is waiting for a choice, and the volunteer was not tried yet (a
   * decline or expiry ends a suggestion) and can take chats now.
   */
  liveSuggestions: Record<string, number[]>;
}

/** Oldest first, ties by id: the one order status shows and the commands' numbers and names follow. */
export const byCreation = <T extends { id: string } & ({ createdAt: Date } | { offeredAt: Date })>(a: T, b: T): number => {
  const t = (x: T) => ("createdAt" in x ? x.createdAt : x.offeredAt).getTime();
  return t(a) - t(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
};

/** What a member has going on, without the names: the lists status shows, each in its order. */
export interface Standing {
  /** Requests still in progress, oldest first. */
  requests: ChatRequest[];
  /** Intros waiting for this member's answer, deadline not passed, oldest first. */
  pending: Intro[];
  /** Intros to this member that expired in the last 7 days, oldest offer first. */
  expired: Intro[];
  /** Chats not yet closed (see StatusValue.chats), oldest first. */
  open: Chat[];
  /** Chats answered in the last 30 days, oldest first. */
  recent: Chat[];
  /** The last five chats that are over, newest first. */
  over: Chat[];
}

/** The lists status is made of, in four reads: what commands resolve "the one waiting for me" from. */
export async function standing(tx: StoreTx, communityId: string, member: Member, now: Date): Promise<Standing> {
  const requests = (await tx.listRequests(communityId, { seekerId: member.id, status: ACTIVE_REQUEST_STATUSES })).sort(byCreation);
  const pending = (await tx.listIntros(communityId, { volunteerId: member.id, status: ["pending"] }))
    .sort(byCreation)
    .filter((i) => i.deadline > now);
  const weekAgo = now.getTime() - 7 * 24 * 3600_000;
  const expired = (await tx.listIntros(communityId, { volunteerId: member.id, status: ["expired"] })).filter(
    (i) => i.deadline.getTime() >= weekAgo,
  );
  const mine = (await tx.listChats(communityId, { memberId: member.id })).sort(byCreation);
  const monthAgo = now.getTime() - 30 * 24 * 3600_000;
  const answered = (ch: Chat) => REPORTED_STATUSES.includes(ch.status) && (ch.outcomeAt?.getTime() ?? 0) >= monthAgo;
  const askedToAnswer = (ch: Chat) => ch.status === "no_show" && ch.reports.length > 0 && !reportOf(ch, member.id) && answered(ch);
  const when = (ch: Chat) => (ch.slot?.start ?? ch.createdAt).getTime();
  return {
    requests,
    pending,
    expired,
    open: mine.filter((ch) => ch.status === "proposing" || ch.status === "scheduled" || askedToAnswer(ch)),
    recent: mine.filter(answered),
    over: mine
      .filter((ch) => REPORTED_STATUSES.includes(ch.status))
      .sort((a, b) => when(b) - when(a))
      .slice(0, 5),
  };
}

/**
 * Everything a member needs to see where they stand: profiles, requests, intros and chats.
 * A handful of reads whatever the member has going on: their requests, intros and chats, then
 * everyone those name (and their volunteer profiles, and the intros' requests) in one read each.
 */
export async function getStatus(deps: Deps, cmd: { actor: Actor }): Promise<Result<StatusValue, never>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const c = community.id;
    const { requests, pending, expired, open, over, recent: recentChats } = await standing(tx, c, member, now);
    const otherOf = (ch: Chat) => (ch.seekerId === member.id ? ch.volunteerId : ch.seekerId);

    // Everyone the answer names, read at once: suggested volunteers, seekers of intros, the other side of chats, blocked members.
    const suggested = requests.flatMap((r) => r.suggestions.map((sg) => sg.volunteerId));
    const named = [
      ...suggested,
      ...pending.map((i) => i.seekerId),
      ...expired.map((i) => i.seekerId),
      ...[...open, ...over, ...recentChats].map(otherOf),
    ];
    const untried = requests
      .filter((r) => r.status === "open")
      .flatMap((r) => r.suggestions.filter((sg) => !r.tried.includes(sg.volunteerId)));
    const members = new Map((await tx.getMembers(c, [...named, ...member.blocked])).map((m) => [m.id, m]));
    const profiles = new Map((await tx.getVolunteers(c, [...untried.map((sg) => sg.volunteerId), member.id])).map((v) => [v.memberId, v]));
    const goals = new Map(
      (
        await tx.getRequests(
          c,
          pending.map((i) => i.requestId),
        )
      ).map((r) => [r.id, r.goals]),
    );

    const people: Record<string, PersonRef> = {};
    const person = (id: string): PersonRef => {
      const known = people[id];
      if (known) return known;
      const m = members.get(id);
      const r = m ? ref(m) : { id, name: "someone", timeZone: "UTC" };
      people[id] = r;
      return r;
    };
    for (const id of suggested) person(id);
    const liveSuggestions: Record<string, number[]> = {};
    for (const r of requests) {
      const live: number[] = [];
      if (r.status === "open") {
        for (const [i, sg] of r.suggestions.entries()) {
          if (r.tried.includes(sg.volunteerId)) continue;
          const v = members.get(sg.volunteerId);
          if (v && profiles.get(v.id)?.active && isAvailableForMatching(v, now)) live.push(i);
        }
      }
      liveSuggestions[r.id] = live;
    }
    const introsToAnswer = pending.map((i) => ({ ...i, seeker: person(i.seekerId), goals: goals.get(i.requestId) ?? "" }));
    const expiredIntros = expired.map((i) => ({ ...i, seeker: person(i.seekerId) }));
    const withOther = (ch: Chat) => ({
      ...ch,
      role: ch.seekerId === member.id ? ("seeker" as const) : ("volunteer" as const),
      other: person(otherOf(ch)),
      awaitingOutcome: ch.status === "scheduled" && ch.slot !== null && ch.slot.end.getTime() <= now.getTime(),
    });
    const chats = open.map(withOther);
    const blocked = member.blocked.flatMap((id) => {
      const m = members.get(id);
      return m ? [ref(m)] : [];
    });
    const past = over.map(withOther);
    const recent = recentChats.map(withOther);
    return ok({
      member,
      seeker: await tx.getSeeker(c, member.id),
      volunteer: profiles.get(member.id) ?? null,
      requests,
      introsToAnswer,
      expiredIntros,
      chats,
      recent,
      people,
      blocked,
      past,
      seekerHours: { start: community.settings.seekerDayStart, end: community.settings.seekerDayEnd },
      liveSuggestions,
    });
  });
}
