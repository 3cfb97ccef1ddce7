import "server-only";

export { createImport, findImportOfFile, checkHeader, type CreateImportInput, type CreatedImport } from "./upload";
export { runImport, markImportFailed, type RunImportResult } from "./run";
export { enqueueImport, registerImportJob, IMPORT_QUEUE, type ImportJobData } from "./job";
export { listImports, getImport, listImportErrors, allImportErrors, countRepeatedRows, type ImportView, type ImportErrorView } from "./queries";
export { IMPORT_KINDS, type ImportKind, type RowOutcome } from "./kinds";
