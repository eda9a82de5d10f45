import { type Client, DiscordAPIError, PermissionFlagsBits, RESTJSONErrorCodes } from "discord.js";
import { BoundedMap } from "../app/bounded-map.js";
import type { Logger } from "../core/ports/index.js";
import { guildIdOf, userIdOf } from "./ids.js";

export interface AdminFacts {
  platformAdmin: boolean;
  roles: string[];
}

/** How many members' facts a process keeps, and for how long. */
const CACHED_MEMBERS = 20_000;
const FRESH_MS = 5 * 60_000;

/**
 * A Discord member's admin standing now, for the dashboard's admin check on each request: Manage
 * Server (as the guild's roles and owner give it) and the member's role ids. The bot holds only
 * the Guilds intent, so member updates don't arrive: the member is fetched over REST when not
 * known for FRESH_MS, and kept that long. Someone no longer in the server holds nothing; null
 * when Discord can't say (another platform's ids, an unknown guild, an outage).
 */
export function discordAdminFacts(client: Client, log: Logger, now: () => number = Date.now) {
  const cache = new BoundedMap<string, { facts: AdminFacts; at: number }>(CACHED_MEMBERS);
  return async (communityId: string, memberId: string): Promise<AdminFacts | null> => {
    const guildId = guildIdOf(communityId);
    const userId = userIdOf(memberId);
    if (!guildId || !userId || memberId !== `${communityId}:${userId}`) return null;
    const key = `${guildId}:${userId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < FRESH_MS) return hit.facts;
    try {
      const guild = client.guilds.cache.get(guildId) ?? (await client.guilds.fetch(guildId));
      const member = await guild.members.fetch({ user: userId, force: true });
      const facts: AdminFacts = {
        platformAdmin: member.permissions.has(PermissionFlagsBits.ManageGuild),
        roles: [...member.roles.cache.keys()].filter((r) => r !== guildId),
      };
      cache.set(key, { facts, at: now() });
      return facts;
    } catch (e) {
      if (e instanceof DiscordAPIError && e.code === RESTJSONErrorCodes.UnknownMember) {
        const facts: AdminFacts = { platformAdmin: false, roles: [] };
        cache.set(key, { facts, at: now() });
        return facts;
      }
      log.warn({ guildId, user: userId, err: e instanceof Error ? e.message : String(e) }, "could not look up a member's admin standing");
      return null;
    }
  };
}
