/**
 * The `--where` expression of `sim discover`: which points count as a
 * success. A tiny recursive-descent parser, no dependency:
 *
 *   or    := and ("or" and)*
 *   and   := not ("and" not)*
 *   not   := "not" not | cmp
 *   cmp   := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
 *   sum   := prod (("+" | "-") prod)*
 *   prod  := unary (("*" | "/") unary)*
 *   unary := "-" unary | NUMBER | NAME | "(" or ")"
 *
 * NAME is a KPI key or a parameter path (letters, digits, `_` and `.`);
 * NUMBER may use e-notation (2e9, 1.5E-3). Parse and type errors carry the
 * 0-based column of the offending token and what was expected there, so the
 * CLI can point a caret at it. A comparison with NaN (a KPI a point has no
 * value for) is false, as in JavaScript.
 */

export type Node =
  | { kind: "num"; value: number; column: number }
  | { kind: "name"; name: string; column: number }
  | { kind: "neg"; arg: Node; column: number }
  | { kind: "arith"; op: "+" | "-" | "*" | "/"; left: Node; right: Node; column: number }
  | { kind: "cmp"; op: CmpOp; left: Node; right: Node; column: number }
  | { kind: "and" | "or"; left: Node; right: Node; column: number }
  | { kind: "not"; arg: Node; column: number };

type CmpOp = "<" | "<=" | ">" | ">=" | "==" | "!=";

export interface WhereError {
  /** 0-based column in the expression */
  column: number;
  /** the whole message, naming the column: "unknown KPI or parameter 'x' at column 0; did you mean y?" */
  message: string;
}

export type ParseResult = { ok: true; ast: Node; names: string[] } | { ok: false; error: WhereError };

interface Token {
  type: "num" | "name" | "op" | "(" | ")" | "end";
  text: string;
  column: number;
  value?: number;
}

const KEYWORDS = new Set(["and", "or", "not"]);
const CMP_OPS = new Set(["<", "<=", ">", ">=", "==", "!="]);

class Failure extends Error {
  constructor(readonly column: number, message: string) {
    super(message);
  }
}

function describeToken(t: Token): string {
  return t.type === "end" ? "the end of the expression" : `'${t.text}'`;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) { i++; continue; }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      if (/^[A-Za-z_]/.test(text.slice(i + num[0].length))) throw new Failure(i + num[0].length, `unexpected '${text[i + num[0].length]}' after the number ${num[0]} at column ${i + num[0].length}; expected an operator`);
      tokens.push({ type: "num", text: num[0], column: i, value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ type: KEYWORDS.has(name[0]) ? "op" : "name", text: name[0], column: i });
      i += name[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (CMP_OPS.has(two)) { tokens.push({ type: "op", text: two, column: i }); i += 2; continue; }
    if ("<>+-*/".includes(ch)) { tokens.push({ type: "op", text: ch, column: i }); i++; continue; }
    if (ch === "(" || ch === ")") { tokens.push({ type: ch, text: ch, column: i }); i++; continue; }
    if (ch === "=" || ch === "!") throw new Failure(i, `'${ch}' alone at column ${i}; expected == or != (and 'not' for negation)`);
    if (ch === "&" || ch === "|") throw new Failure(i, `'${ch}' at column ${i}; expected 'and' or 'or'`);
    throw new Failure(i, `unexpected character '${ch}' at column ${i}; expected a KPI, a parameter, a number, an operator or a parenthesis`);
  }
  tokens.push({ type: "end", text: "", column: text.length });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token { return this.tokens[this.pos]; }
  private next(): Token { return this.tokens[this.pos++]; }
  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.type === "op" && ops.includes(t.text);
  }

  parse(): Node {
    const node = this.or();
    const t = this.peek();
    if (t.type !== "end") throw new Failure(t.column, `unexpected ${describeToken(t)} at column ${t.column}; expected 'and', 'or', an operator or the end of the expression`);
    return node;
  }

  private or(): Node {
    let left = this.and();
    while (this.isOp("or")) {
      const op = this.next();
      left = { kind: "or", left, right: this.and(), column: op.column };
    }
    return left;
  }

  private and(): Node {
    let left = this.not();
    while (this.isOp("and")) {
      const op = this.next();
      left = { kind: "and", left, right: this.not(), column: op.column };
    }
    return left;
  }

  private not(): Node {
    if (this.isOp("not")) {
      const op = this.next();
      return { kind: "not", arg: this.not(), column: op.column };
    }
    return this.cmp();
  }

  private cmp(): Node {
    const left = this.sum();
    if (this.peek().type === "op" && CMP_OPS.has(this.peek().text)) {
      const op = this.next();
      const right = this.sum();
      if (this.peek().type === "op" && CMP_OPS.has(this.peek().text)) {
        const t = this.peek();
        throw new Failure(t.column, `a second comparison '${t.text}' at column ${t.column}; expected 'and' or 'or' between comparisons (a < x and x < b)`);
      }
      return { kind: "cmp", op: op.text as CmpOp, left, right, column: op.column };
    }
    return left;
  }

  private sum(): Node {
    let left = this.prod();
    while (this.isOp("+", "-")) {
      const op = this.next();
      left = { kind: "arith", op: op.text as "+" | "-", left, right: this.prod(), column: op.column };
    }
    return left;
  }

  private prod(): Node {
    let left = this.unary();
    while (this.isOp("*", "/")) {
      const op = this.next();
      left = { kind: "arith", op: op.text as "*" | "/", left, right: this.unary(), column: op.column };
    }
    return left;
  }

  private unary(): Node {
    const t = this.next();
    if (t.type === "op" && t.text === "-") return { kind: "neg", arg: this.unary(), column: t.column };
    if (t.type === "num") return { kind: "num", value: t.value!, column: t.column };
    if (t.type === "name") return { kind: "name", name: t.text, column: t.column };
    if (t.type === "(") {
      const inner = this.or();
      const close = this.next();
      if (close.type !== ")") throw new Failure(close.column, `unexpected ${describeToken(close)} at column ${close.column}; expected ')' to close the '(' at column ${t.column}`);
      return inner;
    }
    throw new Failure(t.column, `unexpected ${describeToken(t)} at column ${t.column}; expected a KPI, a parameter, a number or '('`);
  }
}

/** True for nodes whose value is true/false rather than a number. */
function isBoolean(n: Node): boolean {
  return n.kind === "cmp" || n.kind === "and" || n.kind === "or" || n.kind === "not";
}

/** Numbers where numbers belong, conditions where conditions belong; the first misfit is an error. */
function checkTypes(n: Node, wantBoolean: boolean): void {
  if (isBoolean(n) !== wantBoolean) {
    const column = firstColumn(n);
    throw new Failure(column, wantBoolean
      ? `a number where a condition belongs at column ${column}; expected a comparison such as gmv_total > 1e9`
      : `a condition where a number belongs at column ${column}; expected a KPI, a parameter or a number`);
  }
  switch (n.kind) {
    case "neg": checkTypes(n.arg, false); break;
    case "arith": case "cmp": checkTypes(n.left, false); checkTypes(n.right, false); break;
    case "and": case "or": checkTypes(n.left, true); checkTypes(n.right, true); break;
    case "not": checkTypes(n.arg, true); break;
    default: break;
  }
}

/** Leftmost column of a node's text (binary nodes carry their operator's column). */
function firstColumn(n: Node): number {
  switch (n.kind) {
    case "arith": case "cmp": case "and": case "or": return firstColumn(n.left);
    default: return n.column;
  }
}

function namesOf(n: Node, out: Node[] = []): Node[] {
  switch (n.kind) {
    case "name": out.push(n); break;
    case "neg": case "not": namesOf(n.arg, out); break;
    case "arith": case "cmp": case "and": case "or": namesOf(n.left, out); namesOf(n.right, out); break;
    default: break;
  }
  return out;
}

/**
 * Parse `text`; every name must be one of `known` (KPI keys and parameter
 * paths). An unknown name is reported at its column with the closest known one.
 */
export function parseWhere(text: string, known: readonly string[]): ParseResult {
  try {
    if (text.trim() === "") throw new Failure(0, "the expression is empty; expected a comparison such as gmv_total > 1e9");
    const ast = new Parser(tokenize(text)).parse();
    for (const n of namesOf(ast)) {
      if (n.kind !== "name" || known.includes(n.name)) continue;
      const close = closest(n.name, known);
      throw new Failure(n.column, `unknown KPI or parameter '${n.name}' at column ${n.column}${close ? `; did you mean ${close}?` : ""}`);
    }
    checkTypes(ast, true);
    const names = [...new Set(namesOf(ast).map((n) => (n.kind === "name" ? n.name : "")))];
    return { ok: true, ast, names };
  } catch (err) {
    if (err instanceof Failure) return { ok: false, error: { column: err.column, message: err.message } };
    throw err;
  }
}

/** The expression's value for one point; `values` maps each name to its number (NaN when missing). */
export function evaluate(n: Node, values: Readonly<Record<string, number>>): number | boolean {
  switch (n.kind) {
    case "num": return n.value;
    case "name": return values[n.name] ?? NaN;
    case "neg": return -(evaluate(n.arg, values) as number);
    case "arith": {
      const a = evaluate(n.left, values) as number;
      const b = evaluate(n.right, values) as number;
      return n.op === "+" ? a + b : n.op === "-" ? a - b : n.op === "*" ? a * b : a / b;
    }
    case "cmp": return compare(n.op, evaluate(n.left, values) as number, evaluate(n.right, values) as number);
    case "and": return Boolean(evaluate(n.left, values)) && Boolean(evaluate(n.right, values));
    case "or": return Boolean(evaluate(n.left, values)) || Boolean(evaluate(n.right, values));
    case "not": return !evaluate(n.arg, values);
  }
}

function compare(op: CmpOp, a: number, b: number): boolean {
  switch (op) {
    case "<": return a < b;
    case "<=": return a <= b;
    case ">": return a > b;
    case ">=": return a >= b;
    case "==": return a === b;
    case "!=": return !Number.isNaN(a) && !Number.isNaN(b) && a !== b;
  }
}

/** The expression with a caret under `column`, two lines, for an error message. */
export function caretLines(text: string, column: number): string {
  return `${text}\n${" ".repeat(Math.max(0, column))}^`;
}

/** The known name nearest to `name` by edit distance, if it is near enough to be a typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) { bestD = d; best = k; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
