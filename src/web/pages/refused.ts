import type { Context } from "hono";
import { sessionRefusal } from "../../text/dashboard.js";
import type { DashboardEnv } from "../context.js";
import { refusalPage } from "../refusal.js";

/** A use case said NOT_ADMIN after the session check passed (rights changed in between): the same refusal. */
export function notAdmin(c: Context<DashboardEnv>): Response | Promise<Response> {
  const v = c.get("viewer");
  return refusalPage(c, sessionRefusal("NOT_ADMIN", v.communityId, v.communityName), 403);
}
