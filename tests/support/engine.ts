import { expect } from "vitest";
import { EngineError } from "@/lib/engine";

/** The code of the EngineError that `fn` throws; fails the test when it throws nothing or something else. */
export function engineErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return (e as EngineError).code;
  }
  throw new Error("expected an EngineError");
}
