// Version content read back from the database is parsed with the sync's schema: a round trip
// through JSON (what the Json column stores) gives the validated spec back, and a row that does
// not fit fails with an error naming the version instead of failing later where it is used.
import { describe, expect, it } from "vitest";
import { loadAssignment } from "@/lib/assignments/load";
import { parseVersionContent } from "@/lib/assignments/version-content";

async function storedLayernorm() {
  const r = await loadAssignment("assignments/layernorm");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  // What lib/assignments/sync.ts writes into AssignmentVersion.content.
  return { spec: r.assignment.spec, stored: JSON.parse(JSON.stringify({ spec: r.assignment.spec, files: r.assignment.files })) as unknown };
}

describe("stored version content", () => {
  it("reads back as the spec the sync validated, dates as dates", async () => {
    const { spec, stored } = await storedLayernorm();
    const content = parseVersionContent(stored, 'version 1 of "layernorm"');
    expect(content.spec).toEqual(spec);
    expect(content.spec.due).toBeInstanceOf(Date);
    expect(Object.keys(content.files)).toContain("assignment.yaml");
  });

  it("refuses a malformed row with an error that names the version and the field", async () => {
    const { stored } = await storedLayernorm();
    const broken = stored as { spec: { questions: { timeoutMs?: unknown }[] }; files: Record<string, unknown> };
    broken.spec.questions[0]!.timeoutMs = "soon";
    expect(() => parseVersionContent(broken, 'version 7 of "layernorm"')).toThrow(/version 7 of "layernorm".*spec\.questions\.0\.timeoutMs/);
    expect(() => parseVersionContent({ files: {} }, 'version 8 of "layernorm"')).toThrow(/version 8 of "layernorm" is malformed \(spec:/);
    expect(() => parseVersionContent(null, 'version 9 of "layernorm"')).toThrow(/version 9 of "layernorm"/);
  });
});
