import type { DashboardGrant } from "../../domain/dashboard.js";
import type { DashboardLinks, StoreTx } from "../../ports/index.js";

/** Who a grant is for, and on what platform facts. */
export type GrantHolder = Pick<DashboardGrant, "communityId" | "memberId" | "platformAdmin" | "roles">;

/**
 * Stores a new dashboard grant (a sign-in link or a session) for `holder`, working for `ttlMs`
 * from `now`, and returns its secret: the store keeps only the hash.
 */
export async function issueGrant(
  tx: StoreTx,
  links: DashboardLinks,
  kind: DashboardGrant["kind"],
  holder: GrantHolder,
  now: Date,
  ttlMs: number,
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = links.newSecret();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await tx.saveDashboardGrant({
    hash: links.hash(secret),
    kind,
    communityId: holder.communityId,
    memberId: holder.memberId,
    platformAdmin: holder.platformAdmin,
    roles: [...holder.roles],
    createdAt: now,
    expiresAt,
    usedAt: null,
  });
  return { secret, expiresAt };
}
