import {
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  type REST,
  Routes,
} from "discord.js";
import type { Logger } from "../core/ports/index.js";
import type { InteractionPayload } from "./inbox.js";
import { type MessageBody, replyOptions } from "./render.js";

/** What goes back to the person: the message, whether it replaces the clicked one, and any files. */
export interface Answer {
  body: MessageBody;
  inPlace: boolean;
  files: { name: string; text: string }[];
}

/** A fresh interaction waiting in the queue: how to answer it through its own token. */
export interface Live {
  i: ChatInputCommandInteraction | ModalSubmitInteraction | MessageComponentInteraction;
  state: { deferred: Promise<unknown> | null };
  timer: NodeJS.Timeout | undefined;
}

const filesOf = (out: Answer) => out.files.map((f) => ({ name: f.name, data: Buffer.from(f.text, "utf8") }));

/** Answers through the live interaction: a reply, an in-place update, or (after a defer) the edited original. */
export async function replyLive(hookRest: REST, live: Live, p: InteractionPayload, out: Answer): Promise<void> {
  const { i, state } = live;
  if (state.deferred) {
    await state.deferred;
    await viaWebhook(hookRest, p, out);
  } else if (out.inPlace && i.isMessageComponent()) await i.update(replyOptions(out.body));
  else
    await i.reply({
      ...replyOptions(out.body),
      flags: MessageFlags.Ephemeral,
      files: filesOf(out).map((f) => ({ attachment: f.data, name: f.name })),
    });
}

/** The answer through the interaction's webhook (after a defer): the original edited, or a private follow-up for a failed click. */
export async function viaWebhook(hookRest: REST, p: InteractionPayload, out: Answer): Promise<void> {
  const files = filesOf(out);
  const attachments = files.map((f, n) => ({ id: n, filename: f.name }));
  const body = { ...out.body, ...(files.length ? { attachments } : {}) };
  // A failed click must not overwrite the message it came from: it gets a private follow-up instead.
  if (p.mode === "update" && !out.inPlace)
    await hookRest.post(Routes.webhook(p.applicationId, p.token), { body: { ...body, flags: MessageFlags.Ephemeral }, files, auth: false });
  else await hookRest.patch(Routes.webhookMessage(p.applicationId, p.token, "@original"), { body, files, auth: false });
}

/**
 * The answer to an interaction a stopped process had kept: through its webhook while the
 * token lives and it was acknowledged; otherwise as a DM, so the person is never left
 * without one.
 */
export async function answerLate(hookRest: REST, rest: REST, log: Logger, p: InteractionPayload, out: Answer): Promise<void> {
  try {
    await viaWebhook(hookRest, p, out);
  } catch (e) {
    log.warn({ err: e instanceof Error ? e.message : String(e) }, "interaction webhook gone; answering by DM");
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: p.userId } })) as { id: string };
    await rest.post(Routes.channelMessages(dm.id), { body: { ...out.body, allowed_mentions: { parse: [] } } });
  }
}
