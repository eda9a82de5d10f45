import { decodeButton, encodeButton, type ButtonCommand } from "../core/commands/index.js";

/** Discord's ids in Percolate: community `discord:<guild>`, member `discord:<guild>:<user>`. */
export const communityIdOf = (guildId: string): string => `discord:${guildId}`;
export const memberIdOf = (guildId: string, userId: string): string => `discord:${guildId}:${userId}`;

/** The guild of a community id, or null when it is not a Discord community. */
export function guildIdOf(communityId: string): string | null {
  const m = /^discord:(\d+)$/.exec(communityId);
  return m?.[1] ?? null;
}

/** The Discord user id of a member id, or null when it is not a Discord member. */
export function userIdOf(memberId: string): string | null {
  const m = /^discord:\d+:(\d+)$/.exec(memberId);
  return m?.[1] ?? null;
}

/**
 * A button's custom_id: the guild, then the core's compact command. The guild travels with it
 * because a click in a DM carries no guild, and one process serves many guilds.
 */
const CUSTOM_ID_MAX = 100;

export function encodeCustomId(guildId: string, c: ButtonCommand): string {
  const id = `${guildId}|${encodeButton(c)}`;
  if (id.length <= CUSTOM_ID_MAX || c.kind !== "decline" || !c.reason) return id;
  // Discord caps custom_id at 100 characters: a long decline reason is shortened to fit.
  const room = CUSTOM_ID_MAX - `${guildId}|${encodeButton({ kind: "decline", introId: c.introId })}|`.length;
  return room > 0
    ? `${guildId}|${encodeButton({ ...c, reason: c.reason.slice(0, room) })}`
    : `${guildId}|${encodeButton({ kind: "decline", introId: c.introId })}`;
}

/** Reads a custom_id back; null for anything stale, forged or not ours. */
export function decodeCustomId(customId: string): { guildId: string; command: ButtonCommand } | null {
  const m = /^(\d{1,22})\|(.+)$/.exec(customId);
  if (!m?.[1] || !m[2]) return null;
  const command = decodeButton(m[2]);
  return command ? { guildId: m[1], command } : null;
}
