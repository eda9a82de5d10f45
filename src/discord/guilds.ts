import { type Client, Events, type Guild } from "discord.js";
import { communityInstalled, communityRemoved, type Deps } from "../core/use-cases/index.js";
import { communityIdOf, guildIdOf } from "./ids.js";

/**
 * A guild's community follows the bot's membership: added to a server (GUILD_CREATE after
 * ready), it is created or made reachable again, so nudges kept while it was away go out;
 * removed (GUILD_DELETE that is not an outage), it goes inactive, keeping everything. At
 * connect, the guilds Discord lists are the truth: a community whose guild is missing from
 * them was left while the bot was offline, and one that is listed again came back.
 */
export function watchGuilds(client: Client, deps: Deps): void {
  const fail = (what: string, guildId: string) => (e: unknown) =>
    deps.log.error({ guild: guildId, err: e instanceof Error ? e.message : String(e) }, what);
  client.on(Events.GuildCreate, (g: Guild) => {
    void communityInstalled(deps, { communityId: communityIdOf(g.id), name: g.name }).catch(fail("could not record the new server", g.id));
  });
  client.on(Events.GuildDelete, (g: Guild) => {
    // An outage arrives as GuildUnavailable; GuildDelete means the bot was removed.
    void communityRemoved(deps, { communityId: communityIdOf(g.id), reason: "the bot was removed from the server" }).catch(
      fail("could not record the removal", g.id),
    );
  });
}

/** Brings every Discord community in line with the guilds the bot is in now (run once connected). */
export async function reconcileGuilds(client: Client, deps: Deps): Promise<{ removed: number; restored: number }> {
  const present = new Set(client.guilds.cache.keys());
  const communities = await deps.store.tx((tx) => tx.listCommunities());
  let removed = 0;
  let restored = 0;
  for (const c of communities) {
    const guildId = guildIdOf(c.id);
    if (guildId === null) continue;
    if (!present.has(guildId) && c.inactiveSince === undefined) {
      const r = await communityRemoved(deps, { communityId: c.id, reason: "the bot left the server while offline" });
      if (r.ok && r.value.changed) removed++;
    } else if (present.has(guildId) && c.inactiveSince !== undefined) {
      const name = client.guilds.cache.get(guildId)?.name;
      await communityInstalled(deps, { communityId: c.id, ...(name ? { name } : {}) });
      restored++;
    }
  }
  return { removed, restored };
}
