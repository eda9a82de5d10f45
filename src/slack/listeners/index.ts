import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { registerActions } from "./actions.js";
import { registerCommands } from "./commands.js";
import { registerEvents } from "./events.js";
import { registerLifecycle } from "./lifecycle.js";
import { registerProgramEvents } from "./program.js";
import { registerViews } from "./views.js";

/** Every Slack entry point Percolate answers: the command, buttons, forms, the Home tab, the program channel's joins and leaves, and installs going away. */
export function registerListeners(app: App, ctx: SlackContext): void {
  registerCommands(app, ctx);
  registerActions(app, ctx);
  registerViews(app, ctx);
  registerEvents(app, ctx);
  registerLifecycle(app, ctx);
  registerProgramEvents(app, ctx);
}
