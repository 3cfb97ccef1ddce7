import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";

export type SettingSourceFacts = {
  source: "saved" | "environment" | "default" | "none";
  env: string;
  envValue: string | null;
  savedAt: Date | null;
};

/** Where a setting's value comes from: saved in the console, an environment variable, the built-in default, or nowhere. */
export function SettingSource({ setting, format = (v) => v }: { setting: SettingSourceFacts; format?: (value: string) => string }) {
  const env = <code className="font-mono text-[11px]">{setting.env}</code>;
  switch (setting.source) {
    case "saved":
      return (
        <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-slate-500">
          <Badge tone="accent">Saved in the console</Badge>
          {setting.savedAt && (
            <span>
              on <DateTime value={setting.savedAt} />
            </span>
          )}
          {setting.envValue && (
            <span>
              · overrides {env} ({format(setting.envValue)})
            </span>
          )}
        </span>
      );
    case "environment":
      return (
        <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-slate-500">
          <Badge>Environment variable</Badge> {env} · used until a value is saved here
        </span>
      );
    case "default":
      return (
        <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-slate-500">
          <Badge>Built-in default</Badge> neither saved here nor set in {env}
        </span>
      );
    case "none":
      return (
        <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-slate-500">
          <Badge tone="danger">Not set</Badge> neither saved here nor set in {env}
        </span>
      );
  }
}
