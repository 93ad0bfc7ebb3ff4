// One idempotency token per intended submission: the same answer sent again before the server has
// answered (a retry after a network error, a second click) carries the same token, so the server
// records it once (submissions are unique per student and token). A different answer is a new
// intent; any answer from the server (accepted or refused) ends the intent.
export type SubmitIntent = { tokenFor(body: unknown): string; answered(): void };

function newClientToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function createSubmitIntent(mint: () => string = newClientToken): SubmitIntent {
  let pending: { key: string; token: string } | null = null;
  return {
    tokenFor(body) {
      const key = JSON.stringify(body);
      if (!pending || pending.key !== key) pending = { key, token: mint() };
      return pending.token;
    },
    answered() {
      pending = null;
    },
  };
}
