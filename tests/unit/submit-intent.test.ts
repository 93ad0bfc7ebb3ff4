// The browser's idempotency tokens: one per intended submission until the server answers.
import { describe, expect, it } from "vitest";
import { createSubmitIntent } from "@/components/student/submit-intent";

function counter() {
  let n = 0;
  return () => `t${++n}`;
}

describe("one token per intended submission", () => {
  it("a retry of the same answer before the server answered reuses the token", () => {
    const intent = createSubmitIntent(counter());
    const body = { question: "q", kind: "SUBMIT", code: "x" };
    expect([intent.tokenFor(body), intent.tokenFor({ ...body })]).toEqual(["t1", "t1"]);
  });
  it("after the server answered, the same answer again is a new submission", () => {
    const intent = createSubmitIntent(counter());
    const body = { code: "x" };
    intent.tokenFor(body);
    intent.answered();
    expect(intent.tokenFor(body)).toBe("t2");
  });
  it("a changed answer is a new intent, even without an answer from the server", () => {
    const intent = createSubmitIntent(counter());
    expect([intent.tokenFor({ code: "x" }), intent.tokenFor({ code: "y" }), intent.tokenFor({ code: "y" })]).toEqual(["t1", "t2", "t2"]);
  });
  it("the default tokens are 32 random hex digits", () => {
    const a = createSubmitIntent().tokenFor({});
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(createSubmitIntent().tokenFor({})).not.toBe(a);
  });
});
