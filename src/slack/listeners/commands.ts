import type { App } from "@slack/bolt";
import { handle } from "../../app/handle.js";
import { parseText } from "../../core/commands/index.js";
import { messageBlocks } from "../blocks.js";
import { type SlackContext, SORRY } from "../context.js";
import { mentionResolver } from "../ids.js";
import { formView, FORMS } from "../modals.js";
import { COMMAND, slackStyle } from "../style.js";

/**
 * `/coffee <words>`: acked at once with no body, then run. A bare form word (`/coffee
 * request`) opens that form; anything else goes through the shared command path and the
 * answer comes back ephemerally through the command's response_url.
 */
export function registerCommands(app: App, ctx: SlackContext): void {
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const text = command.text.trim();
    const form = FORMS.find((f) => f === text.toLowerCase());
    if (form) {
      return ctx.later(`open ${form}`, async () => {
        const actor = await ctx.directory.actor(command.team_id, command.user_id, command.user_name);
        await client.views.open({ trigger_id: command.trigger_id, view: formView(form, actor.timeZone ?? "UTC") });
      });
    }
    await ctx.later(`${COMMAND} ${command.text}`, async () => {
      try {
        const actor = await ctx.directory.actor(command.team_id, command.user_id, command.user_name);
        const view = await handle(ctx.deps, actor, parseText(text, mentionResolver(command.team_id)), slackStyle);
        await respond({ response_type: "ephemeral", text: view.text, blocks: messageBlocks(view.text, view.actions) });
        // An admin export arrives as CSV files in the admin's DM with the bot.
        if (view.reply?.kind === "admin_export" && view.reply.result.ok) {
          const dm = await client.conversations.open({ users: command.user_id });
          const channel = dm.channel?.id;
          if (channel) {
            for (const f of view.reply.result.value.files) await client.filesUploadV2({ channel_id: channel, content: f.text, filename: f.name, title: f.name });
          }
        }
      } catch (e) {
        await respond({ response_type: "ephemeral", text: SORRY }).catch(() => undefined);
        throw e;
      }
    });
  });
}
