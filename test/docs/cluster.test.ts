/**
 * docs/cluster.md runs as written. Its code blocks preceded by
 * `<!-- tested: NAME -->` are taken verbatim and run on a tiny sweep (2 × 2
 * points, 1 replication, 2,000 users, 30 days), given through the SWEEP and
 * NAME variables the scripts and manifests already use, in a temporary folder
 * whose dist/ is the built package:
 * - slurm-shards, the array script, through bash for each array index
 *   (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_CPUS_PER_TASK set
 *   by hand from its #SBATCH lines), then slurm-merge;
 * - k8s-shards, the Indexed Job: its container's command and args with the
 *   container's env, for each JOB_COMPLETION_INDEX below `completions`, then
 *   the k8s-merge Job's.
 * Either merged runs.csv must hold exactly the rows of the sweep run unsharded
 * (wall time aside); running a shard again must find all its runs logged; and
 * the merged folder must be the one `sim sweep SWEEP` resumes by default.
 * Every YAML block must parse as Kubernetes objects, and every bash block pass
 * `bash -n`. The Dockerfile and the queue route are not run here (the queue
 * block is run by test/queue/queue.test.ts, which has a Redis).
 * Needs the build (npm run build; npm test builds first).
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { CLI, isBuilt, ROOT, runRows, sorted } from "../sweep/helpers.js";
import { removeTempDirs, tempDir } from "../helpers/temp.js";
import { codeBlocks, taggedBlock } from "../helpers/doc-blocks.js";

const DOC = readFileSync(join(ROOT, "docs", "cluster.md"), "utf8");

const BLOCKS = codeBlocks(DOC);
const tagged = (tag: string): string => taggedBlock(BLOCKS, tag, "docs/cluster.md");

/** A Kubernetes object as parsed, read field by field (the test checks what it reads). */
type K8s = any;

function manifests(yamlText: string): K8s[] {
  const docs = parseAllDocuments(yamlText);
  for (const d of docs) if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join("\n"));
  return docs.map((d) => d.toJS() as K8s);
}

/** The environment of a job: this process's, without anything the doc's scripts read. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SWEEP|NAME|SHARDS|THREADS|JOB_COMPLETION_INDEX|SLURM_\w+)$/.test(k)));
  return { ...env, ...extra };
}

function expectOk(r: SpawnSyncReturns<string>, what: string): void {
  expect(r.status, `${what}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);
}

/** A folder standing for the checkout: dist/ is the built package, reports/ starts empty. */
function checkout(prefix: string): string {
  const dir = tempDir(prefix);
  symlinkSync(join(ROOT, "dist"), join(dir, "dist"), "dir");
  return dir;
}

describe("docs/cluster.md", () => {
  it("has the tested blocks", () => {
    for (const tag of ["slurm-shards", "slurm-merge", "k8s-shards", "k8s-merge"]) expect(() => tagged(tag)).not.toThrow();
  });

  it("every YAML block parses as Kubernetes objects", () => {
    const yamlBlocks = BLOCKS.filter((b) => b.lang === "yaml");
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(4);
    for (const b of yamlBlocks) {
      for (const m of manifests(b.body)) {
        expect(typeof m.apiVersion, b.body).toBe("string");
        expect(typeof m.kind, b.body).toBe("string");
        expect(typeof m.metadata?.name, b.body).toBe("string");
      }
    }
  });

  it("every bash block is valid bash", () => {
    const bashBlocks = BLOCKS.filter((b) => b.lang === "bash");
    expect(bashBlocks.length).toBeGreaterThanOrEqual(4);
    for (const b of bashBlocks) {
      const r = spawnSync("bash", ["-n"], { input: b.body, encoding: "utf8" });
      expect(r.status, `${b.body}\n${r.stderr}`).toBe(0);
    }
  });
});

describe("docs/cluster.md, run on a tiny sweep", () => {
  afterAll(removeTempDirs);
  let sweepFile: string;
  let whole: string[];

  beforeAll(() => {
    if (!isBuilt()) throw new Error(`${CLI} is missing: build first with npm run build`);
    const dir = tempDir("docs-cluster-sweep");
    sweepFile = join(dir, "tiny.yaml");
    writeFileSync(
      sweepFile,
      [
        `base: ${JSON.stringify(join(ROOT, "scenarios", "more-consumer-subsidies.yaml"))}`,
        "set:",
        "  levers.consumerSubsidy.startDay: 0",
        "parameters:",
        "  levers.consumerSubsidy.rate: [0.04, 0.12]",
        "  merchants.selfBroadcastAdoptionPerDay: [0.002, 0.006]",
        "design: grid",
        "reps: 1",
        "seed: 1",
        "days: 30",
        "users: 2000",
        "kpis: [gmv_total, merchant_growth]",
        "",
      ].join("\n"),
    );
    const out = join(dir, "whole");
    const r = spawnSync(process.execPath, [CLI, "sweep", sweepFile, "--out", out, "--threads", "1", "--quiet", "--no-report"], { encoding: "utf8" });
    expectOk(r, "the unsharded sweep");
    whole = sorted(runRows(out));
    expect(whole).toHaveLength(4);
  });

  it("Slurm: the array script for every index, then the merge script", () => {
    const script = tagged("slurm-shards");
    const array = /^#SBATCH --array=0-(\d+)$/m.exec(script);
    const cpus = /^#SBATCH --cpus-per-task=(\d+)$/m.exec(script);
    expect(array, "an #SBATCH --array=0-K line").not.toBeNull();
    expect(cpus, "an #SBATCH --cpus-per-task=C line").not.toBeNull();
    const n = Number(array![1]) + 1;
    const cwd = checkout("docs-cluster-slurm");
    writeFileSync(join(cwd, "sweep-shards.sh"), script);
    writeFileSync(join(cwd, "sweep-merge.sh"), tagged("slurm-merge"));
    // NAME is left to the script: tiny.yaml → tiny
    const task = (i: number): SpawnSyncReturns<string> =>
      spawnSync("bash", ["sweep-shards.sh"], {
        cwd,
        encoding: "utf8",
        env: cleanEnv({ SWEEP: sweepFile, SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_TASK_COUNT: String(n), SLURM_CPUS_PER_TASK: cpus![1] }),
      });
    for (let i = 0; i < n; i++) {
      const r = task(i);
      expectOk(r, `array task ${i}`);
      expect(r.stdout).toContain(`shard ${i + 1}/${n} done`);
      expect(existsSync(join(cwd, "reports", "sweeps", "tiny", `shard-${i}`, "runs.csv"))).toBe(true);
    }
    // a shard's command run again resumes its folder: nothing left to run
    const again = task(0);
    expectOk(again, "array task 0 again");
    expect(again.stdout).toMatch(/\(\d+ already logged, 0 run now\)/);

    const merge = spawnSync("bash", ["sweep-merge.sh"], { cwd, encoding: "utf8", env: cleanEnv({ SWEEP: sweepFile }) });
    expectOk(merge, "the merge script");
    expect(merge.stdout).toContain(`merged ${n} folders: 4 runs (0 duplicates dropped)`);
    expect(merge.stdout).toContain("complete");
    const merged = join(cwd, "reports", "sweeps", "tiny");
    expect(sorted(runRows(merged))).toEqual(whole);
    expect(existsSync(join(merged, "index.html"))).toBe(true);

    // the merged folder is the one `sim sweep SWEEP` uses by default: it finds every run there
    const resume = spawnSync(process.execPath, ["dist/cli/main.js", "sweep", sweepFile, "--quiet", "--no-report", "--threads", "1"], { cwd, encoding: "utf8", env: cleanEnv({}) });
    expectOk(resume, "sim sweep SWEEP after the merge");
    expect(resume.stdout).toContain("(4 already logged, 0 run now)");
  });

  it("Kubernetes: the Indexed Job's command for every completion index, then the merge Job's", () => {
    const pvc = BLOCKS.filter((b) => b.lang === "yaml")
      .flatMap((b) => manifests(b.body))
      .find((m) => m.kind === "PersistentVolumeClaim");
    expect(pvc, "a PersistentVolumeClaim in the doc").toBeDefined();

    /** The Job's only container, with its env, checked to write reports/ onto the claim. */
    const jobContainer = (job: K8s): { argv: string[]; env: Record<string, string> } => {
      expect(job.kind).toBe("Job");
      const pod = job.spec.template.spec;
      expect(pod.containers).toHaveLength(1);
      const c = pod.containers[0];
      const mount = c.volumeMounts.find((v: K8s) => v.mountPath === `${c.workingDir}/reports`);
      expect(mount, "a volume mounted at <workingDir>/reports").toBeDefined();
      const volume = pod.volumes.find((v: K8s) => v.name === mount.name);
      expect(volume.persistentVolumeClaim.claimName).toBe(pvc.metadata.name);
      const env = Object.fromEntries((c.env ?? []).map((e: K8s) => [e.name, String(e.value)]));
      return { argv: [...c.command, ...(c.args ?? [])], env };
    };

    const [shardJob] = manifests(tagged("k8s-shards"));
    expect(shardJob.spec.completionMode).toBe("Indexed");
    const n: number = shardJob.spec.completions;
    expect(shardJob.spec.parallelism).toBe(n);
    const shard = jobContainer(shardJob);
    expect(shard.env.SHARDS, "SHARDS restates completions").toBe(String(n));

    const cwd = checkout("docs-cluster-k8s");
    const name = "tiny-k8s";
    for (let i = 0; i < n; i++) {
      const r = spawnSync(shard.argv[0], shard.argv.slice(1), {
        cwd,
        encoding: "utf8",
        env: cleanEnv({ ...shard.env, SWEEP: sweepFile, NAME: name, JOB_COMPLETION_INDEX: String(i) }),
      });
      expectOk(r, `completion index ${i}`);
      expect(r.stdout).toContain(`shard ${i + 1}/${n} done`);
      expect(existsSync(join(cwd, "reports", "sweeps", name, `shard-${i}`, "runs.csv"))).toBe(true);
    }

    const [mergeJob] = manifests(tagged("k8s-merge"));
    const merge = jobContainer(mergeJob);
    const r = spawnSync(merge.argv[0], merge.argv.slice(1), { cwd, encoding: "utf8", env: cleanEnv({ ...merge.env, NAME: name }) });
    expectOk(r, "the merge Job");
    expect(r.stdout).toContain(`merged ${n} folders: 4 runs (0 duplicates dropped)`);
    expect(sorted(runRows(join(cwd, "reports", "sweeps", name)))).toEqual(whole);
  });
});
