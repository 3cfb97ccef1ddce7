import { PAGE_SIZES } from "@/components/ui/page-sizes";

export type SearchParams = Record<string, string | string[] | undefined>;

/** One query parameter as a trimmed string, or undefined when missing or blank. */
export function param(params: SearchParams, name: string, maxLength = 200): string | undefined {
  const raw = params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value.slice(0, maxLength) : undefined;
}

/** A positive integer parameter; anything else gives the fallback. */
export function intParam(params: SearchParams, name: string, fallback: number): number {
  const value = param(params, name, 16);
  if (!value || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 ? n : fallback;
}

/** `page` and `pageSize` of a paginated list; the page size is one of the offered choices. */
export function pageParams(params: SearchParams): { page: number; pageSize: number } {
  const size = intParam(params, "pageSize", 25);
  return { page: intParam(params, "page", 1), pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : 25 };
}
