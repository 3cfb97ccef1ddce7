import { TabsNav } from "@/components/ui/tabs-nav";

const TABS = [
  { label: "Programmes", href: "/programs" },
  { label: "Promotional points", href: "/programs/promotions" },
  { label: "Trackers", href: "/programs/trackers" },
  { label: "Ledger health", href: "/programs/health" },
] as const;

/** Tabs of the programmes area: the list, promotional points, trackers and the ledger's health. */
export function ProgramsTabs() {
  return <TabsNav label="Programmes" tabs={TABS} />;
}
