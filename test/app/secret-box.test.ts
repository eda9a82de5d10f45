import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBox, secretsKeyProblem } from "../../src/app/secret-box.js";

const OLD = randomBytes(32).toString("base64");
const NEW = randomBytes(32).toString("hex");
const TOKENS = JSON.stringify({ botToken: "xoxb-1111-2222-secret", refreshToken: "xoxe-1-refresh" });

/** A sealed value with one of its dot-separated parts replaced. */
const withPart = (sealed: string, index: number, part: (p: string) => string): string =>
  sealed
    .split(".")
    .map((p, i) => (i === index ? part(p) : p))
    .join(".");

/** The same base64url text with its first character changed. */
const flip = (p: string): string => (p[0] === "A" ? "B" : "A") + p.slice(1);

describe("SecretBox", () => {
  it("opens what it sealed, for the same context, and never shows the plain text", () => {
    const box = new SecretBox(OLD);
    const sealed = box.seal(TOKENS, "slack:T1");
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("xoxb-");
    expect(box.open(sealed, "slack:T1")).toBe(TOKENS);
    // A fresh IV each time: sealing twice never gives the same text.
    expect(box.seal(TOKENS, "slack:T1")).not.toBe(sealed);
    expect(sealed.split(".")[1]).toBe(box.keyId);
  });

  it("refuses a value moved onto another record (wrong context)", () => {
    const box = new SecretBox(OLD);
    const sealed = box.seal(TOKENS, "slack:T1");
    expect(() => box.open(sealed, "slack:T2")).toThrow("a sealed value failed its integrity check (altered, or moved from another record)");
  });

  it("refuses a tampered value: body, tag or IV changed", () => {
    const box = new SecretBox(OLD);
    const sealed = box.seal(TOKENS, "slack:T1");
    for (const index of [2, 3, 4]) expect(() => box.open(withPart(sealed, index, flip), "slack:T1")).toThrow("failed its integrity check");
    expect(() => box.open("xoxb-plain-token", "slack:T1")).toThrow("not a sealed value");
    expect(() => box.open(`${sealed}.extra`, "slack:T1")).toThrow("not a sealed value");
  });

  it("opens values sealed under an older key after rotation, and seals new ones under the newest", () => {
    const before = new SecretBox(OLD);
    const old = before.seal(TOKENS, "slack:T1");
    const rotated = new SecretBox(`${NEW}, ${OLD}`);
    expect(rotated.open(old, "slack:T1")).toBe(TOKENS);
    const fresh = rotated.seal(TOKENS, "slack:T1");
    expect(fresh.split(".")[1]).toBe(rotated.keyId);
    expect(rotated.keyId).not.toBe(before.keyId);
    expect(new SecretBox(NEW).open(fresh, "slack:T1")).toBe(TOKENS);
  });

  it("says which values are stale (sealed under an older key than the newest)", () => {
    const old = new SecretBox(OLD).seal(TOKENS, "slack:T1");
    const rotated = new SecretBox(`${NEW},${OLD}`);
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.seal(TOKENS, "slack:T1"))).toBe(false);
    expect(new SecretBox(OLD).isStale(old)).toBe(false);
  });

  it("names the key to put back when a value was sealed with a key the ring no longer holds", () => {
    const old = new SecretBox(OLD);
    const sealed = old.seal(TOKENS, "slack:T1");
    expect(() => new SecretBox(NEW).open(sealed, "slack:T1")).toThrow(
      `sealed with a key SECRETS_KEY no longer holds (key id ${old.keyId}): put that key back after the new one`,
    );
  });

  describe("SECRETS_KEY values", () => {
    const EACH_KEY = 'each key must be 32 random bytes as 64 hex digits or base64 (make one with "openssl rand -base64 32")';
    const LIST = "must be one or more keys separated by commas, newest first";

    it("accepts 64 hex digits, base64 and base64url keys, several separated by commas", () => {
      const b64url = randomBytes(32).toString("base64url");
      for (const v of [NEW, OLD, b64url, `${NEW},${OLD}`, ` ${NEW} , ${b64url} `]) expect(secretsKeyProblem(v)).toBeNull();
    });

    it.each([
      ["a short passphrase", "hunter2", EACH_KEY],
      ["16 bytes of hex", randomBytes(16).toString("hex"), EACH_KEY],
      ["48 bytes of base64", randomBytes(48).toString("base64"), EACH_KEY],
      ["an empty value", "", LIST],
      ["a trailing comma", `${NEW},`, LIST],
      ["two commas in a row", `${NEW},,${OLD}`, LIST],
    ])("refuses %s, naming the fix", (_what, value, message) => {
      expect(secretsKeyProblem(value)).toBe(message);
      expect(() => new SecretBox(value)).toThrow(`SECRETS_KEY: ${message}`);
    });
  });
});
