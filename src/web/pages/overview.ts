import type { Hono } from "hono";
import type { DashboardEnv, WebContext } from "../context.js";

/** The overview routes (written on the pages branch); none yet. */
export function register(app: Hono<DashboardEnv>, ctx: WebContext): void {
  void app;
  void ctx;
}
