// The full stored content of an assignment version: the validated spec and every file of the
// folder, hidden tests and reference solutions included. Server-only by nature; what a browser
// may see of it is built by lib/assignments/public-view.ts.
import type { AssignmentSpec } from "@/lib/assignments/schema";

export type VersionContent = { spec: AssignmentSpec; files: Record<string, string> };
