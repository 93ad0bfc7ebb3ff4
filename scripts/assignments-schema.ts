// npm run assignments:schema — writes assignments/schema.json from the zod schema, for editors
// (a test fails when the committed file is out of date).
import { writeFileSync } from "node:fs";
import { assignmentSchemaFileText } from "@/lib/assignments/schema-file";

writeFileSync("assignments/schema.json", assignmentSchemaFileText());
console.log("wrote assignments/schema.json");
