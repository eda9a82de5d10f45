import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Kept } from "../app/intake.js";
import type { SlackContext } from "./context.js";
import { communityOf } from "./ids.js";
import { postJson } from "./post-json.js";

/** The kinds of Slack requests kept in the inbox, each with its handler (listeners/*.ts). */
export const SLACK_COMMAND = "slack_command";
export const SLACK_BUTTON = "slack_button";
export const SLACK_REQUEST_FORM = "slack_request_form";

/** Who sent a request: enough to find the actor again after a restart. */
const Sender = z.object({ teamId: z.string(), userId: z.string(), userName: z.string().optional() });

/** A `/coffee` command as kept: the words and where its answer goes. */
export const CommandPayload = Sender.extend({ text: z.string(), responseUrl: z.string(), triggerId: z.string() });
export type CommandPayload = z.infer<typeof CommandPayload>;

/** A command button as kept: its value, the message it sat in, and where its answer goes. */
export const ButtonPayload = Sender.extend({
  value: z.string(),
  responseUrl: z.string(),
  original: z.string(),
  /** The clicked button's block and the message's blocks: in a message of several notices only that part settles. */
  blockId: z.string().default(""),
  blocks: z.array(z.unknown()).default([]),
  /** The message is one everyone in a channel reads (the weekly post), not a DM or an answer only the clicker sees. */
  inChannel: z.boolean().default(false),
});
export type ButtonPayload = z.infer<typeof ButtonPayload>;

/** A submitted request form as kept: the form's values, read again when it runs. */
export const RequestFormPayload = Sender.extend({ values: z.record(z.record(z.unknown())) });
export type RequestFormPayload = z.infer<typeof RequestFormPayload>;

/** A message for a response_url (or, when that is gone, the member's DM). */
export const Answer = z.object({
  text: z.string(),
  blocks: z.array(z.unknown()).optional(),
  response_type: z.enum(["ephemeral", "in_channel"]).optional(),
  replace_original: z.boolean().optional(),
  /** False for an answer with a secret link (the dashboard's): Slack must not fetch it to preview it. */
  unfurl_links: z.boolean().optional(),
  unfurl_media: z.boolean().optional(),
});
export type Answer = z.infer<typeof Answer>;

/** The inbox id of a Slack request: its trigger id, the same on every retry or replay of that request. */
export const requestId = (triggerId: string | undefined): string => `slack:${triggerId ?? randomUUID()}`;

/** Parses what the inbox holds for one of our kinds (written by us, so a failure is a bug). */
export function readPayload<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, json: string): T {
  return schema.parse(JSON.parse(json));
}

/** Keeps a request in the inbox before its ack; resolves with what it found (see Intake.keep). */
export function keep(ctx: SlackContext, kind: string, teamId: string, triggerId: string | undefined, payload: unknown): Promise<Kept> {
  return ctx.intake.keep({ id: requestId(triggerId), communityId: communityOf(teamId), kind, payload: JSON.stringify(payload) });
}

/**
 * Posts an answer to the request's response_url; when that no longer works (it expires after
 * 30 minutes, e.g. for a request answered after a restart), a fresh answer goes to the member's
 * DM instead, so nobody is left without one.
 */
export async function deliver(
  ctx: SlackContext,
  responseUrl: string,
  to: { teamId: string; userId: string },
  answer: Answer,
): Promise<void> {
  try {
    const status = await postJson(responseUrl, answer, 10_000);
    if (status >= 200 && status < 300) return;
    throw new Error(`response_url answered HTTP ${status}`);
  } catch (e) {
    ctx.log.warn({ err: e instanceof Error ? e.message : String(e) }, "response_url failed; answering in a DM");
    const { text, blocks, unfurl_links, unfurl_media } = answer;
    const client = await ctx.clientFor(to.teamId);
    await client.chat.postMessage({
      channel: to.userId,
      text,
      ...(blocks ? { blocks: blocks as never } : {}),
      ...(unfurl_links !== undefined ? { unfurl_links } : {}),
      ...(unfurl_media !== undefined ? { unfurl_media } : {}),
    });
  }
}
