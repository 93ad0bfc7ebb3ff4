// Telling "the database is unreachable or refusing work just now" (restart, network, disk full,
// too many connections) from a bug: the former is a 503 with Retry-After, and the pool reconnects
// on the next request, so the site recovers by itself when PostgreSQL is back.

// Prisma: can't reach server, timed out, connection closed, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Driver-adapter error kinds (@prisma/driver-adapter-utils) that mean the same.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL SQLSTATE: 08xxx connection exceptions, 53xxx insufficient resources (disk full, out
// of memory, too many connections), 57P01-57P03 shutdown and start-up.
const SQLSTATE = /^(08...|53...|57P0[123])$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
const MESSAGES =
  /Connection terminated|terminating connection|Client has encountered a connection error|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (PRISMA_CODES.has(code) || SQLSTATE.test(code) || SOCKET_CODES.has(code))) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && (MESSAGES.test(e.message) || ADAPTER_KINDS.has(e.message))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}

/** A write refused by a unique index (Prisma's P2002, PostgreSQL's 23505, or the driver
 *  adapter's UniqueConstraintViolation): the caller turns it into a 409 that says what is taken. */
export function isUniqueViolation(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (e.code === "P2002" || e.code === "23505" || e.kind === "UniqueConstraintViolation") return true;
  return isUniqueViolation(e.cause, depth + 1) || isUniqueViolation(e.meta?.driverAdapterError, depth + 1);
}
