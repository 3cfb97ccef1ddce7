import { Download, FileText } from "lucide-react";
import type { Metadata } from "next";
import Form from "next/form";
import { getDb } from "@/db";
import { memberName } from "@/components/members/member-name";
import { StatementTable } from "@/components/members/statement-table";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { requirePagePermission } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { statementFromParams, type MemberStatement } from "@/lib/members/statement";
import { formatCivil, MAX_STATEMENT_YEARS } from "@/lib/members/statement-period";
import { param, type SearchParams } from "../../../_lib/search-params";
import { loadMember, loadMemberPrograms } from "../load-member";

type Params = Promise<{ memberId: string }>;
/** Movements shown per programme on screen; the downloads have all of them. */
const SHOWN_LINES = 200;
/** The time of this request (a server component renders once per request): "today" for the default period. */
const requestTime = () => new Date();

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  return { title: `Statement · ${memberName(member) ?? member.externalId}` };
}

const dayLabel = (d: { year: number; month: number; day: number }) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(d.year, d.month - 1, d.day));

/** The statement asked for, or what is wrong with the dates or the programme. */
async function statementOrError(memberId: string, asked: { from?: string; to?: string; program?: string }): Promise<{ statement: MemberStatement | null; error: { field: string; message: string } | null }> {
  try {
    return { statement: await statementFromParams(getDb(), memberId, asked, requestTime()), error: null };
  } catch (e) {
    if (!isDomainError(e) || e.code !== "validation_failed") throw e;
    return { statement: null, error: { field: typeof e.details.field === "string" ? e.details.field : "from", message: e.message } };
  }
}

export default async function MemberStatementPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  const query = await searchParams;
  const asked = { from: param(query, "from", 20), to: param(query, "to", 20), program: param(query, "program", 40) };
  const balances = await loadMemberPrograms(member.id);
  const { statement, error } = await statementOrError(member.id, asked);
  const from = statement ? formatCivil(statement.period.from) : (asked.from ?? "");
  const to = statement ? formatCivil(statement.period.to) : (asked.to ?? "");
  const program = asked.program ?? "";
  const download = (kind: "csv" | "pdf") => `/members/${member.id}/statement/${kind}?${new URLSearchParams({ from, to, ...(program ? { program } : {}) })}`;
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <>
      <section aria-labelledby="statement-heading" className="flex flex-col gap-4">
        <PageHeader
          level={2}
          title={<span id="statement-heading">Statement</span>}
          description="The balance when the period starts, every movement of points in it with the balance after each, and the balance when it ends, per programme. Days are read in each programme’s time zone."
          actions={
            statement && (
              <>
                <a href={download("csv")} download className={buttonVariants({ variant: "secondary" })}>
                  <Download aria-hidden="true" /> Download CSV
                </a>
                <a href={download("pdf")} download className={buttonVariants({ variant: "secondary" })}>
                  <FileText aria-hidden="true" /> Download PDF
                </a>
              </>
            )
          }
        />
        <Form action={`/members/${member.id}/statement`} className="flex flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs" aria-label="Statement period">
          <FormField label="From" error={fieldError("from")} className="w-52">
            <Input type="date" name="from" defaultValue={from} required />
          </FormField>
          <FormField label="To" error={fieldError("to")} className="w-52">
            <Input type="date" name="to" defaultValue={to} required />
          </FormField>
          <FormField label="Programme" error={fieldError("program")} className="w-64">
            <Select name="program" defaultValue={program}>
              <option value="">All programmes</option>
              {balances.map((b) => (
                <option key={b.programId} value={b.programId}>
                  {b.programName} ({b.programCode})
                </option>
              ))}
            </Select>
          </FormField>
          <div className="flex flex-col gap-1.5">
            <span aria-hidden="true" className="text-[13px] leading-5 select-none">
              &nbsp;
            </span>
            <button type="submit" className={buttonVariants({ variant: "primary" })}>
              Show statement
            </button>
          </div>
          <p className="basis-full text-xs text-slate-500">Both days are included. A statement covers at most {MAX_STATEMENT_YEARS} years; the default is the last three months.</p>
        </Form>
        {statement && statement.programs.length === 0 && (
          <EmptyState icon={FileText} title="No programmes">
            The member is not enrolled in any programme, so there are no points to show.
          </EmptyState>
        )}
        {statement?.programs.map((p) => (
          <StatementTable key={p.programId} statement={p} fromLabel={dayLabel(statement.period.from)} toLabel={dayLabel(statement.period.to)} limit={SHOWN_LINES} />
        ))}
      </section>
    </>
  );
}
