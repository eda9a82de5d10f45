/**
 * `text` cut to at most `max` characters (UTF-16 units, as the platforms count), with "…"
 * at the end when anything was cut, so the reader can see it was. Never splits a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "…".slice(0, Math.max(0, max));
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** How much of a person's input is echoed back in a message ("… isn't a number"): enough to recognise it. */
export const ECHO_MAX = 60;
