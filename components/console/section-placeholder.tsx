import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SECTION_META } from "./section-meta";

/**
 * An area of the console that this build does not have yet: says so plainly, with no buttons
 * that lead nowhere.
 */
export function SectionPlaceholder({
  section,
  title,
  arrival,
  detail,
}: {
  section: Exclude<keyof typeof SECTION_META, "home" | "settings">;
  title: string;
  arrival: string;
  detail: string;
}) {
  const meta = SECTION_META[section];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={title} description={meta.description} />
      <Card>
        <EmptyState icon={meta.icon} title={arrival}>
          <p>{detail}</p>
          <p className="mt-2 text-slate-500">Nothing here can be changed yet in this build.</p>
        </EmptyState>
      </Card>
    </div>
  );
}
