// The staff routes answer in the reader's language: the English refusals of lib/ are recognized by
// their templates in messages/en.json and reworded from messages/zh.json; unknown ones stay English.
import { describe, expect, it } from "vitest";
import { CONFLICT_MESSAGE } from "@/lib/grades/manual-grading";
import { jsonError } from "@/lib/http/responses";
import { requestLocale, staffMessage, withLocalizedErrors } from "@/lib/http/staff-messages";
import en from "@/messages/en.json";

const zhRequest = (init: RequestInit = {}) => new Request("http://site.test/api/courses/x/staff/overrides", { ...init, headers: { cookie: "a=1; locale=zh" } });

describe("staff messages in the reader's language", () => {
  it("rewords a known refusal in Chinese, carrying its values over", () => {
    expect(staffMessage('No question "proof" in XOR with LN-Nets.', "zh")).toBe("XOR with LN-Nets 中没有题目“proof”。");
    expect(staffMessage("The score must be between 0 and 4 (the question's points).", "zh")).toBe("分数必须在 0 到 4 之间（该题的分值）。");
    expect(staffMessage(CONFLICT_MESSAGE, "zh")).toMatch(/^在你打开之后，有人修改了这份批改/);
  });

  it("keeps the field a zod refusal names, and rewords the rest", () => {
    expect(staffMessage("reason: give a reason of at least 3 characters", "zh")).toBe("reason: 请填写至少 3 个字符的理由");
  });

  it("leaves English alone, and an unknown message as it is", () => {
    expect(staffMessage("No such student in this course.", "en")).toBe("No such student in this course.");
    expect(staffMessage("Some brand-new refusal.", "zh")).toBe("Some brand-new refusal.");
  });

  it("recognizes every English template of the catalog as itself", () => {
    for (const [key, template] of Object.entries(en.staff.serverErrors)) {
      const filled = template.replace(/\{(\w+)\}/g, "v$1");
      expect(staffMessage(filled, "zh"), key).not.toBe(filled);
    }
  });

  it("reads the language from the switch's cookie, else from Accept-Language", () => {
    expect(requestLocale(zhRequest())).toBe("zh");
    expect(requestLocale(new Request("http://site.test/", { headers: { "accept-language": "zh-CN,zh;q=0.9" } }))).toBe("zh");
    expect(requestLocale(new Request("http://site.test/", { headers: { cookie: "locale=en", "accept-language": "zh-CN" } }))).toBe("en");
    expect(requestLocale(new Request("http://site.test/"))).toBe("en");
  });

  it("rewrites the error of a refused staff request, keeping its status and headers, and passes answers through", async () => {
    const refused = withLocalizedErrors(async (_req: Request) => jsonError(429, "No such extension in this course.", { "Retry-After": "5" }));
    const res = await refused(zhRequest());
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({ error: "本课程没有这项延期。" });
    const english = await refused(new Request("http://site.test/"));
    expect(await english.json()).toEqual({ error: "No such extension in this course." });
    const ok = withLocalizedErrors(async (_req: Request) => Response.json({ error: "not an error: a field of an answer" }));
    expect(await (await ok(zhRequest())).json()).toEqual({ error: "not an error: a field of an answer" });
  });
});
