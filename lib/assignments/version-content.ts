// The full stored content of an assignment version: the validated spec and every file of the
// folder, hidden tests and reference solutions included. Server-only by nature; what a browser
// may see of it is built by lib/assignments/public-view.ts.
// Read back from the database (a Json column) it is parsed with the schema the sync validated it
// with, not cast: a row that does not fit (edited by hand, written by an older format) fails here,
// naming the version, rather than somewhere deep in grading or rendering.
import { z } from "zod";
import { assignmentSchema, type AssignmentSpec } from "@/lib/assignments/schema";

export type VersionContent = { spec: AssignmentSpec; files: Record<string, string> };

const versionContentSchema = z.object({ spec: assignmentSchema, files: z.record(z.string(), z.string()) });

/** `version` names the row in the error, e.g. `version 3 of "layernorm"`. */
export function parseVersionContent(stored: unknown, version: string): VersionContent {
  const parsed = versionContentSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new Error(
    `The stored content of ${version} is malformed (${issues.join("; ")}); run npm run assignments:sync to store a valid version of the assignment.`,
  );
}
