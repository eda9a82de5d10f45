import { Hono } from "hono";
import type { DashboardEnv, WebContext } from "./context.js";

/**
 * The admin dashboard as one Hono app: sign-in (a one-time link, then a session cookie scoped
 * to one community's path), the pages (overview, queue, volunteers, chats, settings), CSV
 * downloads and the static assets. Served by the bot's own HTTP server (see listener.ts).
 *
 * Routes, for a community id `cid` (URL-encoded in the path):
 *   GET  /dashboard/assets/:file          styles, chart library, chart script (no sign-in)
 *   GET  /dashboard/:cid/signin?token=…   asks to confirm (link unfurlers and prefetchers never sign in)
 *   POST /dashboard/:cid/signin           uses the link once, sets the session cookie, 303 to the overview
 *   POST /dashboard/:cid/signout
 *   GET  /dashboard/:cid/                 overview (?period=30d|12w|6m|1y|all)
 *   GET  /dashboard/:cid/queue            POST /dashboard/:cid/queue/match
 *   GET  /dashboard/:cid/volunteers       (?period=)
 *   GET  /dashboard/:cid/chats            (?period=&notes=1)
 *   GET  /dashboard/:cid/settings         POST /dashboard/:cid/settings
 *   GET  /dashboard/:cid/csv/:table       funnel.csv, queue.csv, volunteers.csv, chats.csv, no-shows.csv
 */
export function createDashboard(ctx: WebContext): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  void ctx;
  return app;
}
