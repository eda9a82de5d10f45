import type { webApi } from "@slack/bolt";
import type { Logger } from "../core/ports/index.js";
import type { Actor } from "../core/use-cases/index.js";
import { communityOf, memberOf } from "./ids.js";
import { BoundedMap } from "../app/bounded-map.js";

interface Known {
  displayName?: string;
  timeZone?: string;
  platformAdmin: boolean;
  /** Slack says the user belongs to another workspace than the one the request is for. */
  guest: boolean;
  at: number;
}

/** The parts of users.info that say where a user belongs and what they administer. */
interface UserFacts {
  team_id?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  enterprise_user?: { teams?: string[]; is_admin?: boolean; is_owner?: boolean };
}

/**
 * Where authority comes from on Slack, for one workspace: a user is a member of `teamId` when
 * it is their own team, or (Enterprise Grid) one of the org's workspaces they are in; their
 * admin flag counts only there: `is_admin`/`is_owner` for their own team, the org-level flags
 * for the org's workspaces they belong to. A Slack Connect user (another team) is a guest.
 */
export function authorityIn(teamId: string, u: UserFacts): { member: boolean; admin: boolean } {
  const home = u.team_id === teamId;
  const grid = u.enterprise_user?.teams?.includes(teamId) === true;
  const admin =
    (home && (u.is_admin === true || u.is_owner === true)) ||
    (grid && (u.enterprise_user?.is_admin === true || u.enterprise_user?.is_owner === true));
  return { member: home || grid, admin };
}

/**
 * Who acted, as Slack knows them: name, time zone, admin flag and home workspace come from
 * users.info, cached per workspace and user so a burst of commands costs one lookup. The admin
 * flag counts only in the user's own workspace (see authorityIn). A failed lookup still gives
 * an actor (with the name Slack sent) rather than failing the command.
 */
/** How old the admin flag the dashboard re-checks on each request may be (the Discord side keeps its answers as long). */
const FACTS_MAX_AGE_MS = 5 * 60_000;

/** How many users' facts a process keeps at once (about 200 bytes each). */
const CACHED_USERS = 20_000;

export class SlackDirectory {
  /** Bounded: one process serves many workspaces, and their members come and go (1 h TTL on top). */
  private readonly cache = new BoundedMap<string, Known>(CACHED_USERS);

  constructor(
    /** The Web API with the workspace's own token. */
    private readonly clientFor: (teamId: string) => Promise<webApi.WebClient>,
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
      ...(k.guest ? { guest: true } : {}),
    };
  }

  /**
   * The admin facts of a member now, for the dashboard's admin check: Slack has no roles; a
   * guest from another workspace holds no admin flag here. Null when users.info failed (nothing
   * is known: the facts recorded at sign-in stand).
   */
  async facts(teamId: string, userId: string): Promise<{ platformAdmin: boolean; roles: string[] } | null> {
    // Fresher than names need to be: a workspace admin demoted in Slack loses the dashboard within minutes.
    const k = await this.lookup(teamId, userId, Math.min(this.ttlMs, FACTS_MAX_AGE_MS));
    if (k.at === 0) return null;
    return { platformAdmin: k.platformAdmin && !k.guest, roles: [] };
  }

  private async lookup(teamId: string, userId: string, maxAgeMs = this.ttlMs): Promise<Known> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < maxAgeMs) return hit;
    try {
      const r = await (await this.clientFor(teamId)).users.info({ user: userId });
      const u = r.user;
      const name = u?.profile?.display_name || u?.real_name || u?.name;
      const where = authorityIn(teamId, (u ?? {}) as UserFacts);
      // Without a team in the answer nothing is known either way: no admin rights, but no guest label.
      const guest = u?.team_id !== undefined && !where.member;
      if (guest) this.log.warn({ teamId, user: userId, home: u?.team_id }, "a user from another workspace acts here as a guest");
      const known: Known = {
        ...(name ? { displayName: name } : {}),
        ...(u?.tz ? { timeZone: u.tz } : {}),
        platformAdmin: where.admin,
        guest,
        at: this.now(),
      };
      this.cache.set(key, known);
      return known;
    } catch (e) {
      this.log.warn({ user: key, err: e instanceof Error ? e.message : String(e) }, "users.info failed; acting without zone");
      return { platformAdmin: false, guest: false, at: 0 };
    }
  }
}
