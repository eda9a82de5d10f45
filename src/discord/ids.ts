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
export const encodeCustomId = (guildId: string, c: ButtonCommand): string => `${guildId}|${encodeButton(c)}`;

/** Reads a custom_id back; null for anything stale, forged or not ours. */
export function decodeCustomId(customId: string): { guildId: string; command: ButtonCommand } | null {
  const m = /^(\d{1,22})\|(.+)$/.exec(customId);
  if (!m?.[1] || !m[2]) return null;
  const command = decodeButton(m[2]);
  return command ? { guildId: m[1], command } : null;
}
