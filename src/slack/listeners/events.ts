import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { publishHome } from "../home.js";

/** Opening the app's Home tab shows the member's profile, requests and chats as they are now. */
export function registerEvents(app: App, ctx: SlackContext): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = body.team_id;
    await ctx.later("home", async () => {
      const actor = await ctx.directory.actor(teamId, event.user);
      await publishHome(client, ctx, actor, event.user);
    });
  });
}
