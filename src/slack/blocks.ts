import type { types } from "@slack/bolt";
import { encodeButton } from "../core/commands/index.js";
import { type Action, clip } from "../text/index.js";

export type Block = types.KnownBlock;

/** Every Percolate button's action_id starts with this; its value is the encoded command. */
export const BUTTON_PREFIX = "cmd:";

/** Block Kit's limits (api.slack.com/reference/block-kit): beyond them Slack answers `invalid_blocks`. */
export const SLACK_LIMITS = {
  sectionText: 3000,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  optionText: 75,
  contextElements: 10,
  actionsElements: 25,
  messageBlocks: 50,
  viewBlocks: 100,
  blockId: 255,
  actionId: 255,
  buttonValue: 2000,
  /** The notification text sent beside blocks: Slack keeps 40,000 characters; a short one reads better. */
  fallbackText: 3000,
} as const;

/** Where a piece may end: not inside an `&amp;`-style entity (it would show half-escaped) nor a surrogate pair. */
function safeEnd(text: string, end: number): number {
  let e = end;
  const amp = text.lastIndexOf("&", e - 1);
  if (amp >= 0 && amp > e - 8 && /^&[a-z]+;/.test(text.slice(amp, amp + 8)) && text.indexOf(";", amp) >= e) e = amp;
  const c = text.charCodeAt(e - 1);
  if (c >= 0xd800 && c <= 0xdbff) e--;
  return Math.max(e, 1);
}

/** `text` cut to `max` with a visible "…", never mid-entity. */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeEnd(text, max - 1))}…`;
}

/**
 * Splits text into pieces of at most `max` characters: at the last line break of the window
 * when there is one in its second half, else at the last space there, else at `max` itself.
 * A long line without breaks becomes a few full pieces, never a stream of one-character ones.
 */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const nl = rest.lastIndexOf("\n", max);
    const sp = rest.lastIndexOf(" ", max);
    const cut = nl >= max / 2 ? nl : sp >= max / 2 ? sp : safeEnd(rest, max);
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  out.push(rest);
  return out;
}

/**
 * Text in mrkdwn sections of at most 3000 characters each, and at most `maxBlocks` of them:
 * text beyond that is cut with a visible "…" rather than making the message undeliverable.
 */
export function textBlocks(text: string, maxBlocks: number = SLACK_LIMITS.messageBlocks): Block[] {
  const parts = pieces(text.trim() || " ", SLACK_LIMITS.sectionText).filter((p) => p.trim() !== "");
  if (parts.length === 0) parts.push(" ");
  const kept = parts.slice(0, Math.max(1, maxBlocks));
  if (kept.length < parts.length) {
    const last = kept.length - 1;
    kept[last] = `${clipMrkdwn(kept[last] ?? "", SLACK_LIMITS.sectionText - 1)}…`.replace(/……$/, "…");
  }
  return kept.map((t) => ({ type: "section", text: { type: "mrkdwn", text: t } }));
}

/** The notification text that travels beside the blocks, within its limit. */
export const fallbackText = (text: string): string => clip(text, SLACK_LIMITS.fallbackText);

/** One button per action; the value carries the command so a click needs no server-side state. */
export function button(a: Action): types.Button {
  const value = encodeButton(a.command);
  return {
    type: "button",
    text: { type: "plain_text", text: clip(a.label, SLACK_LIMITS.buttonText) },
    action_id: `${BUTTON_PREFIX}${value}`.slice(0, SLACK_LIMITS.actionId),
    value,
    ...(a.style ? { style: a.style } : {}),
  };
}

/**
 * The last check before blocks leave: at most `max` blocks (the last kept ones are the
 * buttons, so text gives way first), and every `block_id` unique.
 */
export function finalizeBlocks(blocks: readonly Block[], max: number = SLACK_LIMITS.messageBlocks): Block[] {
  const seen = new Set<string>();
  return blocks.slice(0, max).map((b) => {
    if (!b.block_id) return b;
    let id = b.block_id.slice(0, SLACK_LIMITS.blockId - 4);
    for (let n = 2; seen.has(id); n++) id = `${b.block_id.slice(0, SLACK_LIMITS.blockId - 4)}_${n}`;
    seen.add(id);
    return id === b.block_id ? b : { ...b, block_id: id };
  });
}

/** Action blocks for these actions, 25 buttons per block, at most `maxBlocks` blocks. */
function actionBlocks(actions: readonly Action[], maxBlocks: number): Block[] {
  const out: Block[] = [];
  const per = SLACK_LIMITS.actionsElements;
  for (let i = 0; i < actions.length && out.length < maxBlocks; i += per) {
    out.push({ type: "actions", block_id: `percolate_actions_${i / per}`, elements: actions.slice(i, i + per).map(button) });
  }
  return out;
}

/** A message within Slack's limits: the words, an optional context line, then its buttons. */
export function messageBlocks(
  text: string,
  actions: readonly Action[],
  context: readonly string[] = [],
  max: number = SLACK_LIMITS.messageBlocks,
): Block[] {
  const buttons = actionBlocks(actions, 4);
  const contextBlocks: Block[] = context.length
    ? [
        {
          type: "context",
          elements: context
            .slice(0, SLACK_LIMITS.contextElements)
            .map((t) => ({ type: "mrkdwn" as const, text: clipMrkdwn(t, SLACK_LIMITS.contextText) })),
        },
      ]
    : [];
  const room = max - buttons.length - contextBlocks.length;
  return finalizeBlocks([...textBlocks(text, room), ...contextBlocks, ...buttons], max);
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
  return finalizeBlocks(blocks);
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
      const mention = ` — <@${who}>`;
      out.push(
        {
          type: "context",
          elements: [{ type: "mrkdwn", text: `${clipMrkdwn(outcome, SLACK_LIMITS.contextText - mention.length)}${mention}` }],
        },
        ...more,
      );
    } else out.push(b);
  }
  return finalizeBlocks(out);
}

/**
 * What a clicked message becomes: its first lines kept for context, the buttons replaced by
 * the outcome, so nobody can click a stale button again.
 */
export function resolvedBlocks(original: string, outcome: string, who: string): Block[] {
  const kept = original.trim() ? textBlocks(original, 2) : [];
  const mention = ` — <@${who}>`;
  return [
    ...kept,
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: `${clipMrkdwn(outcome, SLACK_LIMITS.contextText - mention.length)}${mention}` }],
    },
  ];
}
