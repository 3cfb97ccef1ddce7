/** A CSV download written as it is read: header first, batches in order, and a download abandoned midway stops the reading. */
import { describe, expect, it } from "vitest";
import { csvStreamDownload } from "@/lib/imports/csv";

async function* batchesOf<T>(batches: T[][], log: string[]) {
  try {
    for (const batch of batches) {
      log.push(`read ${batch.length}`);
      yield batch;
    }
  } finally {
    log.push("closed");
  }
}

describe("csvStreamDownload", () => {
  it("writes the byte-order mark, the header and every batch, defusing formula-looking cells, under a safe file name", async () => {
    const log: string[] = [];
    const response = csvStreamDownload("segment Gold/Platinum.csv", ["id", "name"], batchesOf([[{ id: 1, name: "Asha" }], [{ id: 2, name: "=HYPERLINK()" }]], log), (r) => [r.id, r.name]);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="segment_Gold_Platinum.csv"');
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // (TextDecoder drops the byte-order mark, checked above.)
    expect(new TextDecoder().decode(bytes)).toBe("id,name\r\n1,Asha\r\n2,'=HYPERLINK()\r\n");
    expect(log).toEqual(["read 1", "read 1", "closed"]);
  });

  it("stops reading when the download is abandoned", async () => {
    const log: string[] = [];
    const response = csvStreamDownload("x.csv", ["n"], batchesOf([[1], [2], [3], [4]], log), (n) => [n]);
    const reader = response.body!.getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch
    await reader.cancel();
    expect(log).toContain("closed");
    expect(log.filter((l) => l.startsWith("read")).length).toBeLessThan(4);
  });
});
