"use client";

import { Eye, EyeOff, Wand2 } from "lucide-react";
import { useRef, useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A random 16-character password from the browser's secure random source. */
function generatePassword(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

/**
 * A password field with show / hide and, for admins setting someone else's password, a
 * "Generate" button that fills in a strong random one and shows it so it can be passed on.
 * Receives id / aria-* from FormField.
 */
export function PasswordInput({ generate = false, ...props }: Omit<ComponentProps<"input">, "type"> & { generate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  const [visible, setVisible] = useState(false);
  return (
    <div className="flex items-center gap-1.5">
      <Input ref={ref} type={visible ? "text" : "password"} className="font-mono" {...props} />
      <Button
        variant="secondary"
        size="icon"
        className="size-9"
        aria-pressed={visible}
        title={visible ? "Hide password" : "Show password"}
        onClick={() => setVisible((v) => !v)}
      >
        {visible ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
        {/* Named by its content, not aria-label, so getByLabel("Password") finds only the field. */}
        <span className="sr-only">{visible ? "Hide password" : "Show password"}</span>
      </Button>
      {generate && (
        <Button
          variant="secondary"
          className="h-9"
          onClick={() => {
            if (!ref.current) return;
            ref.current.value = generatePassword();
            setVisible(true);
            ref.current.focus();
            ref.current.select();
          }}
        >
          <Wand2 aria-hidden="true" />
          Generate
        </Button>
      )}
    </div>
  );
}
