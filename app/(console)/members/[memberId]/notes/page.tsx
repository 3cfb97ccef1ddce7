import { NotebookPen } from "lucide-react";
import Link from "next/link";
import { getDb } from "@/db";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listNotes } from "@/lib/members/notes";
import { pageParams, type SearchParams } from "../../../_lib/search-params";
import { loadMember } from "../load-member";
import { memberTabMetadata } from "../tab-metadata";
import { NoteForm } from "./note-form";

type Params = Promise<{ memberId: string }>;

export const generateMetadata = memberTabMetadata("Notes");

/** Agents' notes on the member, newest first. Written with members:write; never edited or deleted. */
export default async function MemberNotesPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const user = await requirePagePermission("members:read");
  const member = await loadMember((await params).memberId);
  const { page, pageSize } = pageParams(await searchParams);
  const result = await listNotes(getDb(), member.id, { page, pageSize });
  const canWrite = can(user.roles, "members:write");

  return (
    <>
      <section aria-labelledby="notes-heading" className="flex flex-col gap-3">
        <PageHeader
          level={2}
          title={<span id="notes-heading">Notes</span>}
          description="What agents learned and promised when they spoke to the member, newest first. Notes are kept as written: they cannot be edited or deleted."
        />
        {canWrite ? (
          <Card className="max-w-3xl p-4">
            <NoteForm memberId={member.id} />
          </Card>
        ) : (
          <p className="text-[13px] text-slate-500">Read only: member care writes notes.</p>
        )}
        <div className="max-w-3xl overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
          {result.rows.length === 0 ? (
            result.total > 0 ? (
              <EmptyState icon={NotebookPen} title="This page is empty" action={<Link href={`/members/${member.id}/notes`} className={buttonVariants({ variant: "secondary", size: "sm" })}>Go to the first page</Link>}>
                There are fewer notes than this page number implies.
              </EmptyState>
            ) : (
              <EmptyState icon={NotebookPen} title="No notes yet">
                {canWrite ? "Write down what the member asked for and what you did, so the next agent knows." : "Notes member care writes about this member appear here."}
              </EmptyState>
            )
          ) : (
            <ol className="divide-y divide-slate-100" aria-label="Notes, newest first">
              {result.rows.map((note) => (
                <li key={note.id} className="flex flex-col gap-1 px-4 py-3" data-testid="member-note">
                  <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
                    <span className="font-medium text-slate-700">{note.authorLabel}</span>
                    <DateTime value={note.createdAt} />
                  </p>
                  <p className="text-[13px] break-words whitespace-pre-wrap text-slate-900">{note.body}</p>
                </li>
              ))}
            </ol>
          )}
          {result.total > 0 && (
            <div className="border-t border-slate-200 bg-slate-50/60 px-3 py-2">
              <Pagination page={page} pageSize={pageSize} total={result.total} params={{}} noun={result.total === 1 ? "note" : "notes"} />
            </div>
          )}
        </div>
      </section>
    </>
  );
}
