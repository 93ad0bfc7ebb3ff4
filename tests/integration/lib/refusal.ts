// The error a refused operation rejects with, checked to be of the expected type (anything else,
// or no rejection at all, fails the test).
export async function refusal<E extends Error>(p: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  try {
    await p;
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}`);
}
