/**
 * One scenario file as read from disk: its YAML document (node ranges kept,
 * so any value can be traced back to a line and column), and its plain value.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import { ScenarioError } from "./errors.js";
import type { PathKey } from "./schema-walk.js";

export interface SourceFile {
  /** absolute path */
  file: string;
  /** the path as shown in messages: relative to the working directory when inside it */
  shown: string;
  doc: Document;
  lineCounter: LineCounter;
  /** the file's content as plain data; {} for an empty file */
  value: Record<string, unknown>;
}

export interface Position {
  line: number;
  column: number;
  /** how many steps of the path were found in the file (0: none) */
  depth: number;
}

/** How a path is shown in messages: short when under the working directory. */
export function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

/** The file's text, or why it cannot be read, in words (never a raw errno). */
export function readText(file: string): { text: string } | { problem: string } {
  try {
    return { text: readFileSync(file, "utf8") };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { problem: "file not found" };
    if (code === "EISDIR") return { problem: "it is a folder, not a file" };
    if (code === "EACCES" || code === "EPERM") return { problem: "permission denied" };
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}

/** Parse a scenario file's text; syntax errors come back as positioned ScenarioErrors. */
export function parseSource(file: string, text: string): SourceFile | ScenarioError[] {
  const shown = shownPath(file);
  const lineCounter = new LineCounter();
  // prettyErrors off: the message stays one line and the position comes from our LineCounter
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return doc.errors.map((err) => {
      const { line, col } = lineCounter.linePos(err.pos[0]);
      return new ScenarioError(shown, line, col, "", "", `YAML syntax error: ${err.message}`);
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    // an alias without its anchor only fails here, when values are resolved
    const at = unresolvedAliasOffset(doc) ?? 0;
    const { line, col } = lineCounter.linePos(at);
    return [new ScenarioError(shown, line, col, "", "", `YAML error: ${err instanceof Error ? err.message : String(err)}`)];
  }
  if (value === null || value === undefined) value = {};
  if (typeof value !== "object" || Array.isArray(value)) {
    const { line, col } = lineCounter.linePos(doc.contents?.range[0] ?? 0);
    return [new ScenarioError(shown, line, col, "", "a map of parameters ('key: value' lines)", "the file is not a map of parameters")];
  }
  return { file, shown, doc, lineCounter, value: value as Record<string, unknown> };
}

function unresolvedAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (offset === undefined && node.resolve(doc) === undefined) offset = node.range?.[0];
    },
  });
  return offset;
}

/**
 * Where `path` is in the file: the value's node (or, with `atKey`, its key),
 * or the deepest enclosing node that exists when the path is only partly there.
 */
export function positionOf(source: SourceFile, path: readonly PathKey[], atKey = false): Position {
  let node: unknown = source.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (isAlias(node)) node = node.resolve(source.doc);
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(key));
      if (!pair) break;
      keyOffset = (pair.key as Node | null)?.range?.[0];
      // a key with no value (`rate:`) has no value node: point at the key
      next = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof key === "number" && key < node.items.length) {
      next = node.items[key];
    } else {
      break;
    }
    depth = i + 1;
    const isLast = i === path.length - 1;
    offset = (isLast && atKey && keyOffset !== undefined ? keyOffset : (next as Node | null)?.range?.[0]) ?? offset;
    node = next;
  }
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col, depth };
}
