import type { DashboardLinks } from "../../src/core/ports/index.js";

/** Dashboard links with readable secrets (`secret-1`, `secret-2`, …) and hashes, under `base`. */
export function fakeDashboardLinks(base = "https://coffee.example"): DashboardLinks & { issued: string[] } {
  const issued: string[] = [];
  return {
    issued,
    newSecret: () => {
      const s = `secret-${issued.length + 1}`;
      issued.push(s);
      return s;
    },
    hash: (secret) => `hash(${secret})`,
    linkFor: (communityId, secret) => `${base}/dashboard/${encodeURIComponent(communityId)}/signin?token=${encodeURIComponent(secret)}`,
  };
}
