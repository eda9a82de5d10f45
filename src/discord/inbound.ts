import { InteractionResponseType, InteractionType, MessageFlags, Routes } from "discord-api-types/v10";
import type { Client, REST } from "discord.js";
import { countMalformed } from "../app/faults.js";
import type { Logger } from "../core/ports/index.js";
import { NO_MENTIONS } from "./render.js";

/**
 * An INTERACTION_CREATE payload read into what it is, or `unsupported` with the reason (and
 * the id and token to answer it with, when it has them). Percolate handles commands,
 * components, autocomplete and modal submissions; anything else, or any of those missing a
 * field discord.js or Percolate reads, is unsupported (vercel/chat's webhook parse).
 */
export type DiscordInbound =
  | { kind: "interaction"; type: InteractionType }
  | { kind: "unsupported"; reason: string; type?: number; id?: string; token?: string };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): x is string => typeof x === "string" && x.length > 0;
const snowflake = (x: unknown): x is string => typeof x === "string" && /^\d{1,22}$/.test(x);

/** Slash-command options, nested through groups and subcommands: each an object with a name and a type. */
function optionsOk(x: unknown, depth = 0): boolean {
  if (x === undefined) return true;
  if (!Array.isArray(x) || depth > 3) return false;
  return x.every((o) => isObj(o) && str(o.name) && typeof o.type === "number" && optionsOk(o.options, depth + 1));
}

/** What is wrong with the payload for its type, or null when everything read downstream is there. */
function problem(d: Obj): string | null {
  if (!snowflake(d.application_id)) return "no application_id";
  if (d.channel !== undefined && !(isObj(d.channel) && snowflake(d.channel.id))) return "a channel without an id";
  if (d.guild_id !== undefined) {
    if (!snowflake(d.guild_id)) return "a malformed guild_id";
    if (!isObj(d.member) || !isObj(d.member.user) || !snowflake(d.member.user.id)) return "a guild interaction without member.user";
    if (d.member.permissions !== undefined && !(typeof d.member.permissions === "string" && /^\d+$/.test(d.member.permissions)))
      return "member.permissions is not a number";
    if (d.member.roles !== undefined && !(Array.isArray(d.member.roles) && d.member.roles.every(snowflake)))
      return "malformed member.roles";
  } else if (!isObj(d.user) || !snowflake(d.user.id)) return "a DM interaction without user";
  const data = d.data;
  if (!isObj(data)) return "no data";
  switch (d.type) {
    case InteractionType.ApplicationCommand:
    case InteractionType.ApplicationCommandAutocomplete:
      if (!str(data.name) || typeof data.type !== "number" || !snowflake(data.id)) return "a command without name, type or id";
      if (!optionsOk(data.options)) return "malformed command options";
      if (data.resolved !== undefined && !isObj(data.resolved)) return "malformed resolved data";
      return null;
    case InteractionType.MessageComponent:
      if (!str(data.custom_id) || data.custom_id.length > 100) return "a component without a custom_id";
      if (typeof data.component_type !== "number") return "a component without a component_type";
      if (data.values !== undefined && !(Array.isArray(data.values) && data.values.every((v) => typeof v === "string")))
        return "malformed select values";
      if (!isObj(d.message) || !snowflake(d.message.id)) return "a component without its message";
      return null;
    case InteractionType.ModalSubmit:
      if (!str(data.custom_id)) return "a modal without a custom_id";
      if (
        !Array.isArray(data.components) ||
        !data.components.every((row) => isObj(row) && (row.components === undefined || Array.isArray(row.components)))
      )
        return "a modal without components";
      return null;
    default:
      return `interaction type ${String(d.type)} is not one Percolate handles`;
  }
}

/** Reads one INTERACTION_CREATE payload. Never throws. */
export function parseInteraction(raw: unknown): DiscordInbound {
  if (!isObj(raw)) return { kind: "unsupported", reason: "payload is not an object" };
  const id = snowflake(raw.id) ? raw.id : undefined;
  const token = str(raw.token) ? raw.token : undefined;
  const type = typeof raw.type === "number" ? raw.type : undefined;
  const answerable = { ...(id ? { id } : {}), ...(token ? { token } : {}), ...(type !== undefined ? { type } : {}) };
  if (!id || !token || type === undefined) return { kind: "unsupported", reason: "no id, token or type", ...answerable };
  const why = problem(raw);
  return why ? { kind: "unsupported", reason: why, ...answerable } : { kind: "interaction", type: type as InteractionType };
}

/** What someone whose interaction could not be read is told. */
export const UNREADABLE = "Sorry — I couldn't read that. Please try again, or type /coffee help.";

/** The internal hook discord.js routes every INTERACTION_CREATE through (not in its public types). */
interface InteractionAction {
  handle(data: unknown): void;
}

/**
 * Puts `parseInteraction` in front of discord.js's interaction handling, which builds an
 * interaction object straight from the gateway packet and throws on a missing field — inside
 * the gateway's message handler, where nothing catches it. An unreadable payload is logged,
 * counted and, when it carries an id and a token, answered with a short apology through the
 * interaction callback; it never reaches discord.js or Percolate.
 */
export function guardInteractions(client: Client, rest: REST, log: Logger): void {
  const actions = (client as unknown as { actions?: { InteractionCreate?: InteractionAction } }).actions;
  const action = actions?.InteractionCreate;
  if (!action) throw new Error("discord.js has no InteractionCreate action to guard; check the discord.js version");
  const inner = action.handle.bind(action);
  const refuse = (p: Extract<DiscordInbound, { kind: "unsupported" }>) => {
    countMalformed("discord");
    log.warn({ reason: p.reason, interaction: p.id, type: p.type }, "discord interaction could not be read; not handled");
    if (!p.id || !p.token || p.type === InteractionType.Ping) return;
    const body =
      p.type === InteractionType.ApplicationCommandAutocomplete
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : {
            type: InteractionResponseType.ChannelMessageWithSource,
            data: { content: UNREADABLE, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS },
          };
    rest.post(Routes.interactionCallback(p.id, p.token), { body, auth: false }).catch((e: unknown) => {
      log.warn({ err: e instanceof Error ? e.message : String(e), interaction: p.id }, "could not answer an unreadable interaction");
    });
  };
  action.handle = (data: unknown) => {
    const parsed = parseInteraction(data);
    if (parsed.kind === "unsupported") return refuse(parsed);
    try {
      inner(data);
    } catch (e) {
      const d = data as Obj;
      refuse({
        kind: "unsupported",
        reason: `discord.js could not build it: ${e instanceof Error ? e.message : String(e)}`,
        id: String(d.id),
        token: String(d.token),
        type: Number(d.type),
      });
    }
  };
}
