import type { App } from "@slack/bolt";
import { programJoined, programLeft } from "../../core/use-cases/index.js";
import type { SlackContext } from "../context.js";
import { communityOf, memberOf } from "../ids.js";

/** The fields of `member_joined_channel` / `member_left_channel` Percolate reads; anything else is not ours. */
function readMembership(event: unknown, teamId: string | undefined): { teamId: string; userId: string; channel: string } | null {
  const e = (event ?? {}) as { user?: unknown; channel?: unknown; team?: unknown };
  const team = typeof e.team === "string" ? e.team : teamId;
  return typeof e.user === "string" && typeof e.channel === "string" && team ? { teamId: team, userId: e.user, channel: e.channel } : null;
}

/**
 * The program channel's membership (scopes channels:read, groups:read): a person joining it is
 * welcomed by DM once (programJoined; other channels are ignored by the core), a person leaving
 * it stops getting new intros and rounds until they rejoin (programLeft). The bot's own joins are
 * not people joining.
 */
export function registerProgramEvents(app: App, ctx: SlackContext): void {
  app.event("member_joined_channel", async ({ event, body, context }) => {
    const m = readMembership(event, body.team_id);
    if (!m || m.userId === context.botUserId) return;
    await ctx.later("program channel joined", async () => {
      const actor = await ctx.directory.actor(m.teamId, m.userId);
      if (actor.guest) return;
      await programJoined(ctx.deps, { actor, channelId: m.channel });
    });
  });
  app.event("member_left_channel", async ({ event, body, context }) => {
    const m = readMembership(event, body.team_id);
    if (!m || m.userId === context.botUserId) return;
    await ctx.later("program channel left", () =>
      programLeft(ctx.deps, { communityId: communityOf(m.teamId), memberId: memberOf(m.teamId, m.userId), channelId: m.channel }),
    );
  });
}
