// Both languages carry the same messages: every key of messages/en.json is in messages/zh.json and
// back, and each pair of messages takes the same arguments (a renamed {placeholder} in one language
// would print nothing, or throw, only for the readers of that language).
import { describe, expect, it } from "vitest";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The argument names a message uses, with plural/select branches and rich-text tags walked. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

const english = leaves(en as Tree);
const chinese = leaves(zh as Tree);

describe("message files", () => {
  it("en.json and zh.json have exactly the same keys", () => {
    expect([...chinese.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !chinese.has(k))).toEqual([]);
  });

  it("every message parses, and each Chinese message takes the arguments of its English one", () => {
    const mismatched: string[] = [];
    for (const [key, message] of english) {
      const a = [...argumentsOf(parse(message))].sort();
      const b = [...argumentsOf(parse(chinese.get(key) ?? ""))].sort();
      if (a.join() !== b.join()) mismatched.push(`${key}: en {${a.join(", ")}} zh {${b.join(", ")}}`);
    }
    expect(mismatched).toEqual([]);
  });

  it("the staff pages have their own namespace in both languages, with no English left in Chinese", () => {
    const staffKeys = [...chinese.keys()].filter((k) => k.startsWith("staff."));
    expect(staffKeys.length).toBeGreaterThan(300);
    // A Chinese staff message identical to its English one is a forgotten translation, unless it
    // is a name the two languages share (Canvas CSV) or a pure pattern of numbers.
    const shared = new Set(["staff.overview.canvasCsv", "staff.queue.position"]);
    const untranslated = staffKeys.filter((k) => chinese.get(k) === english.get(k) && !shared.has(k) && /[a-z]{3}/i.test(chinese.get(k)!));
    expect(untranslated).toEqual([]);
  });
});
