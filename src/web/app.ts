import { Hono } from "hono";
import { NOT_FOUND } from "../text/dashboard.js";
import { registerAssets } from "./assets.js";
import type { DashboardEnv, WebContext } from "./context.js";
import { register as registerChats } from "./pages/chats.js";
import { register as registerCsv } from "./pages/csv.js";
import { register as registerOverview } from "./pages/overview.js";
import { register as registerProgramPost } from "./pages/program-post.js";
import { register as registerQueue } from "./pages/queue.js";
import { register as registerRounds } from "./pages/rounds.js";
import { register as registerSettings } from "./pages/settings.js";
import { register as registerVolunteers } from "./pages/volunteers.js";
import { refusalPage } from "./refusal.js";
import { registerSecurity } from "./security.js";
import { registerSession } from "./session.js";

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
 *   GET  /dashboard/:cid/rounds           POST /dashboard/:cid/rounds/run, POST /dashboard/:cid/rounds/post
 *   GET  /dashboard/:cid/settings         POST /dashboard/:cid/settings
 *   GET  /dashboard/:cid/csv/:table       funnel.csv, queue.csv, volunteers.csv, chats.csv, no-shows.csv
 */
export function createDashboard(ctx: WebContext): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  // Order matters: headers and the origin check wrap everything; assets and sign-in answer
  // before the session check, which guards every page registered after it.
  registerSecurity(app, ctx);
  registerAssets(app);
  registerSession(app, ctx);
  registerOverview(app, ctx);
  registerQueue(app, ctx);
  registerVolunteers(app, ctx);
  registerChats(app, ctx);
  registerRounds(app, ctx);
  registerProgramPost(app, ctx);
  registerSettings(app, ctx);
  registerCsv(app, ctx);
  app.notFound((c) => refusalPage(c, NOT_FOUND, 404));
  return app;
}
