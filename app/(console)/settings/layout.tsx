import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/auth/session";
import { TabsNav } from "@/components/ui/tabs-nav";
import { settingsTabsFor } from "./tabs";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSignedIn();
  const tabs = settingsTabsFor(user.roles);
  if (tabs.length === 0) forbidden();
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Settings" description="Who can use the console, which systems can call the API, and the record of every change." />
      <TabsNav label="Settings" nested tabs={tabs.map(({ label, href }) => ({ label, href }))} />
      <div>{children}</div>
    </div>
  );
}
