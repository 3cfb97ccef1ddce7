import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/console/status-page";
import { buttonVariants } from "@/components/ui/button";

export default function NotFound() {
  return (
    <StatusPage
      icon={FileQuestion}
      code="404"
      title="This page does not exist"
      actions={
        <Link href="/" className={buttonVariants()}>
          Go to the home page
        </Link>
      }
    >
      The address may be mistyped, or the page may have moved.
    </StatusPage>
  );
}
