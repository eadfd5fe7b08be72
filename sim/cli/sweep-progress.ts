/**
 * Progress of a sweep on stderr: a bar with runs done, runs per minute and
 * time left when stderr is a terminal; one plain line per interval otherwise
 * (logs of batch jobs); nothing with --quiet. Rates count only the runs this
 * process finished, so a resumed sweep does not look faster than it is.
 */
import cliProgress from "cli-progress";
import type { SweepProgress } from "../experiments/sweep/runner.js";

export interface SweepProgressOptions {
  name: string;
  isQuiet: boolean;
  isTTY: boolean;
  /** seconds between lines when not a terminal */
  intervalSec: number;
}

export class SweepProgressReporter {
  private bar?: cliProgress.SingleBar;
  private timer?: NodeJS.Timeout;
  private started = performance.now();
  private last: SweepProgress = { done: 0, total: 0, ranNow: 0 };

  constructor(private readonly opts: SweepProgressOptions) {}

  start(alreadyLogged: number, total: number): void {
    this.started = performance.now();
    this.last = { done: alreadyLogged, total, ranNow: 0 };
    if (this.opts.isQuiet) return;
    if (alreadyLogged > 0) process.stderr.write(`sim: ${this.opts.name}: ${alreadyLogged} of ${total} runs already in runs.csv; running the rest\n`);
    if (this.opts.isTTY) {
      this.bar = new cliProgress.SingleBar(
        { format: `${this.opts.name} {bar} {value}/{total} runs | {rate} runs/min | {left} left`, hideCursor: true, stream: process.stderr, barsize: 30, etaBuffer: 20 },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, alreadyLogged, this.payload());
    } else {
      this.timer = setInterval(() => this.line(), this.opts.intervalSec * 1000);
      this.timer.unref();
    }
  }

  update(p: SweepProgress): void {
    this.last = p;
    if (this.bar) {
      this.bar.setTotal(p.total);
      this.bar.update(p.done, this.payload());
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.bar) this.bar.stop();
    else if (!this.opts.isQuiet && this.last.ranNow > 0) this.line();
    this.bar = undefined;
  }

  /** runs per minute so far in this process */
  rate(): number {
    const minutes = (performance.now() - this.started) / 60000;
    return minutes > 0 ? this.last.ranNow / minutes : 0;
  }

  private payload(): { rate: string; left: string } {
    const rate = this.rate();
    const remaining = this.last.total - this.last.done;
    return { rate: rate > 0 ? rate.toFixed(1) : "–", left: rate > 0 ? duration((remaining / rate) * 60) : "–" };
  }

  private line(): void {
    const { done, total } = this.last;
    const { rate, left } = this.payload();
    const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
    process.stderr.write(`sim: ${this.opts.name}: ${done}/${total} runs (${pct}%), ${rate} runs/min, ${left} left\n`);
  }
}

/** 95 → "1m35s", 4000 → "1h06m". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "–";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
