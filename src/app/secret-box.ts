import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** The sealed form's version tag: `v1.<key id>.<iv>.<tag>.<ciphertext>`, each part base64url. */
const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;

interface Key {
  id: string;
  bytes: Buffer;
}

/** Why SECRETS_KEY cannot be used, in words that name the fix; null when it can. */
export function secretsKeyProblem(value: string): string | null {
  const parts = value.split(",").map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === "")) return "must be one or more keys separated by commas, newest first";
  for (const p of parts)
    if (!decodeKey(p)) return 'each key must be 32 random bytes as 64 hex digits or base64 (make one with "openssl rand -base64 32")';
  return null;
}

function decodeKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const b = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return b.length === 32 ? b : null;
  }
  return null;
}

/**
 * Seals secrets (platform tokens) for storage with AES-256-GCM from node:crypto. SECRETS_KEY
 * holds one or more 32-byte keys, newest first: the first seals, every one opens, so a key is
 * rotated by putting the new key in front, re-sealing what is stored (`npm run secrets:reseal`),
 * then dropping the old key. Each sealed value names its key by a short hash and is bound to
 * what it belongs to (`context`, e.g. the installation id), so a value copied onto another row
 * does not open.
 */
export class SecretBox {
  private readonly keys: Key[];

  constructor(secretsKey: string) {
    const problem = secretsKeyProblem(secretsKey);
    if (problem) throw new Error(`SECRETS_KEY: ${problem}`);
    this.keys = secretsKey.split(",").map((p) => {
      const bytes = decodeKey(p.trim()) as Buffer;
      return { id: createHash("sha256").update(bytes).digest("base64url").slice(0, 8), bytes };
    });
  }

  /** The short id of the newest key, the one `seal` uses (as it appears inside sealed values). */
  get keyId(): string {
    return (this.keys[0] as Key).id;
  }

  /** The plain text sealed under the newest key, bound to `context`. */
  seal(plain: string, context: string): string {
    const key = this.keys[0] as Key;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key.bytes, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, key.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
  }

  /** The plain text of a sealed value; throws, naming the cause, when no key opens it or it was altered. */
  open(sealed: string, context: string): string {
    const [version, keyId, iv, tag, body, ...extra] = sealed.split(".");
    if (version !== VERSION || !keyId || !iv || !tag || body === undefined || extra.length > 0) throw new Error("not a sealed value");
    const key = this.keys.find((k) => k.id === keyId);
    if (!key) throw new Error(`sealed with a key SECRETS_KEY no longer holds (key id ${keyId}): put that key back after the new one`);
    const decipher = createDecipheriv(ALGORITHM, key.bytes, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    } catch (e) {
      throw new Error("a sealed value failed its integrity check (altered, or moved from another record)", { cause: e });
    }
  }

  /** Whether a sealed value was sealed under an older key than the newest (re-seal it). */
  isStale(sealed: string): boolean {
    return sealed.split(".")[1] !== this.keys[0]?.id;
  }
}
