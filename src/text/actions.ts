import type { ButtonCommand } from "../core/commands/index.js";
import type { Member, Notice } from "../core/domain/index.js";
import type { RequestChatValue } from "../core/use-cases/index.js";
import { formatSlot } from "../core/time/index.js";
import { frontDoorActions } from "./front-door.js";

/** A one-click answer offered with a message: a label and the command it runs. */
export interface Action {
  label: string;
  style?: "primary" | "danger";
  command: ButtonCommand;
}

/** The buttons that belong with a notice for this reader (none for purely informative ones). */
export function noticeActions(n: Notice, reader: Member): Action[] {
  switch (n.kind) {
    case "intro_offered":
    case "intro_reminder":
      return [
        { label: "Accept", style: "primary", command: { kind: "accept", introId: n.introId } },
        { label: "Decline", style: "danger", command: { kind: "decline", introId: n.introId } },
      ];
    case "intro_expired":
      return [{ label: "Accept anyway", style: "primary", command: { kind: "accept", introId: n.introId } }];
    case "no_show_reported":
      return [
        { label: "It did happen", command: { kind: "outcome", chatId: n.chatId, outcome: "happened" } },
        { label: "Find a new time", style: "primary", command: { kind: "outcome", chatId: n.chatId, outcome: "rescheduled" } },
      ];
    case "slots_proposed":
      return n.slots.map((s, i) => ({ label: formatSlot(s, reader.timeZone), command: { kind: "pick", chatId: n.chatId, choice: i + 1 } }));
    case "check_in":
      return [
        { label: "It happened", style: "primary", command: { kind: "outcome", chatId: n.chatId, outcome: "happened" } },
        { label: "Didn't happen", command: { kind: "outcome", chatId: n.chatId, outcome: "no_show" } },
        { label: "Reschedule", command: { kind: "outcome", chatId: n.chatId, outcome: "rescheduled" } },
      ];
    case "chat_scheduled":
      return [
        { label: "Reschedule", command: { kind: "outcome", chatId: n.chatId, outcome: "rescheduled" } },
        { label: "Cancel", style: "danger", command: { kind: "cancel", chatId: n.chatId } },
      ];
    case "referral_suggested":
      return [
        { label: `Send the intro to ${n.volunteer.name}`, style: "primary", command: { kind: "choose", requestId: n.requestId, pick: 1 } },
      ];
    case "outcome_recorded":
      return n.outcome === "happened" ? feedbackActions(n.chatId) : [];
    case "round_paired":
      return [
        ...n.slots.map((s, i) => ({
          label: formatSlot(s, reader.timeZone),
          command: { kind: "rounds_pick" as const, groupId: n.groupId, choice: i + 1 },
        })),
        { label: "Skip the next round", command: { kind: "rounds_skip" } },
      ];
    case "round_check_in":
      return [
        { label: "We met", style: "primary", command: { kind: "rounds_report", groupId: n.groupId, outcome: "met" } },
        { label: "We didn't meet", command: { kind: "rounds_report", groupId: n.groupId, outcome: "missed" } },
      ];
    case "rounds_paused":
      return [{ label: "Join rounds again", style: "primary", command: { kind: "rounds_join" } }];
    case "request_expired":
      return [{ label: "Renew my request", style: "primary", command: { kind: "renew", requestId: n.requestId } }];
    case "program_welcome":
      return frontDoorActions();
    default:
      return [];
  }
}

/** 1–5 rating buttons for a chat. */
export function feedbackActions(chatId: string): Action[] {
  return [1, 2, 3, 4, 5].map((rating) => ({ label: "★".repeat(rating), command: { kind: "feedback", chatId, rating, note: "" } }));
}

/** Buttons under a request's suggestions: one per suggestion, and "pick for me". */
export function suggestionActions(v: RequestChatValue): Action[] {
  if (v.suggestions.length === 0) return [];
  return [
    ...v.suggestions.map((s, i) => ({
      label: `Choose ${s.volunteer.name}`,
      command: { kind: "choose" as const, requestId: v.request.id, pick: i + 1 },
    })),
    {
      label: "Pick for me",
      style: "primary" as const,
      command: { kind: "choose" as const, requestId: v.request.id, pick: "auto" as const },
    },
  ];
}
