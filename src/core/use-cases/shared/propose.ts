import type { Chat, Community, Member, Slot } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { enqueue } from "./notify.js";
import { ref } from "./people.js";
import { slotsFor } from "./slots.js";

export interface ProposeOptions {
  /** Times not to offer again (the one just taken, passed or moved away from). */
  avoid?: readonly Slot[];
  /** The pair has seen times for this chat before: the notice says "new times". */
  rescheduled: boolean;
  /** Separates this round's notices from earlier ones for the same chat (see nudgeKey). */
  round?: number;
}

/**
 * The one place that offers a chat's times: up to three fresh slots that suit both people go
 * to each of them, or — when there is no common time — each is told so and how to widen their
 * availability. Saves the chat with its new proposals and withdraws any earlier proposal still
 * waiting in the outbox. Accept, pick (slot taken or passed), reschedule and a late accept all
 * come through here, so what the pair reads always matches the chat's state.
 */
export async function proposeTimes(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  chat: Chat,
  seeker: Member,
  volunteer: Member,
  opts: ProposeOptions,
): Promise<Chat> {
  const now = deps.clock.now();
  const fresh = await slotsFor(tx, community, chat, seeker, volunteer, now, opts.avoid ?? []);
  const saved: Chat = { ...chat, status: "proposing", slot: null, proposedSlots: fresh, updatedAt: now };
  await tx.saveChat(saved);
  await tx.cancelNudges(community.id, { refId: chat.id, kinds: ["slots_proposed", "no_common_slot"] });
  const pair = [
    { me: seeker, other: volunteer, role: "seeker" as const },
    { me: volunteer, other: seeker, role: "volunteer" as const },
  ];
  await enqueue(
    tx,
    deps,
    community.id,
    pair.map(({ me, other, role }) => ({
      to: [me.id],
      refId: chat.id,
      dueAt: now,
      ...(opts.round !== undefined ? { round: opts.round } : {}),
      notice:
        fresh.length > 0
          ? {
              kind: "slots_proposed" as const,
              chatId: chat.id,
              other: ref(other),
              slots: fresh,
              minutes: chat.minutes,
              rescheduled: opts.rescheduled,
              role,
            }
          : { kind: "no_common_slot" as const, chatId: chat.id, other: ref(other) },
    })),
  );
  return saved;
}
