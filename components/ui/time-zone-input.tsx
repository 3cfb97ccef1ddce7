"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** A hidden field with the reader's time zone, so date filters mean their calendar days. UTC until hydrated. */
export function TimeZoneInput() {
  const tz = useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    () => "UTC",
  );
  return <input type="hidden" name="tz" value={tz} />;
}
