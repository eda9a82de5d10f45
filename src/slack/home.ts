import type { types } from "@slack/bolt";
import { renderGuestRefusal, renderReply } from "../text/index.js";
import { getStatus, type Actor, type Deps } from "../core/use-cases/index.js";
import { finalizeBlocks, SLACK_LIMITS, textBlocks } from "./blocks.js";
import { FORMS, type Form } from "./modals.js";
import { slackStyle } from "./style.js";
import type { Client, SlackContext } from "./context.js";

/** action_id of the buttons that open a form: `open:profile`. */
export const OPEN_PREFIX = "open:";
const LABELS: Record<Form, string> = {
  profile: "Edit profile",
  volunteer: "Volunteer",
  availability: "Set free times",
  request: "Ask for a chat",
};

/** The App Home tab: the member's profile, open requests, intros and chats, and buttons to edit. */
export async function homeView(deps: Deps, actor: Actor): Promise<types.HomeView> {
  // A guest from another workspace sees why there is nothing here for them (and is not enrolled by looking).
  const text = actor.guest
    ? renderGuestRefusal(slackStyle)
    : renderReply({ kind: "status", result: await getStatus(deps, { actor }) }, actor.timeZone ?? "UTC", slackStyle);
  return {
    type: "home",
    blocks: finalizeBlocks(
      [
        { type: "header", text: { type: "plain_text", text: "☕ Coffee chats" } },
        ...textBlocks(text, SLACK_LIMITS.viewBlocks - 4),
        { type: "divider" },
        {
          type: "actions",
          block_id: "percolate_home",
          elements: FORMS.map((f) => ({
            type: "button" as const,
            text: { type: "plain_text" as const, text: LABELS[f] },
            action_id: `${OPEN_PREFIX}${f}`,
            value: f,
          })),
        },
        { type: "context", elements: [{ type: "mrkdwn", text: `Type ${slackStyle.cmd("help")} anywhere for every command.` }] },
      ],
      SLACK_LIMITS.viewBlocks,
    ),
  };
}

/** Shows the member's Home tab as it is now. */
export async function publishHome(client: Client, ctx: SlackContext, actor: Actor, userId: string): Promise<void> {
  const view = await homeView(ctx.deps, actor);
  await client.views.publish({ user_id: userId, view });
}
