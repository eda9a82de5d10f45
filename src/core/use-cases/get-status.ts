import {
  ACTIVE_REQUEST_STATUSES,
  type Chat,
  type ChatRequest,
  type Intro,
  type Member,
  type PersonRef,
  type SeekerProfile,
  type VolunteerProfile,
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
  introsToAnswer: (Intro & { seeker: PersonRef })[];
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
}

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
    const requests = await tx.listRequests(community.id, { seekerId: member.id, status: ACTIVE_REQUEST_STATUSES });
    for (const r of requests) for (const s of r.suggestions) await person(s.volunteerId);
    const introsToAnswer = [];
    for (const i of await tx.listIntros(community.id, { volunteerId: member.id, status: ["pending"] })) {
      if (i.deadline > now) introsToAnswer.push({ ...i, seeker: await person(i.seekerId) });
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
    const mine = await tx.listChats(community.id, { memberId: member.id });
    const monthAgo = now.getTime() - 30 * 24 * 3600_000;
    const answered = (c: Chat) => REPORTED_STATUSES.includes(c.status) && (c.outcomeAt?.getTime() ?? 0) >= monthAgo;
    const askedToAnswer = (c: Chat) => c.status === "no_show" && c.reports.length > 0 && !reportOf(c, member.id) && answered(c);
    const chats = await Promise.all(
      mine.filter((c) => c.status === "proposing" || c.status === "scheduled" || askedToAnswer(c)).map(withOther),
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
    });
  });
}
