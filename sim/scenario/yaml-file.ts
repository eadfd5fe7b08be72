/**
 * The first steps of loading any of the project's YAML files (targets,
 * sweeps): read it, parse it with positions, and check it against its zod
 * schema. An unreadable or unparsable file throws ScenarioErrors at once;
 * schema problems come back as findings, to be given positions with the
 * rest of the file's problems.
 */
import type { z } from "zod";
import { ScenarioError, ScenarioErrors } from "./errors.js";
import { findingsFromIssues, type Finding } from "./issues.js";
import { parseSource, readText, shownPath, type SourceFile } from "./yaml-source.js";

export interface CheckedYaml {
  source: SourceFile;
  raw: SourceFile["value"];
  findings: Finding[];
}

/** `kind` names the file in messages: "targets", "sweep". */
export function readCheckedYaml(absFile: string, kind: string, schema: z.ZodType): CheckedYaml {
  const read = readText(absFile);
  if ("problem" in read) throw new ScenarioErrors([new ScenarioError(shownPath(absFile), undefined, undefined, "", `a readable YAML ${kind} file`, `cannot read the ${kind} file: ${read.problem}`)]);
  const parsed = parseSource(absFile, read.text);
  if (Array.isArray(parsed)) throw new ScenarioErrors(parsed);
  const raw = parsed.value;
  const findings: Finding[] = [];
  const result = schema.safeParse(raw);
  if (!result.success) findings.push(...findingsFromIssues(result.error.issues, raw, schema));
  return { source: parsed, raw, findings };
}
