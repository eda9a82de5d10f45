import type { PersonRef, Slot } from "../domain/index.js";
import type { StatusValue } from "../use-cases/index.js";
import type { ButtonCommand } from "./schema.js";

/**
 * "Are you sure?": what a command that can't be undone would do, so the member can decide.
 * Nothing was done; `command` is the same command, confirmed.
 */
export interface ConfirmValue {
  action: "leave" | "forget_me" | "cancel";
  /** Chats not yet held that would be called off; each other person is told. */
  chats: { other: PersonRef; slot: Slot | null; role: "seeker" | "volunteer" }[];
  /** Requests of theirs that would close. */
  requests: number;
  /** Intros waiting for their answer that would pass to another volunteer. */
  intros: number;
  command: ButtonCommand;
  /** `cancel`: the other person's name, when the member has several chats and must say which. */
  named?: string;
}

const chatsOf = (s: StatusValue, only?: string) =>
  s.chats.filter((c) => only === undefined || c.id === only).map((c) => ({ other: c.other, slot: c.slot, role: c.role }));

/** `leave`: asks first when chats not yet held would be called off; null when it can go ahead at once. */
export function leavePreview(s: StatusValue): ConfirmValue | null {
  if (s.member.status === "opted_out" || s.chats.length === 0) return null;
  return {
    action: "leave",
    chats: chatsOf(s),
    requests: s.requests.length,
    intros: s.introsToAnswer.length,
    command: { kind: "leave", confirmed: true },
  };
}

/** `forget-me`: always asks, since erasure can't be undone. */
export function forgetPreview(s: StatusValue): ConfirmValue {
  return {
    action: "forget_me",
    chats: chatsOf(s),
    requests: s.requests.length,
    intros: s.introsToAnswer.length,
    command: { kind: "forget_me", confirmed: true },
  };
}

/** `cancel` of a booked chat asks first; a chat still waiting for a time is called off at once (null). */
export function cancelPreview(s: StatusValue, chatId: string): ConfirmValue | null {
  const chat = s.chats.find((c) => c.id === chatId);
  if (chat?.status !== "scheduled") return null;
  return {
    action: "cancel",
    chats: chatsOf(s, chatId),
    requests: 0,
    intros: 0,
    command: { kind: "cancel", chatId, confirmed: true },
    ...(s.chats.length > 1 ? { named: chat.other.name } : {}),
  };
}
