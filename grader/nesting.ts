// A cheap scan that refuses sources nested deeper than compilers handle safely, before one sees
// them: esbuild (like most parsers) recurses once per level, and sources far under the size limit
// made it take minutes (nested parentheses of arrow functions, blocks, ifs) or crash its service
// with a stack overflow (a long run of unary operators). Counted per level: one for each open
// bracket, plus each construct that nests without a bracket (a unary operator, `=>`, an
// assignment, `?`, if/else/for/while/do/with, typeof/void/delete/await/new/yield) since the
// start of its statement. Strings, comments, template text and regular expressions are skipped.

/** Deepest nesting accepted; human-written code stays far below (measured: under 40). */
export const MAX_NESTING = 100;

/** Identifier or number characters (any non-ASCII character counts: only nesting matters here). */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code >= 128;
}
const NESTING_WORDS = new Set(["if", "else", "for", "while", "do", "with", "typeof", "void", "delete", "await", "new", "yield"]);
/** Words after which `/` starts a regular expression and `+`/`-` are unary. */
const OPERATOR_WORDS = new Set([...NESTING_WORDS, "return", "case", "throw", "in", "of", "instanceof", "export", "default"]);
const ASSIGNMENTS = new Set(["=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??="]);
const PUNCTUATORS = [
  ">>>=",
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "&&=",
  "||=",
  "??=",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "**",
  "<<",
  ">>",
];
/** The longest punctuator at i (one character when none of the longer ones starts there). */
function punctuatorAt(source: string, i: number): string {
  const next = source.charCodeAt(i + 1);
  // Every multi-character punctuator's second character is one of = > < & | ? . + - * (cheap reject).
  if (next !== 61 && next !== 62 && next !== 60 && next !== 38 && next !== 124 && next !== 63 && next !== 46 && next !== 43 && next !== 45 && next !== 42)
    return source[i]!;
  for (const p of PUNCTUATORS) if (source.startsWith(p, i)) return p;
  return source[i]!;
}

export interface NestingProblem {
  line: number;
  depth: number;
}

/** The first place where nesting passes MAX_NESTING, or null. */
export function findDeepNesting(source: string, max = MAX_NESTING): NestingProblem | null {
  // Per open bracket: the nesting count of its statement so far, and what closes it.
  const levels: { chain: number; close: string }[] = [{ chain: 0, close: "" }];
  let total = 0; // sum of the chains + open brackets
  let line = 1;
  // Whether the previous token ends an operand (then `/` divides and `+`/`-` are binary).
  let afterOperand = false;
  const n = source.length;
  const top = () => levels[levels.length - 1]!;
  const nest = (): boolean => {
    top().chain++;
    total++;
    return total > max;
  };
  const endStatement = () => {
    total -= top().chain;
    top().chain = 0;
  };
  let i = 0;
  const skipString = (q: string) => {
    for (i++; i < n && source[i] !== q; i++) {
      if (source[i] === "\\") i++;
      if (source[i] === "\n") line++;
    }
    i++;
  };
  while (i < n) {
    const c = source[i]!;
    if (c === "\n") {
      line++;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "/" && source[i + 1] === "/") {
      while (i < n && source[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      for (; i < stop; i++) if (source[i] === "\n") line++;
      continue;
    }
    if (c === '"' || c === "'") {
      skipString(c);
      afterOperand = true;
      continue;
    }
    if (c === "/" && !afterOperand) {
      // A regular expression literal: to the closing slash outside a character class.
      let inClass = false;
      for (i++; i < n && source[i] !== "\n"; i++) {
        const d = source[i];
        if (d === "\\") i++;
        else if (d === "[") inClass = true;
        else if (d === "]") inClass = false;
        else if (d === "/" && !inClass) break;
      }
      i++;
      while (i < n && isWordChar(source.charCodeAt(i))) i++;
      afterOperand = true;
      continue;
    }
    if (c === "`" || (c === "}" && top().close === "`")) {
      // Template text up to the next `${` (which opens a level closed by "}") or the closing backtick.
      if (c === "}") {
        total -= top().chain + 1;
        levels.pop();
      }
      for (i++; i < n; i++) {
        const d = source[i];
        if (d === "\\") i++;
        else if (d === "\n") line++;
        else if (d === "`") break;
        else if (d === "$" && source[i + 1] === "{") break;
      }
      if (source[i] === "$") {
        levels.push({ chain: 0, close: "`" });
        total++;
        if (total > max) return { line, depth: total };
        i += 2;
        afterOperand = false;
      } else {
        i++;
        afterOperand = true;
      }
      continue;
    }
    if (isWordChar(source.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && isWordChar(source.charCodeAt(j))) j++;
      const word = source.slice(i, j);
      i = j;
      if (NESTING_WORDS.has(word) && nest()) return { line, depth: total };
      afterOperand = !OPERATOR_WORDS.has(word);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      levels.push({ chain: 0, close: c === "(" ? ")" : c === "[" ? "]" : "}" });
      total++;
      if (total > max) return { line, depth: total };
      i++;
      afterOperand = false;
      continue;
    }
    if (c === ")" || c === "]" || c === "}") {
      if (levels.length > 1) {
        total -= top().chain + 1;
        levels.pop();
      }
      // After a block, its statement is over; after ) or ], the expression goes on.
      if (c === "}") endStatement();
      i++;
      afterOperand = c !== "}";
      continue;
    }
    if (c === ";" || c === ",") {
      endStatement();
      i++;
      afterOperand = false;
      continue;
    }
    const op = punctuatorAt(source, i);
    i += op.length;
    const unary = (op === "+" || op === "-" || op === "++" || op === "--") && !afterOperand;
    if ((unary || op === "!" || op === "~" || op === "=>" || op === "?" || ASSIGNMENTS.has(op)) && nest()) return { line, depth: total };
    // Postfix ++/-- keep an operand; every other operator wants one.
    afterOperand = afterOperand && (op === "++" || op === "--");
  }
  return null;
}

/** The refusal message for a source nested too deeply, or null. */
export function nestingRefusal(source: string, max = MAX_NESTING): string | null {
  const p = findDeepNesting(source, max);
  if (!p) return null;
  return `Your code is nested more than ${max} levels deep at line ${p.line} (brackets, arrow functions, ifs or loops without braces, or unary operators like -+-x in a row). Split it into smaller functions or statements and submit again.`;
}
