import { redirect } from "next/navigation";

/** Transactions have no console page of their own yet: their imports do. */
export default function TransactionsPage() {
  redirect("/transactions/imports");
}
