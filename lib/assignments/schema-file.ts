import { assignmentJsonSchema } from "@/lib/assignments/schema";

export function assignmentSchemaFileText(): string {
  const schema = { $id: "assignment.schema.json", title: "assignment.yaml", ...(assignmentJsonSchema() as object) };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
