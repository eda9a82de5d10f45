import { isCommunityAdmin } from "../../admin/authorize.js";
import { DASHBOARD_SESSION_HOURS, type DashboardGrant } from "../../domain/dashboard.js";
import type { StoreTx } from "../../ports/index.js";
import { isValidZone } from "../../time/index.js";
import { fail, ok, type Result } from "../../result.js";
import type { Actor, Deps } from "../shared/context.js";
import { issueGrant } from "./grants.js";

/** The platform's word on an admin now: its admin flag and the member's roles. */
export interface AdminFacts {
  platformAdmin: boolean;
  roles: string[];
}

/**
 * Is the grant's member still an admin of its community, by the facts given? A community gone
 * quiet (uninstalled, bot removed) or a member gone (unknown, forgotten, opted out) never is.
 * Returns the actor the admin use cases run as, or null.
 */
async function stillAdmin(
  tx: StoreTx,
  grant: DashboardGrant,
  facts: AdminFacts,
): Promise<{ actor: Actor; communityName: string; adminName: string; zone: string } | null> {
  const community = await tx.getCommunity(grant.communityId);
  if (!community || community.inactiveSince !== undefined) return null;
  const member = await tx.getMember(grant.communityId, grant.memberId);
  if (!member) return null;
  const actor: Actor = {
    communityId: grant.communityId,
    memberId: grant.memberId,
    platformAdmin: facts.platformAdmin,
    roles: [...facts.roles],
  };
  if (!isCommunityAdmin(community, member, actor)) return null;
  // The admin's own zone once they (or their platform) told us; else the community's.
  const zone = member.timeZoneConfirmed && isValidZone(member.timeZone) ? member.timeZone : community.settings.defaultTimeZone;
  return { actor, communityName: community.name, adminName: member.displayName, zone };
}

/**
 * Signs in with a one-time link: the link must be this community's, unused and unexpired; it
 * is spent (a second use, or a race lost to another tab, is `LINK_USED`), the admin check runs
 * again with the facts recorded when it was issued, and a browser session of
 * DASHBOARD_SESSION_HOURS is opened. One transaction: a refused sign-in still spends the link.
 */
export async function openDashboardLink(
  deps: Deps,
  cmd: { communityId: string; secret: string },
): Promise<Result<{ sessionSecret: string; expiresAt: Date }, "LINK_UNKNOWN" | "LINK_USED" | "LINK_EXPIRED" | "NOT_ADMIN">> {
  const links = deps.dashboard;
  if (!links) return fail("LINK_UNKNOWN");
  const now = deps.clock.now();
  const hash = links.hash(cmd.secret);
  return deps.store.tx(async (tx) => {
    const grant = await tx.getDashboardGrant(hash);
    if (grant?.kind !== "link" || grant.communityId !== cmd.communityId) return fail("LINK_UNKNOWN");
    if (grant.expiresAt.getTime() <= now.getTime()) return fail("LINK_EXPIRED");
    if (grant.usedAt !== null) return fail("LINK_USED");
    if (!(await tx.useDashboardLink(hash, now))) return fail("LINK_USED");
    const admin = await stillAdmin(tx, grant, grant);
    if (!admin) {
      deps.log.warn({ communityId: grant.communityId, memberId: grant.memberId }, "dashboard sign-in refused: no longer an admin");
      return fail("NOT_ADMIN", { action: "dashboard" });
    }
    const session = await issueGrant(tx, links, "session", grant, now, DASHBOARD_SESSION_HOURS * 3_600_000);
    deps.log.info({ communityId: grant.communityId, memberId: grant.memberId }, "dashboard signed in");
    return ok({ sessionSecret: session.secret, expiresAt: session.expiresAt });
  });
}

export interface DashboardViewerValue {
  /** Who the dashboard's requests run as: the admin use cases check this actor again. */
  actor: Actor;
  communityName: string;
  adminName: string;
  /** The zone the admin reads dates in: theirs when known, else the community's default. */
  zone: string;
  /** The session's hash (e.g. to derive a CSRF token from; never the secret). */
  sessionHash: string;
}

/**
 * Who a dashboard request comes from, by its session secret, for the community in its path:
 * a session of another community is `OTHER_COMMUNITY` (it reaches nothing else); the admin
 * check runs again with `facts` (fresh from the platform) or, when the platform can't say, the
 * facts recorded at sign-in, so an admin removed meanwhile is refused on their next request.
 */
export async function dashboardViewer(
  deps: Deps,
  cmd: { communityId: string; secret: string; facts?: AdminFacts },
): Promise<Result<DashboardViewerValue, "NO_SESSION" | "SESSION_EXPIRED" | "OTHER_COMMUNITY" | "NOT_ADMIN">> {
  const links = deps.dashboard;
  if (!links) return fail("NO_SESSION");
  const now = deps.clock.now();
  const sessionHash = links.hash(cmd.secret);
  return deps.store.tx(async (tx) => {
    const grant = await tx.getDashboardGrant(sessionHash);
    if (grant?.kind !== "session") return fail("NO_SESSION");
    if (grant.expiresAt.getTime() <= now.getTime()) return fail("SESSION_EXPIRED");
    if (grant.communityId !== cmd.communityId) return fail("OTHER_COMMUNITY");
    const admin = await stillAdmin(tx, grant, cmd.facts ?? grant);
    if (!admin) return fail("NOT_ADMIN", { action: "dashboard" });
    return ok({ ...admin, sessionHash });
  });
}

/** Signs a dashboard session out: its grant is deleted, so the cookie opens nothing any more. */
export async function signOutDashboard(deps: Deps, cmd: { secret: string }): Promise<void> {
  const links = deps.dashboard;
  if (!links) return;
  const hash = links.hash(cmd.secret);
  await deps.store.tx(async (tx) => {
    const grant = await tx.getDashboardGrant(hash);
    if (grant?.kind === "session") await tx.deleteDashboardGrant(hash);
  });
}
