import type { App } from "@slack/bolt";
import { handle } from "../../app/handle.js";
import type { Turn } from "../../app/work-queue.js";
import { parseText } from "../../core/commands/index.js";
import type { Deps } from "../../core/use-cases/index.js";
import { fallbackText, messageBlocks } from "../blocks.js";
import { type SlackContext, sorryFor } from "../context.js";
import { mentionResolver } from "../ids.js";
import { Answer, CommandPayload, deliver, keep, readPayload, SLACK_COMMAND } from "../inbox.js";
import { formView, FORMS } from "../modals.js";
import { settingsView } from "../settings-modal.js";
import { COMMAND, slackStyle } from "../style.js";
import { dashboardLinkSent } from "../../text/index.js";

/**
 * `/coffee <words>`: kept in the inbox, acked with no body, then run from there. A bare form
 * word (`/coffee request`) opens that form (nothing to keep: it changes nothing); anything else
 * goes through the shared command path and the answer comes back ephemerally through the
 * command's response_url. A re-sent command (a retry, a replay) is answered with the first
 * answer and not run again. `admin settings` with no arguments runs through that path too, and
 * an admin's answer is the settings modal instead of the list (the list still comes back if
 * the modal can't open); a refusal is the answer.
 */
export function registerCommands(app: App, ctx: SlackContext): void {
  ctx.intake.register(SLACK_COMMAND, {
    run: (entry, deps, recovered, turn) => runCommand(ctx, readPayload(CommandPayload, entry.payload), deps, recovered, turn),
    replay: async (_entry, answer, payload) => {
      const now = readPayload(CommandPayload, payload);
      await deliver(ctx, now.responseUrl, now, readPayload(Answer, answer));
    },
  });

  app.command(COMMAND, async ({ command, ack, client }) => {
    const text = command.text.trim();
    const form = FORMS.find((f) => f === text.toLowerCase());
    if (form) {
      await ack();
      return ctx.later(`open ${form}`, async () => {
        const actor = await ctx.directory.actor(command.team_id, command.user_id, command.user_name);
        await client.views.open({ trigger_id: command.trigger_id, view: formView(form, actor.timeZone ?? "UTC") });
      });
    }
    const payload: CommandPayload = {
      teamId: command.team_id,
      userId: command.user_id,
      userName: command.user_name,
      text,
      responseUrl: command.response_url,
      triggerId: command.trigger_id,
    };
    let kept: Awaited<ReturnType<typeof keep>>;
    try {
      kept = await keep(ctx, SLACK_COMMAND, command.team_id, command.trigger_id, payload);
    } catch (e) {
      ctx.log.error({ err: e instanceof Error ? e.message : String(e) }, "could not keep a command");
      return ack({ response_type: "ephemeral", text: sorryFor(e) });
    }
    await ack();
    ctx.intake.after(kept, JSON.stringify(payload));
  });
}

/** Runs one kept command and answers it; returns the answer for replays (null: a modal opened). */
async function runCommand(ctx: SlackContext, p: CommandPayload, deps: Deps, recovered: boolean, turn: Turn): Promise<string | null> {
  try {
    const actor = await ctx.directory.actor(p.teamId, p.userId, p.userName);
    const parsed = parseText(p.text, mentionResolver(p.teamId));
    const view = await handle(deps, actor, parsed, slackStyle);
    // What is left is sending: the next command runs meanwhile.
    await turn.handOver();
    // A modal needs the live request's trigger (3 s): after a restart the list comes back instead.
    if (!recovered && parsed.kind === "admin_settings" && !parsed.set && view.reply?.kind === "admin_settings" && view.reply.result.ok) {
      try {
        await (await ctx.clientFor(p.teamId)).views.open({ trigger_id: p.triggerId, view: settingsView(view.reply.result.value.settings) });
        return null;
      } catch (e) {
        ctx.log.warn({ err: e instanceof Error ? e.message : String(e) }, "settings modal did not open; answering with the list");
      }
    }
    const answer: Answer = { response_type: "ephemeral", text: fallbackText(view.text), blocks: messageBlocks(view.text, view.actions) };
    const secret = view.reply?.kind === "admin_dashboard" && view.reply.result.ok;
    await deliver(ctx, p.responseUrl, p, secret ? { ...answer, unfurl_links: false, unfurl_media: false } : answer);
    // An admin export arrives as CSV files in the admin's DM with the bot.
    if (view.reply?.kind === "admin_export" && view.reply.result.ok) {
      const client = await ctx.clientFor(p.teamId);
      const dm = await client.conversations.open({ users: p.userId });
      const channel = dm.channel?.id;
      if (channel) {
        for (const f of view.reply.result.value.files)
          await client.filesUploadV2({ channel_id: channel, content: f.text, filename: f.name, title: f.name });
      }
    }
    // The inbox keeps answers for replays; a sign-in link is never kept (only its hash is stored anywhere).
    if (secret) return JSON.stringify({ response_type: "ephemeral", text: dashboardLinkSent(slackStyle) } satisfies Answer);
    return JSON.stringify(answer);
  } catch (e) {
    await deliver(ctx, p.responseUrl, p, { response_type: "ephemeral", text: sorryFor(e) }).catch(() => undefined);
    throw e;
  }
}
