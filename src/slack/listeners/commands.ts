import type { App } from "@slack/bolt";
import { handle } from "../../app/handle.js";
import { parseText } from "../../core/commands/index.js";
import { fallbackText, messageBlocks } from "../blocks.js";
import { type SlackContext, sorryFor } from "../context.js";
import { mentionResolver } from "../ids.js";
import { formView, FORMS } from "../modals.js";
import { settingsView } from "../settings-modal.js";
import { COMMAND, slackStyle } from "../style.js";

/**
 * `/coffee <words>`: acked at once with no body, then run. A bare form word (`/coffee
 * request`) opens that form; anything else goes through the shared command path and the
 * answer comes back ephemerally through the command's response_url. `admin settings` with no
 * arguments runs through that path too, and an admin's answer is the settings modal instead
 * of the list (the list still comes back if the modal can't open); a refusal is the answer.
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
        const parsed = parseText(text, mentionResolver(command.team_id));
        const view = await handle(ctx.deps, actor, parsed, slackStyle);
        if (parsed.kind === "admin_settings" && !parsed.set && view.reply?.kind === "admin_settings" && view.reply.result.ok) {
          try {
            await client.views.open({ trigger_id: command.trigger_id, view: settingsView(view.reply.result.value.settings) });
            return;
          } catch (e) {
            ctx.log.warn({ err: e instanceof Error ? e.message : String(e) }, "settings modal did not open; answering with the list");
          }
        }
        await respond({ response_type: "ephemeral", text: fallbackText(view.text), blocks: messageBlocks(view.text, view.actions) });
        // An admin export arrives as CSV files in the admin's DM with the bot.
        if (view.reply?.kind === "admin_export" && view.reply.result.ok) {
          const dm = await client.conversations.open({ users: command.user_id });
          const channel = dm.channel?.id;
          if (channel) {
            for (const f of view.reply.result.value.files)
              await client.filesUploadV2({ channel_id: channel, content: f.text, filename: f.name, title: f.name });
          }
        }
      } catch (e) {
        await respond({ response_type: "ephemeral", text: sorryFor(e) }).catch(() => undefined);
        throw e;
      }
    });
  });
}
