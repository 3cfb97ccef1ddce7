import { ShieldX } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/console/status-page";
import { buttonVariants } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <StatusPage
      icon={ShieldX}
      code="403"
      title="You don't have access to this page"
      actions={
        <Link href="/" className={buttonVariants()}>
          Go to the home page
        </Link>
      }
    >
      Your role does not include this area. If you need it for your work, ask an administrator to change your roles.
    </StatusPage>
  );
}
