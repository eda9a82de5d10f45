import type { types } from "@slack/bolt";
import { encodeButton } from "../core/commands/index.js";
import type { Action } from "../text/index.js";

export type Block = types.KnownBlock;

/** Every Percolate button's action_id starts with this; its value is the encoded command. */
export const BUTTON_PREFIX = "cmd:";

const SECTION_MAX = 3000;
const LABEL_MAX = 75;

/** Plain text in mrkdwn sections, split where Slack's 3000-character limit would cut it. */
export function textBlocks(text: string): Block[] {
  const out: Block[] = [];
  let rest = text.trim() || " ";
  while (rest.length > 0) {
    const cut = rest.length <= SECTION_MAX ? rest.length : Math.max(rest.lastIndexOf("\n", SECTION_MAX), 1);
    out.push({ type: "section", text: { type: "mrkdwn", text: rest.slice(0, cut) } });
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  return out;
}

/** One button per action; the value carries the command so a click needs no server-side state. */
export function button(a: Action): types.Button {
  const value = encodeButton(a.command);
  return {
    type: "button",
    text: { type: "plain_text", text: a.label.length > LABEL_MAX ? `${a.label.slice(0, LABEL_MAX - 1)}…` : a.label },
    action_id: `${BUTTON_PREFIX}${value}`.slice(0, 255),
    value,
    ...(a.style ? { style: a.style } : {}),
  };
}

/** A message: the words, then its buttons (Slack allows 25 elements per actions block). */
export function messageBlocks(text: string, actions: readonly Action[], context: readonly string[] = []): Block[] {
  const blocks = textBlocks(text);
  if (context.length) blocks.push({ type: "context", elements: context.slice(0, 10).map((t) => ({ type: "mrkdwn", text: t })) });
  for (let i = 0; i < actions.length; i += 25) {
    blocks.push({ type: "actions", block_id: `percolate_actions_${i / 25}`, elements: actions.slice(i, i + 25).map(button) });
  }
  return blocks;
}

/** Actions blocks of a multi-part message carry this block_id prefix, then the part's number. */
export const PART_PREFIX = "percolate_part_";

/**
 * A message of several notices due together for one person: each part's words, then that
 * part's own buttons (block ids name the part), a divider between parts. One part is an
 * ordinary message.
 */
export function partsBlocks(parts: readonly { text: string; actions: readonly Action[] }[], context: readonly string[] = []): Block[] {
  const [only] = parts;
  if (parts.length === 1 && only) return messageBlocks(only.text, only.actions, context);
  const blocks: Block[] = [];
  parts.forEach((p, n) => {
    if (n > 0) blocks.push({ type: "divider" });
    blocks.push(...textBlocks(p.text));
    for (let i = 0; i < p.actions.length; i += 25) {
      blocks.push({ type: "actions", block_id: `${PART_PREFIX}${n}_${i / 25}`, elements: p.actions.slice(i, i + 25).map(button) });
    }
  });
  if (context.length) blocks.push({ type: "context", elements: context.slice(0, 10).map((t) => ({ type: "mrkdwn", text: t })) });
  return blocks;
}

/**
 * A clicked multi-part message: every block kept, except the clicked part's buttons, which
 * become the outcome (and any follow-up buttons), so the other parts' buttons still work.
 */
export function resolvedPartBlocks(
  original: readonly Block[],
  clickedBlockId: string,
  outcome: string,
  who: string,
  more: readonly Block[],
): Block[] {
  const out: Block[] = [];
  for (const b of original) {
    if (b.type === "actions" && b.block_id === clickedBlockId) {
      out.push({ type: "context", elements: [{ type: "mrkdwn", text: `${outcome} — <@${who}>` }] }, ...more);
    } else out.push(b);
  }
  return out;
}

/**
 * What a clicked message becomes: its first lines kept for context, the buttons replaced by
 * the outcome, so nobody can click a stale button again.
 */
export function resolvedBlocks(original: string, outcome: string, who: string): Block[] {
  const kept = original.trim() ? textBlocks(original).slice(0, 2) : [];
  return [...kept, { type: "context", elements: [{ type: "mrkdwn", text: `${outcome} — <@${who}>` }] }];
}
