import type { HTTPReceiver } from "@slack/bolt";
import type { Deps } from "../../core/use-cases/index.js";
import { communityOf } from "../ids.js";
import { ORG_REF } from "./installation-store.js";
import { BoundedMap } from "../../app/bounded-map.js";

/** Bolt's OAuth installer (it authorizes, and refreshes rotating tokens). */
type InstallProvider = NonNullable<HTTPReceiver["installer"]>;

/** A workspace Percolate is not installed in (any more): nothing can be sent there until it is reinstalled. */
export class NoInstallationError extends Error {
  readonly code = "no installation";
  constructor(readonly teamId: string) {
    super(`no installation for workspace ${teamId}`);
  }
}

/** The bot token to use for each workspace. */
export interface SlackTokens {
  /** The workspace's bot token; throws NoInstallationError when Percolate is not installed there. */
  tokenFor(teamId: string): Promise<string>;
  /** Forgets what is known about a workspace's token (it was stored again, revoked or uninstalled); all when no team. */
  forget(teamId?: string): void;
}

/** Single-token mode: one workspace, one configured token. */
export const fixedToken = (token: string): SlackTokens => ({
  tokenFor: async () => token,
  forget: () => {},
});

/** How long a resolved token is reused before asking the installer again (it is also dropped on store, uninstall and revoke). */
const CACHE_MS = 60_000;
/** Bolt refreshes a rotating token that expires within this long; a cached one is not used past that point. */
const REFRESH_MARGIN_MS = 2 * 60 * 60_000;
/** Workspaces whose token is remembered at once; the least recently used go first. */
const CACHE_LIMIT = 1_000;

/**
 * "Add to Slack" mode: each workspace's token comes from its installation through Bolt's
 * installer, which refreshes a rotating token close to expiry and stores it back. A workspace
 * served by an org-wide install is found through the org remembered for it. Tokens are cached
 * briefly per workspace, never past the point where they would need refreshing.
 */
export class InstalledTokens implements SlackTokens {
  private cache = new BoundedMap<string, { token: string; until: number }>(CACHE_LIMIT);
  /** Lookups under way, one per workspace: concurrent sends share it, so a rotating token is refreshed once, not once per send. */
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    private readonly installer: InstallProvider,
    private readonly deps: Deps,
    private readonly now: () => number = Date.now,
  ) {}

  async tokenFor(teamId: string): Promise<string> {
    const hit = this.cache.get(teamId);
    if (hit && hit.until > this.now()) return hit.token;
    this.cache.delete(teamId);
    const running = this.pending.get(teamId);
    if (running) return running;
    const lookup = this.lookup(teamId).finally(() => this.pending.delete(teamId));
    this.pending.set(teamId, lookup);
    return lookup;
  }

  private async lookup(teamId: string): Promise<string> {
    const communityId = communityOf(teamId);
    const { own, org } = await this.deps.store.tx(async (tx) => ({
      own: await tx.getInstallation(communityId),
      org: await tx.getPlatformRef(communityId, ORG_REF.kind, ORG_REF.key),
    }));
    if (!own && !org) throw new NoInstallationError(teamId);
    const query = own
      ? { teamId, enterpriseId: own.enterpriseId ?? undefined, isEnterpriseInstall: false }
      : { teamId, enterpriseId: org ?? undefined, isEnterpriseInstall: true };
    let auth: Awaited<ReturnType<InstallProvider["authorize"]>>;
    try {
      auth = await this.installer.authorize(query);
    } catch (e) {
      // The org's installation went since the workspace was remembered against it.
      if (!own) throw new NoInstallationError(teamId);
      throw e;
    }
    const token = auth.botToken;
    if (!token) throw new NoInstallationError(teamId);
    const expires = auth.botTokenExpiresAt ? auth.botTokenExpiresAt * 1000 - REFRESH_MARGIN_MS : Number.POSITIVE_INFINITY;
    this.cache.set(teamId, { token, until: Math.min(this.now() + CACHE_MS, expires) });
    return token;
  }

  forget(teamId?: string): void {
    if (teamId === undefined) this.cache = new BoundedMap(CACHE_LIMIT);
    else this.cache.delete(teamId);
  }
}
