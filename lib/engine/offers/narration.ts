/**
 * Narrations: the line a member sees on a statement, e.g. "Earned {points} points at {merchant} on {date}".
 * Placeholders are {amount} (transaction amount, e.g. "2,500.00"), {currency} (its ISO code), {merchant}
 * (merchant name, else its id), {points} and {value} (the award: points or vouchers as a whole number,
 * cashback as money, e.g. "25.00"), {offer} (the offer's name) and {date} (the local date, YYYY-MM-DD).
 */
import { EngineError } from "../errors";

export const NARRATION_PLACEHOLDERS = ["amount", "currency", "merchant", "points", "value", "offer", "date"] as const;
export type NarrationPlaceholder = (typeof NARRATION_PLACEHOLDERS)[number];
export type NarrationValues = Partial<Record<NarrationPlaceholder, string>>;

export const NARRATION_MAX_LENGTH = 280;

const PLACEHOLDER_RE = /\{([^{}]*)\}/g;
const KNOWN: ReadonlySet<string> = new Set(NARRATION_PLACEHOLDERS);

/** The placeholders in a template that are not known, in order of appearance, without duplicates. */
export function unknownPlaceholders(template: string): string[] {
  const unknown: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    const name = m[1] ?? "";
    if (!KNOWN.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

export function unknownPlaceholderMessage(names: string[]): string {
  const list = names.map((n) => `{${n}}`).join(", ");
  const known = NARRATION_PLACEHOLDERS.map((n) => `{${n}}`).join(", ");
  return `Unknown placeholder${names.length > 1 ? "s" : ""} ${list} in the narration; use ${known}.`;
}

/** A template split once into literal text and placeholders, so rendering is a join. */
export type CompiledNarration = { parts: (string | NarrationPlaceholder)[]; placeholderAt: boolean[] };

export function compileNarration(template: string): CompiledNarration {
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0) throw new EngineError("invalid_narration", unknownPlaceholderMessage(unknown));
  const parts: (string | NarrationPlaceholder)[] = [];
  const placeholderAt: boolean[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    const index = m.index ?? 0;
    if (index > last) {
      parts.push(template.slice(last, index));
      placeholderAt.push(false);
    }
    parts.push(m[1] as NarrationPlaceholder);
    placeholderAt.push(true);
    last = index + m[0].length;
  }
  if (last < template.length) {
    parts.push(template.slice(last));
    placeholderAt.push(false);
  }
  return { parts, placeholderAt };
}

export function renderCompiledNarration(n: CompiledNarration, values: NarrationValues): string {
  let out = "";
  for (let i = 0; i < n.parts.length; i++) {
    const part = n.parts[i]!;
    out += n.placeholderAt[i] ? (values[part as NarrationPlaceholder] ?? "") : part;
  }
  return out;
}

/** renderCompiledNarration for an award, without building a values object. */
export function renderAwardNarration(
  n: CompiledNarration,
  activity: { amount: string; currency: string; merchant: string; date: string },
  valueText: string,
  offerName: string,
): string {
  let out = "";
  for (let i = 0; i < n.parts.length; i++) {
    const part = n.parts[i]!;
    if (!n.placeholderAt[i]) {
      out += part;
      continue;
    }
    switch (part as NarrationPlaceholder) {
      case "amount":
        out += activity.amount;
        break;
      case "currency":
        out += activity.currency;
        break;
      case "merchant":
        out += activity.merchant;
        break;
      case "date":
        out += activity.date;
        break;
      case "points":
      case "value":
        out += valueText;
        break;
      case "offer":
        out += offerName;
        break;
    }
  }
  return out;
}

/**
 * Fills a narration template. A placeholder without a value renders as empty text; an unknown
 * placeholder throws EngineError("invalid_narration") naming it.
 */
export function renderNarration(template: string, values: NarrationValues): string {
  return renderCompiledNarration(compileNarration(template), values);
}
