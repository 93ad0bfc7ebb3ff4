// npm run seed [-- --demo] — migrates, syncs the course's assignments, and with --demo adds the
// demo instructor, TA and students (refused with NODE_ENV=production).
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { describeDemo } from "@/lib/demo/people";
import { formatCourseSync, prepareDatabase } from "@/lib/courses/setup";
import { exitWithError } from "./lib/fatal";

try {
  const { values } = parseArgs({ options: { demo: { type: "boolean", default: false } } });
  const result = await prepareDatabase({ demo: values.demo ? "always" : "never" });
  console.log(`Courses:\n${formatCourseSync(result.sync)}`);
  const env = getEnv();
  if (result.demoSeeded && result.demoPassword) console.log(describeDemo(result.demoPassword, env.NEXTAUTH_URL ?? `http://${env.HOST}:${env.PORT}`));
  await closeDb();
} catch (error) {
  exitWithError(error);
}
