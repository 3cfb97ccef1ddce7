import { forbidden, redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/auth/session";
import { settingsTabsFor } from "./tabs";

export default async function SettingsPage() {
  const user = await requireSignedIn();
  const [first] = settingsTabsFor(user.roles);
  if (!first) forbidden();
  redirect(first.href);
}
