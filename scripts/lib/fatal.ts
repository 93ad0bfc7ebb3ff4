// Ends a CLI with the one-line message a person can act on, not a stack trace.
import { EnvError } from "@/lib/env";
import { DatabaseUnavailableError } from "@/lib/database";
import { MigrationError } from "@/lib/migrations";

export function exitWithError(error: unknown): never {
  if (error instanceof EnvError || error instanceof DatabaseUnavailableError || error instanceof MigrationError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
}
