// Ends a CLI with the one-line message a person can act on, not a stack trace.
import { EnvError } from "@/lib/env";
import { DatabaseUnavailableError } from "@/lib/db/maintenance";
import { MigrationError } from "@/lib/db/migrations";
import { DataFolderInUseError } from "@/lib/embedded/lock";
import { AdminRequestError } from "@/lib/embedded/admin-client";
import { HttpError } from "@/lib/http/http-error";

export function exitWithError(error: unknown): never {
  const sys = error as { code?: unknown; address?: unknown; port?: unknown };
  if (
    error instanceof EnvError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof MigrationError ||
    error instanceof DataFolderInUseError ||
    error instanceof AdminRequestError ||
    error instanceof HttpError // a refusal from lib/ (no such term, slug taken): its message says what to do
  ) {
    console.error(error.message);
  } else if (sys.code === "EADDRINUSE" || sys.code === "EACCES") {
    const where = `${String(sys.address ?? "")}:${String(sys.port ?? "")}`;
    console.error(
      sys.code === "EADDRINUSE"
        ? `Port ${String(sys.port)} is already in use (${where}): another \`npm start\` may be running. Stop it, or choose another port with PORT=...`
        : `Not allowed to listen on ${where}: ports below 1024 need extra rights. Choose another port with PORT=...`,
    );
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
}
