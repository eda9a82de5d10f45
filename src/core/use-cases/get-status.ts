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

/** Everything a member needs to see where they stand: profiles, requests, intros and chats. */
export async function getStatus(deps: Deps, cmd: { actor: Actor }): Promise<Result<StatusValue, never>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const people: Record<string, PersonRef> = {};
    const person = async (id: string): Promise<PersonRef> => {
      const known = people[id];
      if (known) return known;
      const m = await tx.getMember(community.id, id);
      const r = m ? ref(m) : { id, name: "someone", timeZone: "UTC" };
      people[id] = r;
      return r;
    };
    const requests = (await tx.listRequests(community.id, { seekerId: member.id, status: ACTIVE_REQUEST_STATUSES })).sort(byCreation);
    for (const r of requests) for (const s of r.suggestions) await person(s.volunteerId);
    const liveSuggestions: Record<string, number[]> = {};
    for (const r of requests) {
      const live: number[] = [];
      if (r.status === "open") {
        for (const [i, s] of r.suggestions.entries()) {
          if (r.tried.includes(s.volunteerId)) continue;
          const v = await tx.getMember(community.id, s.volunteerId);
          const profile = v ? await tx.getVolunteer(community.id, v.id) : null;
          if (v && profile?.active && isAvailableForMatching(v, now)) live.push(i);
        }
      }
      liveSuggestions[r.id] = live;
    }
    const introsToAnswer = [];
    for (const i of (await tx.listIntros(community.id, { volunteerId: member.id, status: ["pending"] })).sort(byCreation)) {
      if (i.deadline > now)
        introsToAnswer.push({
          ...i,
          seeker: await person(i.seekerId),
          goals: (await tx.getRequest(community.id, i.requestId))?.goals ?? "",
        });
    }
    const expiredIntros = [];
    const weekAgo = now.getTime() - 7 * 24 * 3600_000;
    for (const i of await tx.listIntros(community.id, { volunteerId: member.id, status: ["expired"] })) {
      if (i.deadline.getTime() >= weekAgo) expiredIntros.push({ ...i, seeker: await person(i.seekerId) });
    }
    const withOther = async (c: Chat) => ({
      ...c,
      role: c.seekerId === member.id ? ("seeker" as const) : ("volunteer" as const),
      other: await person(c.seekerId === member.id ? c.volunteerId : c.seekerId),
      awaitingOutcome: c.status === "scheduled" && c.slot !== null && c.slot.end.getTime() <= now.getTime(),
    });
    const mine = (await tx.listChats(community.id, { memberId: member.id })).sort(byCreation);
    const monthAgo = now.getTime() - 30 * 24 * 3600_000;
    const answered = (c: Chat) => REPORTED_STATUSES.includes(c.status) && (c.outcomeAt?.getTime() ?? 0) >= monthAgo;
    const askedToAnswer = (c: Chat) => c.status === "no_show" && c.reports.length > 0 && !reportOf(c, member.id) && answered(c);
    const chats = await Promise.all(
      mine.filter((c) => c.status === "proposing" || c.status === "scheduled" || askedToAnswer(c)).map(withOther),
    );
    const blocked: PersonRef[] = [];
    for (const id of member.blocked) {
      const m = await tx.getMember(community.id, id);
      if (m) blocked.push(ref(m));
    }
    const over = mine.filter((c) => REPORTED_STATUSES.includes(c.status));
    const when = (c: Chat) => (c.slot?.start ?? c.createdAt).getTime();
    const past = await Promise.all(
      over
        .sort((a, b) => when(b) - when(a))
        .slice(0, 5)
        .map(withOther),
    );
    const recent = await Promise.all(mine.filter(answered).map(withOther));
    return ok({
      member,
      seeker: await tx.getSeeker(community.id, member.id),
      volunteer: await tx.getVolunteer(community.id, member.id),
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
