import type { ChatInputCommandInteraction, MessageComponentInteraction, ModalSubmitInteraction } from "discord.js";
import { z } from "zod";
import type { Parsed } from "../core/commands/index.js";
import type { Actor } from "../core/use-cases/index.js";

/** The kind of Discord requests kept in the inbox (commands, clicks, menus and form submissions). */
export const DISCORD_INTERACTION = "discord_interaction";

/**
 * An interaction as kept before its acknowledgement: who acted, the command our own parsers
 * made of it (or the settings form's fields), and what answering it later needs (the
 * interaction's token is valid for 15 minutes; after that the answer goes by DM).
 */
const Payload = z.object({
  guildId: z.string(),
  userId: z.string(),
  actor: z.object({ communityId: z.string(), memberId: z.string() }).passthrough(),
  parsed: z.object({ kind: z.string() }).passthrough(),
  settings: z.object({ opened: z.record(z.string()).nullable(), fields: z.record(z.string()) }).optional(),
  mode: z.enum(["reply", "update"]),
  /** Whether it came from a message component (a click or a menu), whose message may show the outcome. */
  component: z.boolean(),
  /** The clicked message's content, for an in-place outcome. */
  original: z.string(),
  /** The clicked control and the message's rows, so the other notices' buttons stay usable. */
  customId: z.string().default(""),
  rows: z.array(z.unknown()).default([]),
  applicationId: z.string(),
  token: z.string(),
});

export interface InteractionPayload {
  guildId: string;
  userId: string;
  actor: Actor;
  parsed: Parsed;
  settings?: { opened: Record<string, string> | null; fields: Record<string, string> };
  mode: "reply" | "update";
  component: boolean;
  original: string;
  customId: string;
  rows: unknown[];
  applicationId: string;
  token: string;
}

/** Reads a kept interaction back. The actor and command were built by our own parsers before keeping, so their shape is checked, not re-derived. */
export function readInteraction(json: string): InteractionPayload {
  const p = Payload.parse(JSON.parse(json));
  return { ...p, actor: p.actor as unknown as Actor, parsed: p.parsed as unknown as Parsed } as InteractionPayload;
}

/** What is kept of a live interaction before it is acknowledged. */
export function payloadOf(
  i: ChatInputCommandInteraction | ModalSubmitInteraction | MessageComponentInteraction,
  guildId: string,
  userId: string,
  actor: Actor,
  parsed: Parsed,
  mode: "reply" | "update",
  settings?: InteractionPayload["settings"],
): InteractionPayload {
  return {
    guildId,
    userId,
    actor,
    parsed,
    ...(settings ? { settings } : {}),
    mode,
    component: i.isMessageComponent(),
    original: i.isMessageComponent() ? i.message.content : "",
    customId: i.isMessageComponent() ? i.customId : "",
    rows: i.isMessageComponent() ? i.message.components.map((row) => row.toJSON()) : [],
    applicationId: i.applicationId,
    token: i.token,
  };
}
