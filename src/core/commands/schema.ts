import { z } from "zod";
import type { Command } from "./types.js";

/**
 * The commands a button or menu may carry, as a schema: platforms round-trip them through
 * their payloads (Slack `value`, Discord `custom_id`), so they are parsed at the edge like
 * any other input. Only id-carrying, argument-light commands are allowed here.
 */
export const ButtonCommandSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("accept"), introId: z.string().min(1).max(80) }),
  z.object({ kind: z.literal("decline"), introId: z.string().min(1).max(80), reason: z.string().min(1).max(500).optional() }),
  z.object({ kind: z.literal("pick"), chatId: z.string().min(1).max(80), choice: z.number().int().min(1).max(10) }),
  z.object({ kind: z.literal("outcome"), chatId: z.string().min(1).max(80), outcome: z.enum(["happened", "no_show", "rescheduled"]) }),
  z.object({
    kind: z.literal("choose"),
    requestId: z.string().min(1).max(80),
    pick: z.union([z.number().int().min(1).max(10), z.literal("auto")]),
  }),
  z.object({ kind: z.literal("cancel"), chatId: z.string().min(1).max(80), confirmed: z.literal(true).optional() }),
  z.object({ kind: z.literal("leave"), confirmed: z.literal(true) }),
  z.object({ kind: z.literal("forget_me"), confirmed: z.literal(true) }),
  z.object({ kind: z.literal("feedback"), chatId: z.string().min(1).max(80), rating: z.number().int().min(1).max(5), note: z.literal("") }),
  z.object({ kind: z.literal("renew"), requestId: z.string().min(1).max(80) }),
  z.object({ kind: z.literal("door"), choice: z.enum(["learn", "help", "peers", "later"]) }),
  z.object({ kind: z.literal("rounds_join") }),
  z.object({ kind: z.literal("rounds_skip") }),
  z.object({ kind: z.literal("rounds_report"), groupId: z.string().min(1).max(80), outcome: z.enum(["met", "missed"]) }),
  z.object({ kind: z.literal("celebrate"), yes: z.boolean() }),
  z.object({ kind: z.literal("offer_topic"), tag: z.string().min(1).max(80) }),
  z.object({ kind: z.literal("rounds_pick"), groupId: z.string().min(1).max(80), choice: z.number().int().min(1).max(10) }),
]);
export type ButtonCommand = z.infer<typeof ButtonCommandSchema> & Command;

/** Compact text form for platforms with short payloads (Discord custom_id ≤ 100 chars). */
export function encodeButton(c: ButtonCommand): string {
  switch (c.kind) {
    case "accept":
      return `${c.kind}|${c.introId}`;
    case "decline":
      return c.reason ? `decline|${c.introId}|${c.reason}` : `decline|${c.introId}`;
    case "pick":
      return `pick|${c.chatId}|${c.choice}`;
    case "outcome":
      return `outcome|${c.chatId}|${c.outcome}`;
    case "choose":
      return `choose|${c.requestId}|${c.pick}`;
    case "cancel":
      return c.confirmed ? `cancel|${c.chatId}|yes` : `cancel|${c.chatId}`;
    case "leave":
    case "forget_me":
      return `${c.kind}|yes`;
    case "feedback":
      return `feedback|${c.chatId}|${c.rating}`;
    case "renew":
      return `renew|${c.requestId}`;
    case "door":
      return `door|${c.choice}`;
    case "rounds_join":
    case "rounds_skip":
      return c.kind;
    case "rounds_report":
      return `rounds_report|${c.groupId}|${c.outcome}`;
    case "celebrate":
      return `celebrate|${c.yes ? "yes" : "no"}`;
    case "offer_topic":
      return `offer_topic|${c.tag}`;
    case "rounds_pick":
      return `rounds_pick|${c.groupId}|${c.choice}`;
  }
}

/** Reads a button payload back into a command; anything else is null (stale or forged). */
export function decodeButton(text: string): ButtonCommand | null {
  const [kind, id, ...args] = text.split("|");
  // A decline's reason is free text and may hold "|" itself.
  const arg = kind === "decline" ? args.join("|") || undefined : args[0];
  const raw: Record<string, unknown> =
    kind === "accept"
      ? { kind, introId: id }
      : kind === "decline"
        ? { kind, introId: id, ...(arg !== undefined ? { reason: arg } : {}) }
        : kind === "pick"
          ? { kind, chatId: id, choice: Number(arg) }
          : kind === "outcome"
            ? { kind, chatId: id, outcome: arg }
            : kind === "choose"
              ? { kind, requestId: id, pick: arg === "auto" ? "auto" : Number(arg) }
              : kind === "cancel"
                ? { kind, chatId: id, ...(arg === "yes" ? { confirmed: true } : {}) }
                : (kind === "leave" || kind === "forget_me") && id === "yes"
                  ? { kind, confirmed: true }
                  : kind === "feedback"
                    ? { kind, chatId: id, rating: Number(arg), note: "" }
                    : kind === "renew"
                      ? { kind, requestId: id }
                      : kind === "door"
                        ? { kind, choice: id }
                        : kind === "rounds_report"
                          ? { kind, groupId: id, outcome: arg }
                          : kind === "celebrate"
                            ? { kind, yes: id === "yes" ? true : id === "no" ? false : undefined }
                            : kind === "offer_topic"
                              ? { kind, tag: id }
                              : kind === "rounds_pick"
                                ? { kind, groupId: id, choice: Number(arg) }
                                : { kind };
  const parsed = ButtonCommandSchema.safeParse(raw);
  return parsed.success ? (parsed.data as ButtonCommand) : null;
}
