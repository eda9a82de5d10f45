import type { z } from "zod";
import { PercolateError } from "../../core/result.js";

/** How a Date is written inside stored JSON: `{"$date":"2024-05-01T09:30:00.000Z"}`. */
const DATE_TAG = "$date";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function tagDates(this: unknown, key: string, value: unknown): unknown {
  // `value` has already been through Date#toJSON; the holder still has the Date itself.
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
}

function untagDates(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const iso = (value as Record<string, unknown>)[DATE_TAG];
  return keys.length === 1 && typeof iso === "string" && ISO.test(iso) ? new Date(iso) : value;
}

/**
 * Serializes a value for a JSON text column. Dates are tagged rather than left as bare
 * ISO strings, so they come back as Dates without guessing which strings were dates.
 */
export const toJson = (value: unknown): string => JSON.stringify(value, tagDates);

/** Parses a JSON text column (dates restored); the caller validates the assembled record. */
export function readJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text, untagDates);
  } catch (e) {
    throw new PercolateError(`${where} holds invalid JSON`, { cause: e });
  }
}

/**
 * Validates a record assembled from a row with its domain schema: the store's edge
 * (HOUSE_STYLE §5). A row that does not parse is a broken invariant, named by `where`.
 */
export function parseRow<S extends z.ZodTypeAny>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new PercolateError(`${where} does not match the domain schema: ${parsed.error.message}`, { cause: parsed.error });
  return parsed.data;
}
