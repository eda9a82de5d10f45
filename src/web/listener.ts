import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import type { DashboardEnv } from "./context.js";

/** The dashboard as a Node request handler, for the ops server and Bolt's custom routes alike. */
export function dashboardListener(app: Hono<DashboardEnv>): (req: IncomingMessage, res: ServerResponse) => void {
  const listener = getRequestListener(app.fetch);
  return (req, res) => void listener(req, res);
}
