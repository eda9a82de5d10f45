import { DASHBOARD_LINK_MINUTES } from "../../domain/dashboard.js";
import { fail, ok, type Result } from "../../result.js";
import type { Actor, Deps } from "../shared/context.js";
import { issueGrant } from "./grants.js";
import { asAdmin } from "./guard.js";

export interface AdminDashboardValue {
  /** The one-time sign-in link: it carries the secret, so only the admin who asked may see it. */
  link: string;
  expiresAt: Date;
  /** The community the link opens, by name (for the reply); null when it has none of its own yet (only its id). */
  communityName: string | null;
}

/**
 * `admin dashboard`: a one-time sign-in link to this community's web dashboard, bound to the
 * admin who asked and to this community, working for DASHBOARD_LINK_MINUTES. Only the secret's
 * hash is kept, with the platform facts that made the asker an admin (the check runs again when
 * the link is used, and on every request after). `DASHBOARD_OFF` when no web server serves it.
 */
export async function adminDashboard(
  deps: Deps,
  cmd: { actor: Actor },
): Promise<Result<AdminDashboardValue, "NOT_ADMIN" | "DASHBOARD_OFF">> {
  return asAdmin<AdminDashboardValue, "DASHBOARD_OFF">(deps, cmd.actor, "dashboard", async (tx, community, admin) => {
    const links = deps.dashboard;
    if (!links) return fail("DASHBOARD_OFF");
    const now = deps.clock.now();
    const holder = {
      communityId: community.id,
      memberId: admin.id,
      platformAdmin: cmd.actor.platformAdmin === true,
      roles: [...(cmd.actor.roles ?? [])],
    };
    const { secret, expiresAt } = await issueGrant(tx, links, "link", holder, now, DASHBOARD_LINK_MINUTES * 60_000);
    deps.log.info({ communityId: community.id, by: admin.id, expiresAt: expiresAt.toISOString() }, "dashboard link issued");
    return ok({
      link: links.linkFor(community.id, secret),
      expiresAt,
      communityName: community.name === community.id ? null : community.name,
    });
  });
}
