import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";

export type MemberProfileValues = {
  id: string;
  externalId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  attributes: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
};

const none = <span className="text-slate-400">Not given</span>;

function Field({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="mt-0.5 break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** Who the member is: identifiers and contact details. */
export function MemberProfile({ member: m }: { member: MemberProfileValues }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Profile</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-8 gap-y-3 text-[13px] sm:grid-cols-2">
          <Field term="External id">
            <span className="font-mono">{m.externalId}</span>
          </Field>
          <Field term="Member id">
            <span className="font-mono text-xs">{m.id}</span>
          </Field>
          <Field term="First name">{m.firstName ?? none}</Field>
          <Field term="Last name">{m.lastName ?? none}</Field>
          <Field term="Email">{m.email ?? none}</Field>
          <Field term="Phone">{m.phone ?? none}</Field>
          <Field term="Enrolled">
            <DateTime value={m.createdAt} />
          </Field>
          <Field term="Last changed">
            <DateTime value={m.updatedAt} />
          </Field>
        </dl>
      </CardContent>
    </Card>
  );
}

/** The member's custom attributes, as the bank's systems or the console set them. */
export function MemberAttributes({ attributes }: { attributes: Record<string, unknown> }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Attributes</CardTitle>
        <CardDescription>Custom data offers and segments can read.</CardDescription>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-[13px] text-slate-500">No custom attributes.</p>
        ) : (
          <dl className="divide-y divide-slate-100 rounded-md border border-slate-200 text-[13px]" data-testid="member-attributes">
            {entries.map(([key, value]) => (
              <div key={key} className="grid grid-cols-[minmax(6rem,40%)_1fr] gap-3 px-3 py-2">
                <dt className="font-mono text-xs leading-5 text-slate-600">{key}</dt>
                <dd className="break-words text-slate-900">{typeof value === "string" ? value || <span className="text-slate-400">(empty)</span> : <code className="text-xs">{JSON.stringify(value)}</code>}</dd>
              </div>
            ))}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
