import type { Env } from "hono";
import type { Actor, Deps } from "../core/use-cases/index.js";

/** What the platform says about a member's admin rights now; null when it cannot say (then the recorded facts stand). */
export type AdminFactsLookup = (communityId: string, memberId: string) => Promise<{ platformAdmin: boolean; roles: string[] } | null>;

/** What every dashboard route runs with. */
export interface WebContext {
  deps: Deps;
  /** The dashboard's public base (PUBLIC_URL, or http://host:port when unset): links and the allowed Origin start with it. */
  base: string;
  /** Send cookies only over HTTPS (PUBLIC_URL is https). */
  secureCookies: boolean;
  /** Asks the platform for a member's admin facts, re-checked on every request (cached briefly by the adapter). */
  adminFacts?: AdminFactsLookup;
}

/** The signed-in admin, checked on this request: the actor the admin use cases run as. */
export interface Viewer {
  actor: Actor;
  communityId: string;
  communityName: string;
  adminName: string;
  /** The zone dates are shown in: the admin's own when known, else the community's default. */
  zone: string;
  /** The session's secret hash (signing out deletes it). */
  sessionHash: string;
}

/** The Hono environment of the dashboard: `c.get("viewer")` on every signed-in route. */
export interface DashboardEnv extends Env {
  Variables: { viewer: Viewer };
}

/** The dashboard of one community lives under this path; every path inside it starts so. */
export const dashboardPath = (communityId: string, sub = ""): string => `/dashboard/${encodeURIComponent(communityId)}/${sub}`;

/** Static files (styles, the chart library, the chart script) under this path, for every community. */
export const ASSETS_PATH = "/dashboard/assets";
