import type { webApi } from "@slack/bolt";
import type { Logger } from "../core/ports/index.js";
import type { Actor } from "../core/use-cases/index.js";
import { communityOf, memberOf } from "./ids.js";

interface Known {
  displayName?: string;
  timeZone?: string;
  platformAdmin: boolean;
  at: number;
}

/**
 * Who acted, as Slack knows them: name, time zone and admin flag come from users.info, cached
 * per workspace and user so a burst of commands costs one lookup. A failed lookup still gives
 * an actor (with the name Slack sent) rather than failing the command.
 */
export class SlackDirectory {
  private readonly cache = new Map<string, Known>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
    private readonly ttlMs = 60 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async actor(teamId: string, userId: string, fallbackName?: string): Promise<Actor> {
    const k = await this.lookup(teamId, userId);
    const displayName = k.displayName ?? fallbackName;
    return {
      communityId: communityOf(teamId),
      memberId: memberOf(teamId, userId),
      ...(displayName ? { displayName } : {}),
      ...(k.timeZone ? { timeZone: k.timeZone } : {}),
      platformAdmin: k.platformAdmin,
    };
  }

  private async lookup(teamId: string, userId: string): Promise<Known> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit;
    try {
      const r = await this.client.users.info({ user: userId });
      const u = r.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name;
      const known: Known = {
        ...(name ? { displayName: name } : {}),
        ...(u?.tz ? { timeZone: u.tz } : {}),
        platformAdmin: u?.is_admin === true || u?.is_owner === true,
        at: this.now(),
      };
      this.cache.set(key, known);
      return known;
    } catch (e) {
      this.log.warn({ user: key, err: e instanceof Error ? e.message : String(e) }, "users.info failed; acting without zone");
      return { platformAdmin: false, at: 0 };
    }
  }
}
