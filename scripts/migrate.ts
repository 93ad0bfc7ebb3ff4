// npm run db:migrate — applies pending SQL migrations to the configured database.
import { closeDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/maintenance";
import { exitWithError } from "./lib/fatal";

try {
  const applied = await migrateDatabase();
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
  await closeDb();
} catch (error) {
  exitWithError(error);
}
