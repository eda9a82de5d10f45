/**
 * Re-seals every installation's credentials under the newest key in SECRETS_KEY:
 * `npm run secrets:reseal`. The rotation it completes (src/app/secret-box.ts):
 *
 *   1. put the new key in front of SECRETS_KEY (SECRETS_KEY=<new>,<old>) and restart the bot;
 *   2. run this against the same DATABASE_URL;
 *   3. drop the old key from SECRETS_KEY and restart again.
 *
 * Every stale value is opened first, before anything is written, so a value that no key in
 * SECRETS_KEY opens stops the run with nothing changed and one line naming the fix. Then each
 * installation is re-sealed in its own transaction (read again inside it, so a concurrent
 * reinstall or a second run is never overwritten with older credentials). Running it twice
 * changes nothing the second time.
 */
import type { Installation, Store } from "../src/core/ports/index.js";
import { SecretBox, secretsKeyProblem } from "../src/app/secret-box.js";
import { openStore } from "../src/store/index.js";
import { redact } from "../src/store/url.js";

const KEY_HINT = 'make one with "openssl rand -base64 32"';

/** What a run did. */
interface ResealReport {
  resealed: number;
  current: number;
}

const count = (n: number): string => `${n} installation${n === 1 ? "" : "s"}`;

/** Why an installation's sealed value does not open, with what to do, or null when it opens. */
function unopenable(box: SecretBox, i: Installation): string | null {
  try {
    box.open(i.sealed, i.id);
    return null;
  } catch (e) {
    return `installation ${i.id} cannot be opened: ${(e as Error).message}`;
  }
}

async function reseal(store: Store, box: SecretBox): Promise<ResealReport> {
  const all = await store.tx((tx) => tx.listInstallations());
  for (const i of all) {
    if (!box.isStale(i.sealed)) continue;
    const problem = unopenable(box, i);
    if (problem) throw new Error(`${problem}. Nothing was changed.`);
  }
  const report: ResealReport = { resealed: 0, current: 0 };
  for (const { id } of all) {
    const done = await store.tx(async (tx) => {
      const i = await tx.getInstallation(id);
      if (!i || !box.isStale(i.sealed)) return false;
      await tx.saveInstallation({ ...i, sealed: box.seal(box.open(i.sealed, i.id), i.id) });
      return true;
    });
    if (done) report.resealed++;
    else report.current++;
  }
  return report;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? "file:./data/percolate.db";
  const secretsKey = process.env.SECRETS_KEY;
  if (secretsKey === undefined || secretsKey.trim() === "")
    throw new Error(`SECRETS_KEY is not set: set it to the keys, newest first, separated by commas (${KEY_HINT}).`);
  const problem = secretsKeyProblem(secretsKey);
  if (problem) throw new Error(`SECRETS_KEY: ${problem}.`);
  const box = new SecretBox(secretsKey);
  const store = await openStore(url);
  try {
    const r = await reseal(store, box);
    console.log(`${redact(url)}: ${count(r.resealed)} re-sealed under key ${box.keyId}, ${r.current} already current.`);
  } finally {
    await store.close();
  }
}

try {
  await main();
} catch (e) {
  console.error(`secrets:reseal: ${(e as Error).message}`);
  process.exitCode = 1;
}
