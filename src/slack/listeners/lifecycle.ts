import type { App } from "@slack/bolt";
import { communityRemoved } from "../../core/use-cases/index.js";
import type { SlackContext } from "../context.js";
import { communityOf } from "../ids.js";
import { installationIdOf } from "../install/installation-store.js";

/**
 * Percolate removed from a workspace: `app_uninstalled`, or `tokens_revoked` naming bot tokens.
 * The installation is deleted (its sealed token with it), the cached token forgotten, and the
 * community marked inactive: nothing is sent to it, and its pending nudges wait for a reinstall,
 * which reactivates it. Bolt runs these two events without authorizing them.
 */
export function registerLifecycle(app: App, ctx: SlackContext): void {
  const removed = async (body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }, reason: string) => {
    const teamId = body.team_id;
    const id = installationIdOf({ teamId, enterpriseId: body.enterprise_id, isEnterpriseInstall: body.is_enterprise_install === true });
    if (id) await ctx.deps.store.tx((tx) => tx.deleteInstallation(id));
    ctx.tokens.forget(teamId);
    if (teamId) await communityRemoved(ctx.deps, { communityId: communityOf(teamId), reason });
  };
  app.event("app_uninstalled", async ({ body }) => {
    await removed(body, "app_uninstalled");
  });
  app.event("tokens_revoked", async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await removed(body, "tokens_revoked");
  });
}
