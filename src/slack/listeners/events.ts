import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { publishHome } from "../home.js";
import { memberLeft } from "../../core/use-cases/index.js";
import { communityOf, memberOf } from "../ids.js";

/**
 * Opening the app's Home tab shows the member's profile, requests and chats as they are now.
 * A member deactivated in the workspace (`user_change` with `deleted`) is treated as `leave`.
 */
export function registerEvents(app: App, ctx: SlackContext): void {
  app.event("user_change", async ({ event, body }) => {
    const user = (event.user ?? {}) as { id?: string; deleted?: boolean; team_id?: string };
    const teamId = user.team_id ?? body.team_id;
    if (user.deleted !== true || !user.id || !teamId) return;
    const userId = user.id;
    await ctx.later("member left", () => memberLeft(ctx.deps, { communityId: communityOf(teamId), memberId: memberOf(teamId, userId) }));
  });
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home" || typeof event.user !== "string") return;
    const teamId = body.team_id;
    await ctx.later("home", async () => {
      const actor = await ctx.directory.actor(teamId, event.user);
      await publishHome(client, ctx, actor, event.user);
    });
  });
}
