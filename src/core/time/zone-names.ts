import { isValidZone } from "./windows.js";

/**
 * The one reader of the time zones people type, for every surface (text, Discord's `zone:`,
 * Slack's availability form). Decisions, so every surface answers alike:
 * - IANA names in any case, with spaces for underscores, are stored in their canonical spelling
 *   (`europe/berlin` and `America/New York` are Europe/Berlin and America/New_York).
 * - A city that names exactly one IANA zone (`Berlin`, `tokyo`, `new york`), or one of the few
 *   nicknames below (`NYC`), is accepted; the reply says which zone it was read as.
 * - Abbreviations (`CET`, `PST`, `IST` …) are never accepted: they name an offset, not a place,
 *   several are ambiguous (IST: India, Ireland, Israel) and most ignore summer time. They get
 *   "did you mean …?" with the zones people usually mean.
 * The list of zones is the runtime's own (`Intl.supportedValuesOf("timeZone")`); no tz math here.
 */

export type ZoneReading =
  /** `readFrom`: what was typed, when it was read as a city or nickname rather than a zone name. */
  | { ok: true; zone: string; readFrom?: string }
  /** `suggestions`: zones the person probably means (may be empty); `abbreviation` for `CET`, `PST` … */
  | { ok: false; given: string; suggestions: string[]; abbreviation?: true };

/** Common abbreviations → the zones people usually mean by them, most likely first. */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  cet: ["Europe/Berlin", "Europe/Paris", "Europe/Madrid"],
  cest: ["Europe/Berlin", "Europe/Paris", "Europe/Madrid"],
  met: ["Europe/Berlin"],
  eet: ["Europe/Athens", "Europe/Helsinki", "Europe/Kyiv"],
  eest: ["Europe/Athens", "Europe/Helsinki", "Europe/Kyiv"],
  wet: ["Europe/Lisbon"],
  bst: ["Europe/London"],
  gmt: ["Europe/London", "UTC"],
  ist: ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"],
  msk: ["Europe/Moscow"],
  est: ["America/New_York", "America/Toronto"],
  edt: ["America/New_York", "America/Toronto"],
  et: ["America/New_York"],
  cst: ["America/Chicago", "Asia/Shanghai"],
  cdt: ["America/Chicago"],
  ct: ["America/Chicago"],
  mst: ["America/Denver", "America/Phoenix"],
  mdt: ["America/Denver"],
  mt: ["America/Denver"],
  pst: ["America/Los_Angeles"],
  pdt: ["America/Los_Angeles"],
  pt: ["America/Los_Angeles"],
  akst: ["America/Anchorage"],
  hst: ["Pacific/Honolulu"],
  brt: ["America/Sao_Paulo"],
  jst: ["Asia/Tokyo"],
  kst: ["Asia/Seoul"],
  sgt: ["Asia/Singapore"],
  hkt: ["Asia/Hong_Kong"],
  wib: ["Asia/Jakarta"],
  pkt: ["Asia/Karachi"],
  aest: ["Australia/Sydney", "Australia/Brisbane"],
  aedt: ["Australia/Sydney"],
  acst: ["Australia/Adelaide"],
  awst: ["Australia/Perth"],
  nzst: ["Pacific/Auckland"],
  nzdt: ["Pacific/Auckland"],
  sast: ["Africa/Johannesburg"],
  cat: ["Africa/Maputo"],
  eat: ["Africa/Nairobi"],
  wat: ["Africa/Lagos"],
};

/** Nicknames and big cities that are not the name of their zone; each means one zone. */
export const CITIES: Readonly<Record<string, string>> = {
  nyc: "America/New_York",
  "new york city": "America/New_York",
  boston: "America/New_York",
  washington: "America/New_York",
  miami: "America/New_York",
  atlanta: "America/New_York",
  la: "America/Los_Angeles",
  sf: "America/Los_Angeles",
  "san francisco": "America/Los_Angeles",
  seattle: "America/Los_Angeles",
  "san diego": "America/Los_Angeles",
  austin: "America/Chicago",
  dallas: "America/Chicago",
  houston: "America/Chicago",
  munich: "Europe/Berlin",
  frankfurt: "Europe/Berlin",
  hamburg: "Europe/Berlin",
  cologne: "Europe/Berlin",
  milan: "Europe/Rome",
  barcelona: "Europe/Madrid",
  geneva: "Europe/Zurich",
  manchester: "Europe/London",
  edinburgh: "Europe/London",
  mumbai: "Asia/Kolkata",
  delhi: "Asia/Kolkata",
  "new delhi": "Asia/Kolkata",
  bangalore: "Asia/Kolkata",
  bengaluru: "Asia/Kolkata",
  kolkata: "Asia/Kolkata",
  calcutta: "Asia/Kolkata",
  beijing: "Asia/Shanghai",
  kyiv: "Europe/Kyiv",
  kiev: "Europe/Kyiv",
  "tel aviv": "Asia/Jerusalem",
  "ho chi minh city": "Asia/Ho_Chi_Minh",
  saigon: "Asia/Ho_Chi_Minh",
};

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Built once: every zone by its lowercased name, and by its lowercased last part (the city). */
let index: { byName: Map<string, string>; byCity: Map<string, string[]> } | undefined;
function zoneIndex(): NonNullable<typeof index> {
  if (index) return index;
  const byName = new Map<string, string>([["utc", "UTC"]]);
  const byCity = new Map<string, string[]>();
  for (const zone of Intl.supportedValuesOf("timeZone")) {
    byName.set(zone.toLowerCase(), zone);
    const city = (zone.split("/").pop() ?? zone).toLowerCase();
    if (zone.includes("/") && !zone.startsWith("Etc/")) byCity.set(city, [...(byCity.get(city) ?? []), zone]);
  }
  index = { byName, byCity };
  return index;
}

/** Edit distance, capped: enough to catch a typo in a city name. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] ?? 99;
}

/** "asia/ho_chi_minh" → "Asia/Ho_Chi_Minh", "us/pacific" → "US/Pacific". */
const properCase = (zone: string): string =>
  zone
    .split("/")
    .map((seg) => (seg.length <= 3 ? seg.toUpperCase() : seg.replace(/[a-z]+/g, (w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)))
    .join("/");

/** Reads a typed zone; see the module comment for what is accepted and what is suggested. */
export function readZone(text: string): ZoneReading {
  const typed = text.trim().replace(/\s+/g, " ");
  const key = typed.toLowerCase();
  const underscored = key.replace(/ /g, "_");
  const { byName, byCity } = zoneIndex();
  if (key === "utc" || key === "z" || key === "zulu") return { ok: true, zone: "UTC" };
  const abbreviation = own(ABBREVIATIONS, key);
  if (abbreviation) return { ok: false, given: typed, suggestions: [...abbreviation], abbreviation: true };
  const named = byName.get(underscored);
  if (named) return { ok: true, zone: named };
  // Zones the runtime knows but does not list (old aliases like US/Pacific): canonical spelling from Intl.
  // Current names the runtime knows under an older one (Asia/Kolkata, Europe/Kyiv) and old
  // aliases (US/Pacific): kept as typed when written in proper case, else given proper case.
  const spaced = typed.replace(/ /g, "_");
  if (spaced.includes("/") && isValidZone(spaced)) return { ok: true, zone: /[A-Z]/.test(spaced) ? spaced : properCase(spaced) };
  const nickname = own(CITIES, key);
  if (nickname) return { ok: true, zone: nickname, readFrom: typed };
  const city = underscored.split("/").pop() ?? underscored;
  const cities = byCity.get(city) ?? [];
  if (cities.length === 1 && cities[0]) return { ok: true, zone: cities[0], readFrom: typed };
  if (cities.length > 1) return { ok: false, given: typed, suggestions: cities.slice(0, 3) };
  const near = [...byCity.entries()]
    .map(([name, zones]) => ({ zones, d: distance(city, name) }))
    .filter((c) => c.d <= (city.length > 5 ? 2 : 1))
    .sort((a, b) => a.d - b.d)
    .flatMap((c) => c.zones);
  return { ok: false, given: typed, suggestions: near.slice(0, 3) };
}
