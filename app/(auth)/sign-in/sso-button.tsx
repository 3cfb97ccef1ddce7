"use client";

import { KeyRound } from "lucide-react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

export function SsoButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" className="w-full" loading={pending}>
      {!pending && <KeyRound aria-hidden="true" />}
      {label}
    </Button>
  );
}
