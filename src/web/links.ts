import { createHash, randomBytes } from "node:crypto";
import type { DashboardLinks } from "../core/ports/index.js";
import { dashboardPath } from "./context.js";

/** Dashboard links under `base` (PUBLIC_URL): 256-bit secrets, SHA-256 hashes in the store. */
export function dashboardLinks(base: string): DashboardLinks {
  const root = base.replace(/\/+$/, "");
  return {
    newSecret: () => randomBytes(32).toString("base64url"),
    hash: (secret) => createHash("sha256").update(secret).digest("hex"),
    linkFor: (communityId, secret) => `${root}${dashboardPath(communityId, "signin")}?token=${encodeURIComponent(secret)}`,
  };
}
