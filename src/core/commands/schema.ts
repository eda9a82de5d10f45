import { z } from "zod";
import type { Command } from "./types.js";

/**
 * The commands a button or menu may carry, as a schema: platforms round-trip them through
 * their payloads (Slack `value`, Discord `custom_id`), so they are parsed at the edge like
 * any other input. Only id-carrying, argument-light commands are allowed here.
 */
export const ButtonCommandSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("accept"), introId: z.string().min(1).max(80) }),
  z.object({ kind: z.literal("decline"), introId: z.string().min(1).max(80) }),
  z.object({ kind: z.literal("pick"), chatId: z.string().min(1).max(80), choice: z.number().int().min(1).max(10) }),
  z.object({ kind: z.literal("outcome"), chatId: z.string().min(1).max(80), outcome: z.enum(["happened", "no_show", "rescheduled"]) }),
  z.object({
    kind: z.literal("choose"),
    requestId: z.string().min(1).max(80),
    pick: z.union([z.number().int().min(1).max(10), z.literal("auto")]),
  }),
  z.object({ kind: z.literal("cancel"), chatId: z.string().min(1).max(80) }),
  z.object({ kind: z.literal("feedback"), chatId: z.string().min(1).max(80), rating: z.number().int().min(1).max(5), note: z.literal("") }),
  z.object({ kind: z.literal("renew"), requestId: z.string().min(1).max(80) }),
]);
export type ButtonCommand = z.infer<typeof ButtonCommandSchema> & Command;

/** Compact text form for platforms with short payloads (Discord custom_id ≤ 100 chars). */
export function encodeButton(c: ButtonCommand): string {
  switch (c.kind) {
    case "accept":
    case "decline":
      return `${c.kind}|${c.introId}`;
    case "pick":
      return `pick|${c.chatId}|${c.choice}`;
    case "outcome":
      return `outcome|${c.chatId}|${c.outcome}`;
    case "choose":
      return `choose|${c.requestId}|${c.pick}`;
    case "cancel":
      return `cancel|${c.chatId}`;
    case "feedback":
      return `feedback|${c.chatId}|${c.rating}`;
    case "renew":
      return `renew|${c.requestId}`;
  }
}

/** Reads a button payload back into a command; anything else is null (stale or forged). */
export function decodeButton(text: string): ButtonCommand | null {
  const [kind, id, arg] = text.split("|");
  const raw: Record<string, unknown> =
    kind === "accept" || kind === "decline"
      ? { kind, introId: id }
      : kind === "pick"
        ? { kind, chatId: id, choice: Number(arg) }
        : kind === "outcome"
          ? { kind, chatId: id, outcome: arg }
          : kind === "choose"
            ? { kind, requestId: id, pick: arg === "auto" ? "auto" : Number(arg) }
            : kind === "cancel"
              ? { kind, chatId: id }
              : kind === "feedback"
                ? { kind, chatId: id, rating: Number(arg), note: "" }
                : kind === "renew"
                  ? { kind, requestId: id }
                  : { kind };
  const parsed = ButtonCommandSchema.safeParse(raw);
  return parsed.success ? (parsed.data as ButtonCommand) : null;
}
