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
import { type MessageBody, messageParts, replyOptions } from "./render.js";

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

type File = { name: string; data: Buffer };

/**
 * The answer as the messages it takes (see `messageParts`), each with the files it carries:
 * the attachments go with the last, beside the buttons.
 */
function partsOf(out: Answer): { body: MessageBody; files: File[] }[] {
  const parts = messageParts(out.body);
  const files = out.files.map((f) => ({ name: f.name, data: Buffer.from(f.text, "utf8") }));
  return parts.map((body, n) => ({ body, files: n === parts.length - 1 ? files : [] }));
}

const attachmentsOf = (files: readonly File[]) => files.map((f) => ({ attachment: f.data, name: f.name }));

/**
 * Answers through the live interaction: a reply, an in-place update, or (after a defer) the
 * edited original; an answer too long for one message continues in private follow-ups.
 */
export async function replyLive(hookRest: REST, live: Live, p: InteractionPayload, out: Answer): Promise<void> {
  const { i, state } = live;
  if (state.deferred) {
    await state.deferred;
    return viaWebhook(hookRest, p, out);
  }
  const [first, ...rest] = partsOf(out);
  if (!first) return;
  if (out.inPlace && i.isMessageComponent()) await i.update(replyOptions(first.body));
  else await i.reply({ ...replyOptions(first.body), flags: MessageFlags.Ephemeral, files: attachmentsOf(first.files) });
  for (const part of rest)
    await i.followUp({ ...replyOptions(part.body), flags: MessageFlags.Ephemeral, files: attachmentsOf(part.files) });
}

/** A private reply to an interaction not yet answered, in as many messages as its length needs. */
export async function replyPrivately(i: Live["i"], body: MessageBody): Promise<void> {
  const [first, ...rest] = messageParts(body);
  if (!first) return;
  await i.reply({ ...replyOptions(first), flags: MessageFlags.Ephemeral });
  for (const part of rest) await i.followUp({ ...replyOptions(part), flags: MessageFlags.Ephemeral });
}

/**
 * The answer through the interaction's webhook (after a defer): the original edited, or a
 * private follow-up for a failed click; what does not fit one message follows in private
 * follow-ups.
 */
export async function viaWebhook(hookRest: REST, p: InteractionPayload, out: Answer): Promise<void> {
  // A failed click must not overwrite the message it came from: it gets a private follow-up instead.
  const editFirst = !(p.mode === "update" && !out.inPlace);
  for (const [n, part] of partsOf(out).entries()) {
    const { files } = part;
    const body = { ...part.body, ...(files.length ? { attachments: files.map((f, k) => ({ id: k, filename: f.name })) } : {}) };
    if (n === 0 && editFirst)
      await hookRest.patch(Routes.webhookMessage(p.applicationId, p.token, "@original"), { body, files, auth: false });
    else
      await hookRest.post(Routes.webhook(p.applicationId, p.token), {
        body: { ...body, flags: MessageFlags.Ephemeral },
        files,
        auth: false,
      });
  }
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
    for (const part of messageParts(out.body))
      await rest.post(Routes.channelMessages(dm.id), { body: { ...part, allowed_mentions: { parse: [] } } });
  }
}
