import type { Deps, Actor } from "../use-cases/index.js";
import { standing } from "../use-cases/get-status.js";
import { loadActor } from "../use-cases/shared/context.js";

export type TargetKind =
  | "request" // my request waiting for a choice
  | "request_any" // my newest active request
  | "intro" // the oldest intro waiting for my answer, else the newest that expired lately (a late accept)
  | "proposing" // my chat waiting for a slot
  | "scheduled" // my next scheduled chat
  | "awaiting_outcome" // my scheduled chat that has started, else the next one
  | "open_chat" // my newest chat not yet held
  | "happened" // my latest chat that happened, where I volunteered
  | "happened_any" // my latest chat that happened
  | "happened_seeker"; // my latest chat that happened, where I was the seeker

/**
 * Finds "the one waiting for me" when a person types `accept` or `pick 2` without an id:
 * the same rule on every platform. Returns null when there is nothing of that kind.
 * It reads the lists status is made of, not the names: an id is all it answers.
 */
export async function resolveTarget(deps: Deps, actor: Actor, kind: TargetKind): Promise<string | null> {
  const now = deps.clock.now();
  const lists = await deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, actor, now);
    return standing(tx, community.id, member, now);
  });
  const role = (c: { seekerId: string }) => (c.seekerId === actor.memberId ? "seeker" : "volunteer");
  const s = {
    requests: lists.requests,
    introsToAnswer: lists.pending,
    expiredIntros: lists.expired,
    chats: lists.open,
    recent: lists.recent,
  };
  const newest = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];
  switch (kind) {
    case "request":
      return (
        newest(s.requests.filter((r) => r.status === "open" || r.status === "waitlisted"))?.id ??
        newest(s.requests.filter((r) => r.status === "offered"))?.id ??
        null
      );
    case "request_any":
      return newest(s.requests)?.id ?? null;
    case "intro":
      return s.introsToAnswer[0]?.id ?? newest(s.expiredIntros)?.id ?? null;
    case "proposing":
      return newest(s.chats.filter((c) => c.status === "proposing"))?.id ?? null;
    case "scheduled":
      return (
        s.chats.filter((c) => c.status === "scheduled").sort((a, b) => (a.slot?.start.getTime() ?? 0) - (b.slot?.start.getTime() ?? 0))[0]
          ?.id ??
        // After a no-show (whoever reported it, disputed or not), `reschedule` finds a new time for that chat.
        newest(s.recent.filter((c) => c.status === "no_show" || c.status === "disputed"))?.id ??
        null
      );
    case "awaiting_outcome": {
      const bySlot = (a: { slot: { start: Date } | null }, b: { slot: { start: Date } | null }) =>
        (a.slot?.start.getTime() ?? 0) - (b.slot?.start.getTime() ?? 0);
      const scheduled = s.chats.filter((c) => c.status === "scheduled" && c.slot).sort(bySlot);
      const started = scheduled.filter((c) => (c.slot?.start ?? now) <= now);
      // Else the chat the other person answered and this member has not (to agree or dispute).
      const unanswered = s.recent.filter((c) => !c.reports.some((r) => r.by === actor.memberId));
      return (newest(started) ?? newest(unanswered) ?? scheduled[0])?.id ?? null;
    }
    case "open_chat":
      return newest(s.chats.filter((c) => c.status === "proposing" || c.status === "scheduled"))?.id ?? null;
    case "happened":
      return newest(s.recent.filter((c) => role(c) === "volunteer" && c.status === "happened"))?.id ?? null;
    case "happened_any":
      return newest(s.recent)?.id ?? null;
    case "happened_seeker":
      return newest(s.recent.filter((c) => role(c) === "seeker"))?.id ?? null;
  }
}
