// npm run user:add -- --email prof@uni.edu --name "Prof. Lin" --role instructor [--section A] [--student-id S1]
// Creates (or updates) a person and enrolls them in COURSE_SLUG's course. This is how the first
// instructor of a real deployment gets in; everyone else comes by roster import and invitation.
// The password is printed once (or taken from USER_PASSWORD), never stored in clear. Fields not
// given (section, student id) are kept. With the embedded database and the site running, the
// site does the write through its loopback admin endpoint (the data folder has one opener).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/lib/db";
import { getEnv, isEmbedded } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/maintenance";
import { addPerson, personInput, type PersonInput } from "@/lib/auth/add-person";
import { callRunningSite } from "@/lib/embedded/admin-client";
import { liveOwner } from "@/lib/embedded/lock";
import { exitWithError } from "./lib/fatal";

const USAGE = 'Usage: npm run user:add -- --email prof@uni.edu --name "Prof. Lin" --role instructor [--section A] [--student-id S1]';

// One table of options: a new one (e.g. --course, --term) is a line here and a field in personInput.
const OPTIONS = {
  email: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  section: { type: "string" },
  "student-id": { type: "string" },
} as const;

function parseInput(argv: string[]): PersonInput {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args: argv, options: OPTIONS }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const password = process.env.USER_PASSWORD ?? randomBytes(12).toString("base64url");
  const parsed = personInput.safeParse({
    email: values.email,
    name: values.name,
    role: values.role,
    section: values.section,
    studentId: values["student-id"],
    password,
    courseSlug: getEnv().COURSE_SLUG,
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => (i.path[0] === "password" ? `USER_PASSWORD: ${i.message}` : i.message)).join("\n"));
    console.error(USAGE);
    process.exit(2);
  }
  return parsed.data;
}

try {
  const input = parseInput(process.argv.slice(2));
  const owner = isEmbedded() ? await liveOwner() : null;
  if (owner?.kind === "server") {
    await callRunningSite(owner, "POST", "/users", input);
  } else {
    await migrateDatabase();
    await addPerson(await getDb(), input);
    await closeDb();
  }
  const via = owner?.kind === "server" ? " (written by the running site)" : "";
  console.log(`${input.email} is ${input.role} of ${input.courseSlug}${via}.${process.env.USER_PASSWORD ? "" : ` Password (shown once): ${input.password}`}`);
} catch (error) {
  exitWithError(error);
}
