/**
 * What Slack checks before it accepts blocks (api.slack.com/reference/block-kit), so the fake
 * answers `invalid_blocks` where Slack would, and what a person sees in mrkdwn.
 */

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x !== null && typeof x === "object" ? (x as Obj) : {});
const text = (x: unknown): string => {
  const t = obj(x).text;
  return typeof t === "string" ? t : "";
};

/** The problems Slack would find in these blocks (empty when valid). `max` is 50 for messages, 100 for views. */
export function blockProblems(blocks: unknown, max = 50): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ["blocks is not an array"];
  const out: string[] = [];
  if (blocks.length > max) out.push(`${blocks.length} blocks (max ${max})`);
  const ids = new Set<string>();
  blocks.forEach((raw, i) => {
    const b = obj(raw);
    const where = `blocks[${i}]`;
    if (typeof b.block_id === "string") {
      if (ids.has(b.block_id)) out.push(`${where}: duplicate block_id ${b.block_id}`);
      if (b.block_id.length > 255) out.push(`${where}: block_id too long`);
      ids.add(b.block_id);
    }
    switch (b.type) {
      case "section": {
        const t = text(b.text);
        if (t.trim() === "" && !b.fields) out.push(`${where}: empty section text`);
        if (t.length > 3000) out.push(`${where}: section text ${t.length} chars (max 3000)`);
        break;
      }
      case "header": {
        const t = text(b.text);
        if (t.length > 150) out.push(`${where}: header text ${t.length} chars (max 150)`);
        break;
      }
      case "context": {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length === 0 || els.length > 10) out.push(`${where}: ${els.length} context elements (1–10)`);
        for (const e of els) if (text(e).length > 3000) out.push(`${where}: context text too long`);
        break;
      }
      case "actions": {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length === 0 || els.length > 25) out.push(`${where}: ${els.length} actions elements (1–25)`);
        const actionIds = new Set<string>();
        for (const e of els.map(obj)) {
          const label = text(e.text);
          if (e.type === "button" && (label.length === 0 || label.length > 75))
            out.push(`${where}: button text ${label.length} chars (1–75)`);
          if (typeof e.action_id === "string") {
            if (actionIds.has(e.action_id)) out.push(`${where}: duplicate action_id`);
            if (e.action_id.length > 255) out.push(`${where}: action_id too long`);
            actionIds.add(e.action_id);
          }
          if (typeof e.value === "string" && e.value.length > 2000) out.push(`${where}: button value too long`);
          const options = Array.isArray(e.options) ? e.options : [];
          if (options.length > 100) out.push(`${where}: ${options.length} options (max 100)`);
          for (const o of options) if (text(obj(o).text).length > 75) out.push(`${where}: option text too long`);
        }
        break;
      }
      case "divider":
      case "input":
      case "image":
      case "rich_text":
        break;
      default:
        out.push(`${where}: unknown block type ${String(b.type)}`);
    }
  });
  return out;
}

/** Slack's entities decoded: what a person reads where the mrkdwn has `&lt;` and friends. */
export const shown = (mrkdwn: string): string => mrkdwn.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The active parts Slack would make of mrkdwn: links (`<url>` or `<url|label>`), user and
 * channel mentions (`<@U…>`, `<#C…>`) and special mentions (`<!channel>`, `<!here>`, `<!everyone>`).
 */
export function activeParts(mrkdwn: string): string[] {
  return [...mrkdwn.matchAll(/<([^<>]*)>/g)].map((m) => m[1] ?? "");
}

/** Every mrkdwn text in blocks (sections and context elements), in order. */
export function mrkdwnTexts(blocks: unknown): string[] {
  const out: string[] = [];
  for (const raw of Array.isArray(blocks) ? blocks : []) {
    const b = obj(raw);
    if (b.type === "section" && obj(b.text).type === "mrkdwn") out.push(text(b.text));
    if (b.type === "context") for (const e of Array.isArray(b.elements) ? b.elements : []) if (obj(e).type === "mrkdwn") out.push(text(e));
  }
  return out;
}
