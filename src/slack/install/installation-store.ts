import type { Installation as BoltInstallation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { SecretBox } from "../../app/secret-box.js";
import type { Installation } from "../../core/ports/index.js";
import { communityInstalled, type Deps } from "../../core/use-cases/index.js";
import { communityOf } from "../ids.js";

/** The platform ref that says which org's org-wide installation serves a workspace. */
export const ORG_REF = { kind: "workspace_org", key: "org" } as const;

/** The id of the installation a query names: the org's for an org-wide install, else the workspace's. */
export function installationIdOf(q: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean;
}): string | null {
  if (q.isEnterpriseInstall && q.enterpriseId) return `slack-org:${q.enterpriseId}`;
  return q.teamId ? communityOf(q.teamId) : null;
}

/** What the store tells the adapter after an installation is stored. */
export interface Stored {
  installation: BoltInstallation;
  /** True when there was no installation before (a new install or a reinstall after removal), false for a token refresh or re-authorization. */
  first: boolean;
}

/**
 * Bolt's installation store over Percolate's own database: one Installation row per workspace
 * (or per Enterprise Grid org), with the whole installation Bolt gives (tokens, refresh token)
 * sealed with SECRETS_KEY and bound to the row's id, so the database never holds a token and a
 * sealed value copied onto another row does not open. Storing one installs (or reactivates)
 * the community; a workspace served by an org-wide install is remembered against its org when
 * Bolt first authorizes a request for it.
 */
export class SlackInstallationStore implements InstallationStore {
  constructor(
    private readonly deps: Deps,
    private readonly box: SecretBox,
    private readonly onStored: (s: Stored) => Promise<void> = async () => {},
  ) {}

  async storeInstallation(i: BoltInstallation): Promise<void> {
    const id = installationIdOf({
      teamId: i.team?.id,
      enterpriseId: i.enterprise?.id,
      isEnterpriseInstall: i.isEnterpriseInstall === true,
    });
    const bot = i.bot;
    if (!id || !bot) throw new Error("an installation without a workspace or org, or without a bot token, cannot be stored");
    const now = this.deps.clock.now();
    const first = await this.deps.store.tx(async (tx) => {
      const before = await tx.getInstallation(id);
      const row: Installation = {
        id,
        platform: "slack",
        teamId: i.isEnterpriseInstall ? null : (i.team?.id ?? null),
        enterpriseId: i.enterprise?.id ?? null,
        installerId: i.user.id || null,
        botUserId: bot.userId,
        scopes: bot.scopes,
        tokenExpiresAt: bot.expiresAt ? new Date(bot.expiresAt * 1000) : null,
        sealed: this.box.seal(JSON.stringify(i), id),
        installedAt: before?.installedAt ?? now,
        updatedAt: now,
      };
      await tx.saveInstallation(row);
      return before === null;
    });
    const teamId = i.isEnterpriseInstall ? undefined : i.team?.id;
    if (teamId) await communityInstalled(this.deps, { communityId: communityOf(teamId), ...(i.team?.name ? { name: i.team.name } : {}) });
    await this.onStored({ installation: i, first });
  }

  async fetchInstallation(q: InstallationQuery<boolean>): Promise<BoltInstallation> {
    const id = installationIdOf(q);
    const row = id ? await this.deps.store.tx((tx) => tx.getInstallation(id)) : null;
    if (!id || !row) throw new Error(`no installation for ${q.isEnterpriseInstall ? `org ${q.enterpriseId}` : `workspace ${q.teamId}`}`);
    // A workspace reached through its org's installation: outbound sends for it find the org's token.
    if (q.isEnterpriseInstall && q.enterpriseId && q.teamId)
      await this.deps.store.tx((tx) =>
        tx.claimPlatformRef(communityOf(q.teamId as string), ORG_REF.kind, ORG_REF.key, q.enterpriseId as string, this.deps.clock.now()),
      );
    return JSON.parse(this.box.open(row.sealed, id)) as BoltInstallation;
  }

  async deleteInstallation(q: InstallationQuery<boolean>): Promise<void> {
    const id = installationIdOf(q);
    if (id) await this.deps.store.tx((tx) => tx.deleteInstallation(id));
  }
}
