import { TabsNav } from "@/components/ui/tabs-nav";

const TABS = [
  { label: "Programmes", href: "/programs" },
  { label: "Ledger health", href: "/programs/health" },
] as const;

/** Tabs of the programmes area: the list and the ledger's health. */
export function ProgramsTabs() {
  return <TabsNav label="Programmes" tabs={TABS} />;
}
