// The command-line side of the admin endpoint: asks the running site to do what the command would
// have done to the data folder itself.
import type { DataFolderLock } from "@/lib/embedded/lock";

export class AdminRequestError extends Error {}

export async function callRunningSite<T>(lock: DataFolderLock, method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${lock.port}${route}`, {
      method,
      headers: { authorization: `Bearer ${lock.token ?? ""}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new AdminRequestError(
      `The running site (pid ${lock.pid}) did not answer (${error instanceof Error ? error.message : String(error)}); try again, or stop it and run the command again.`,
    );
  }
  const json = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new AdminRequestError(`The running site refused: ${json.error ?? `HTTP ${res.status}`}`);
  return json as T;
}
