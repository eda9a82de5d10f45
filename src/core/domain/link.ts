/**
 * Whether `text` is a meeting link people can open: an absolute `https://` or `http://` URL with
 * a host, as the WHATWG URL parser (the one browsers use) reads it. `notaurl`,
 * `javascript:alert(1)` and `https://` alone are not; neither is anything with spaces inside.
 */
export function isMeetingLink(text: string): boolean {
  const t = text.trim();
  if (t === "" || /\s/.test(t)) return false;
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return false;
  }
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
}
