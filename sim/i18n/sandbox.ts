/**
 * The sandbox page's own words (sim serve). The page asks the server for them
 * (GET /api/messages, keys without the "sandbox." prefix) and holds no label
 * of its own.
 */
import type { Catalogue } from "./core.js";

export const SANDBOX = {
  "sandbox.title": { en: "Strategy sandbox", "zh-CN": "策略沙盘" },
  "sandbox.lead": {
    en: "Move a lever, run, and watch the platform respond. Each run is compared with another scenario on the same seeds.",
    "zh-CN": "调整杠杆，运行，观察平台的反应。每次运行都与另一个场景在相同随机种子上对比。",
  },
  "sandbox.scenario": { en: "Scenario", "zh-CN": "场景" },
  "sandbox.compareWith": { en: "Compare with", "zh-CN": "对比场景" },
  "sandbox.runName": { en: "Name of the run", "zh-CN": "运行名称" },
  "sandbox.users": { en: "Simulated users", "zh-CN": "模拟用户数" },
  "sandbox.days": { en: "Days", "zh-CN": "天数" },
  "sandbox.reps": { en: "Replications", "zh-CN": "重复次数" },
  "sandbox.seed": { en: "Seed", "zh-CN": "随机种子" },
  "sandbox.windowDays": { en: "Window: KPIs during days START:END and after (optional)", "zh-CN": "窗口期（起始日:结束日，如 60:240）：期间及之后的指标（可选）" },
  "sandbox.run": { en: "Run", "zh-CN": "运行" },
  "sandbox.cancel": { en: "Cancel", "zh-CN": "取消" },
  "sandbox.resetEdits": { en: "Undo all edits", "zh-CN": "撤销全部修改" },
  "sandbox.save": { en: "Save as YAML…", "zh-CN": "另存为 YAML…" },
  "sandbox.writeReport": { en: "Write report folder", "zh-CN": "生成报告文件夹" },
  "sandbox.edits": { en: "Edits against the scenario", "zh-CN": "相对场景的修改" },
  "sandbox.noEdits": { en: "No edits: the scenario as its file has it.", "zh-CN": "无修改：与场景文件一致。" },
  "sandbox.levers": { en: "Levers", "zh-CN": "平台杠杆" },
  "sandbox.behaviour": { en: "Behaviour", "zh-CN": "行为参数" },
  "sandbox.interventions": { en: "Interventions", "zh-CN": "干预计划" },
  "sandbox.window": { en: "days {start} to {end}", "zh-CN": "第 {start} 天至第 {end} 天" },
  "sandbox.listHint": { en: "A list in YAML flow or JSON, e.g. [{name: festival, startDay: 300, days: 3}]", "zh-CN": "以 YAML 流式或 JSON 书写的列表" },
  "sandbox.at": { en: "From day", "zh-CN": "起始日" },
  "sandbox.until": { en: "Until day (optional)", "zh-CN": "结束日（可选）" },
  "sandbox.sets": { en: "Sets (path=value, one a line)", "zh-CN": "设定（路径=取值，每行一项）" },
  "sandbox.remove": { en: "Remove", "zh-CN": "删除" },
  "sandbox.addIntervention": { en: "Add an intervention", "zh-CN": "添加干预" },
  "sandbox.default": { en: "default {value}", "zh-CN": "默认 {value}" },
  "sandbox.idle": { en: "Press Run to start.", "zh-CN": "点击“运行”开始。" },
  "sandbox.starting": { en: "Starting…", "zh-CN": "正在启动…" },
  "sandbox.progress": { en: "{percent}% of days done · {pairs} of {reps} replication pairs finished · {seconds} s", "zh-CN": "已完成 {percent}% 的天数 · {reps} 组重复中已完成 {pairs} 组 · {seconds} 秒" },
  "sandbox.finished": { en: "Finished in {seconds} s.", "zh-CN": "用时 {seconds} 秒完成。" },
  "sandbox.cancelled": { en: "Cancelled.", "zh-CN": "已取消。" },
  "sandbox.failed": { en: "The run failed: {error}", "zh-CN": "运行失败：{error}" },
  "sandbox.differenceTitle": { en: "Paired difference: scenario − compared", "zh-CN": "配对差异：本场景 − 对比场景" },
  "sandbox.differenceNote": {
    en: "Replication r of both scenarios runs on the same seed; the interval is a 95% t interval of the paired differences over the {pairs} replication pairs finished.",
    "zh-CN": "两个场景的第 r 次重复使用相同的随机种子；区间为已完成的 {pairs} 组配对差异的 95% t 置信区间。",
  },
  "sandbox.kpi": { en: "KPI", "zh-CN": "指标" },
  "sandbox.thisScenario": { en: "This scenario", "zh-CN": "本场景" },
  "sandbox.compared": { en: "Compared", "zh-CN": "对比场景" },
  "sandbox.difference": { en: "Difference", "zh-CN": "差异" },
  "sandbox.interval": { en: "95% interval", "zh-CN": "95% 置信区间" },
  "sandbox.charts": { en: "Charts", "zh-CN": "图表" },
  "sandbox.saveTitle": { en: "Save the edited scenario", "zh-CN": "保存修改后的场景" },
  "sandbox.fileName": { en: "File name (in {dir})", "zh-CN": "文件名（保存在 {dir}）" },
  "sandbox.scenarioName": { en: "Scenario name", "zh-CN": "场景名称" },
  "sandbox.overwrite": { en: "Overwrite if it exists", "zh-CN": "如已存在则覆盖" },
  "sandbox.saveButton": { en: "Save", "zh-CN": "保存" },
  "sandbox.close": { en: "Close", "zh-CN": "关闭" },
  "sandbox.saved": { en: "Saved {file}. Check it with: sim validate {file}", "zh-CN": "已保存 {file}。可用以下命令检查：sim validate {file}" },
  "sandbox.reportWritten": { en: "Report written: {folder}", "zh-CN": "报告已生成：{folder}" },
  "sandbox.openReport": { en: "Open the report", "zh-CN": "打开报告" },
  "sandbox.language": { en: "Language", "zh-CN": "语言" },
  "sandbox.comparedName": { en: "{name} (compared)", "zh-CN": "{name}（对比）" },
  "sandbox.chartSame": { en: "The scenario as it runs", "zh-CN": "运行中的场景" },
  "sandbox.chartCompared": { en: "The scenario against the one it is compared with, as they run", "zh-CN": "运行中的场景与对比场景" },
  "sandbox.needsTwo": { en: "needs 2 replications", "zh-CN": "需要至少 2 次重复" },
  "sandbox.errorTitle": { en: "Not run", "zh-CN": "未能运行" },
} as const satisfies Catalogue;

/** The sandbox's words by their key without the prefix, for the page. */
export function sandboxMessages(): Record<string, { en: string; "zh-CN": string }> {
  return Object.fromEntries(Object.entries(SANDBOX).map(([key, entry]) => [key.slice("sandbox.".length), entry]));
}
