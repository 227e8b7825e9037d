/**
 * Where the invoice page's main-thread time goes with our content script (issue 18), for a person
 * looking, not for `npm run bench`: `node --import tsx test/bench/page-trace.ts [loads]` (build first).
 * Loads the bench's invoice page (content-script-cost.ts) in fresh tabs with the production build and
 * with the do-nothing floor extension, alternately, each load under a Chrome trace (`devtools.timeline`,
 * `v8.execute`, V8's CPU profiler), and prints, per load and as means over the loads:
 *
 * - the renderer main thread's events by name, each event's own thread time (its children's taken off);
 * - the CPU profile's samples on that thread: by function (self), and by the function of our script
 *   nearest the top of the stack (inclusive: what our code and what it calls into cost).
 *
 * Knobs: TRACE_BUILD=<folder> traces another build as "ours"; TRACE_COMPARE=<folder> adds a third
 * build, traced alternately with the two, and prints the events of ours against it; TRACE_PAGE=other
 * loads the app's page without a document; TRACE_NO_PROFILER=1 leaves V8's sampling profiler out (it
 * inflates the JavaScript's share); TRACE_DUMP=<prefix> writes each load's trace to <prefix>-<n>.json.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../helpers/chromium';
import { startInvoiceSite, testPdf } from '../helpers/invoice-site';
import { hasSendButton, invoicePageHtml, otherPageHtml, registerForTestSite, SETTLE_MS, writeFloorExtension } from './content-script-cost';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'loading',
  ...(process.env.TRACE_NO_PROFILER ? [] : ['disabled-by-default-v8.cpu_profiler']),
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  tts?: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

let dumped = 0;

async function traceLoad(context: BrowserContext, url: string, expectButton: boolean): Promise<TraceEvent[]> {
  const page = await context.newPage();
  try {
    const cdp: CDPSession = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => void events.push(...(data.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    // As the bench does: a first load (the offscreen document, the page script's first injection) may take longer.
    let shown = await page.evaluate(hasSendButton);
    for (const deadline = Date.now() + 10_000; expectButton && !shown && Date.now() < deadline; shown = await page.evaluate(hasSendButton)) {
      await page.waitForTimeout(100);
    }
    if (shown !== expectButton) throw new Error(`the send button is ${shown ? '' : 'not '}there`);
    await cdp.send('Tracing.end');
    await complete;
    if (process.env.TRACE_DUMP) writeFileSync(`${process.env.TRACE_DUMP}-${dumped++}.json`, JSON.stringify({ traceEvents: events }));
    return events;
  } finally {
    await page.close();
  }
}

/** The renderer main thread that parsed the page. */
function pageMainThread(events: TraceEvent[], origin: string): { pid: number; tid: number } {
  const parse = events.find((e) => e.name === 'ParseHTML' && String((e.args as { beginData?: { url?: string } } | undefined)?.beginData?.url ?? '').startsWith(origin));
  if (!parse) throw new Error('no ParseHTML of the page in the trace');
  return { pid: parse.pid, tid: parse.tid };
}

/** Each complete event's own thread time (ms) on one thread, by name. */
function selfTimes(events: TraceEvent[], pid: number, tid: number): Map<string, number> {
  const own = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.tdur !== undefined && e.tts !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const totals = new Map<string, number>();
  const stack: { event: TraceEvent; children: number }[] = [];
  const close = (entry: { event: TraceEvent; children: number }) => {
    const self = Math.max(0, entry.event.tdur! - entry.children);
    totals.set(entry.event.name, (totals.get(entry.event.name) ?? 0) + self / 1000);
  };
  for (const event of own) {
    while (stack.length && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= event.ts) close(stack.pop()!);
    if (stack.length) stack.at(-1)!.children += event.tdur!;
    stack.push({ event, children: 0 });
  }
  while (stack.length) close(stack.pop()!);
  return totals;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; scriptId?: number; lineNumber?: number; columnNumber?: number };
}

/** The CPU profile's samples on the page's renderer (ms): self by function, and inclusive by our script's topmost-called frame. */
function profileTimes(events: TraceEvent[], pid: number, ourScript: string): { self: Map<string, number>; ours: Map<string, number> } {
  const chunks = events.filter((e) => e.pid === pid && e.name === 'ProfileChunk');
  const byProfile = new Map<string, TraceEvent[]>();
  for (const chunk of chunks) byProfile.set(chunk.id!, [...(byProfile.get(chunk.id!) ?? []), chunk]);
  const self = new Map<string, number>();
  const ours = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  for (const profileChunks of byProfile.values()) {
    const nodes = new Map<number, ProfileNode>();
    const samples: number[] = [];
    const deltas: number[] = [];
    for (const chunk of profileChunks) {
      const data = chunk.args!.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
      for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      samples.push(...(data.cpuProfile?.samples ?? []));
      deltas.push(...(data.timeDeltas ?? []));
    }
    for (let i = 0; i < samples.length - 1; i++) {
      const ms = deltas[i + 1]! / 1000;
      const leaf = nodes.get(samples[i]!);
      if (!leaf) continue;
      const name = (node: ProfileNode) =>
        `${node.callFrame.functionName || '(anonymous)'} ${(node.callFrame.url ?? '').includes(ourScript) ? `ours:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}` : (node.callFrame.url ?? '').split('/').pop()}`;
      if (leaf.callFrame.functionName === '(idle)') continue;
      add(self, name(leaf), ms);
      // Our frames on the stack, each counted once per sample (inclusive).
      const seen = new Set<string>();
      for (let node: ProfileNode | undefined = leaf; node; node = node.parent !== undefined ? nodes.get(node.parent) : undefined) {
        if ((node.callFrame.url ?? '').includes(ourScript)) seen.add(name(node));
      }
      for (const key of seen) add(ours, key, ms);
    }
  }
  return { self, ours };
}

/** The mean per load of each key. */
function meanTable(runs: Map<string, number>[], count: number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const run of runs) for (const [key, ms] of run) sums.set(key, (sums.get(key) ?? 0) + ms);
  return new Map([...sums].map(([key, ms]) => [key, ms / count]));
}

function printDiff(title: string, ours: Map<string, number>, floor: Map<string, number>, limit: number) {
  const keys = new Set([...ours.keys(), ...floor.keys()]);
  const rows = [...keys].map((key) => ({ key, ours: ours.get(key) ?? 0, floor: floor.get(key) ?? 0 })).sort((a, b) => b.ours - b.floor - (a.ours - a.floor));
  const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${title}: ours ${total(ours).toFixed(2)} ms, floor ${total(floor).toFixed(2)} ms`);
  const shown = rows.length > limit ? [...rows.slice(0, limit - Math.floor(limit / 3)), ...rows.slice(-Math.floor(limit / 3))] : rows;
  for (const row of shown) console.log(`  ${(row.ours - row.floor).toFixed(2).padStart(7)}  ${row.ours.toFixed(2).padStart(7)} ${row.floor.toFixed(2).padStart(7)}  ${row.key}`);
}

async function main() {
  const loads = Number(process.argv[2] ?? 10);
  const productionDir = path.resolve(process.env.TRACE_BUILD ?? '.output/chrome-mv3');
  const site = await startInvoiceSite([
    { path: '/invoices/815', html: invoicePageHtml(), pdf: { path: '/invoices/815/pdf', bytes: testPdf('bench') } },
    { path: '/dashboard', html: otherPageHtml() },
  ]);
  // TRACE_PAGE=other: the app's page without a document (no button there).
  const other = process.env.TRACE_PAGE === 'other';
  const floorDir = writeFloorExtension();
  const withExtension = await launchChromium({ extensionDir: productionDir });
  const withFloor = await launchChromium({ extensionDir: floorDir });
  // TRACE_COMPARE=<folder>: another production build, traced alternately with the two others.
  const compareDir = process.env.TRACE_COMPARE;
  const withCompared = compareDir ? await launchChromium({ extensionDir: path.resolve(compareDir) }) : undefined;
  try {
    await registerForTestSite(withExtension.context);
    if (withCompared) await registerForTestSite(withCompared.context);
    const url = `${site.origin}${other ? '/dashboard' : '/invoices/815'}`;
    const kinds = [
      { context: withExtension.context, button: !other, timeline: [] as Map<string, number>[], self: [] as Map<string, number>[], ours: [] as Map<string, number>[] },
      { context: withFloor.context, button: false, timeline: [] as Map<string, number>[], self: [] as Map<string, number>[], ours: [] as Map<string, number>[] },
      ...(withCompared ? [{ context: withCompared.context, button: !other, timeline: [] as Map<string, number>[], self: [] as Map<string, number>[], ours: [] as Map<string, number>[] }] : []),
    ];
    for (const kind of kinds) await traceLoad(kind.context, url, kind.button);
    for (let load = 0; load < loads; load++) {
      for (const kind of kinds) {
        const events = await traceLoad(kind.context, url, kind.button);
        const { pid, tid } = pageMainThread(events, site.origin);
        kind.timeline.push(selfTimes(events, pid, tid));
        const profile = profileTimes(events, pid, 'content-scripts/invoice.js');
        kind.self.push(profile.self);
        kind.ours.push(profile.ours);
      }
      const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
      console.log(`load ${load + 1}: main thread (traced events) ours ${total(kinds[0]!.timeline.at(-1)!).toFixed(1)} ms, floor ${total(kinds[1]!.timeline.at(-1)!).toFixed(1)} ms`);
    }
    const [ours, floor, compared] = kinds as [(typeof kinds)[0], (typeof kinds)[0], (typeof kinds)[0] | undefined];
    if (compared) printDiff(`Main thread by event, this build against ${compareDir} (this − that, this, that)`, meanTable(ours.timeline, loads), meanTable(compared.timeline, loads), 30);
    printDiff('Main thread, own thread time by event (mean per load; ours − floor, ours, floor)', meanTable(ours.timeline, loads), meanTable(floor.timeline, loads), 40);
    printDiff('CPU profile samples, self by function', meanTable(ours.self, loads), meanTable(floor.self, loads), 40);
    printDiff('CPU profile samples, inclusive by our function', meanTable(ours.ours, loads), new Map(), 40);
  } finally {
    await withExtension.close();
    await withFloor.close();
    await withCompared?.close();
    await site.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
}

await main();
