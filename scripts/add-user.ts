// npm run user:add -- --email prof@uni.edu --name "Prof. Lin" --role instructor [--course C] [--term T] [--section A] [--student-id S1] [--admin]
// Creates (or updates) a person and enrolls them in a term of a course: --course (default
// COURSE_SLUG, a deprecated alias kept so today's command works), --term (default its current term). This is how the first
// instructor of a real deployment gets in; everyone else comes by roster import and invitation.
// The password is printed once (or taken from USER_PASSWORD), never stored in clear. Fields not
// given (section, student id) are kept. With the embedded database and the site running, the
// site does the write through its loopback admin endpoint (the data folder has one opener).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/lib/db";
import { getEnv, isEmbedded } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/maintenance";
import { addPerson, personInput, type AddedPerson, type PersonInput } from "@/lib/auth/add-person";
import { callRunningSite } from "@/lib/embedded/admin-client";
import { liveOwner } from "@/lib/embedded/lock";
import { exitWithError } from "./lib/fatal";

const USAGE =
  'Usage: npm run user:add -- --email prof@uni.edu --name "Prof. Lin" --role instructor [--course ml-theory] [--term 2027-spring] [--section A] [--student-id S1] [--admin]';

// One table of options: a new one (e.g. --course, --term) is a line here and a field in personInput.
const OPTIONS = {
  email: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  section: { type: "string" },
  "student-id": { type: "string" },
  course: { type: "string" },
  term: { type: "string" },
  admin: { type: "boolean" },
} as const;

function parseInput(argv: string[]): PersonInput {
  let values: Record<string, string | boolean | undefined>;
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
    courseSlug: values.course ?? getEnv().COURSE_SLUG,
    termSlug: values.term,
    courseNamed: values.course !== undefined,
    admin: values.admin === true,
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
  let added: Partial<AddedPerson>;
  if (owner?.kind === "server") {
    added = (await callRunningSite(owner, "POST", "/users", input)) as Partial<AddedPerson>;
  } else {
    await migrateDatabase();
    added = await addPerson(await getDb(), input);
    await closeDb();
  }
  const via = owner?.kind === "server" ? " (written by the running site)" : "";
  const what = [input.role ? `${input.role} of ${input.courseSlug}${added.term ? ` (${added.term})` : ""}` : null, input.admin ? "a site admin" : null]
    .filter(Boolean)
    .join(" and ");
  console.log(`${input.email} is ${what}${via}.${process.env.USER_PASSWORD ? "" : ` Password (shown once): ${input.password}`}`);
} catch (error) {
  exitWithError(error);
}
