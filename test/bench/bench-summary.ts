/**
 * The one machine-readable line `npm run bench` ends with: `bench-summary: {json}`, holding every
 * headline figure of issue 18 (each a ratio measured in the same run, or null when its part did not
 * run), the aims they are held against, the machine, and the raw numbers behind each figure.
 */
import os from 'node:os';

export interface BenchFigures {
  /** Relay delivery msg/s / plain pooled nodemailer's msg/s (same bytes, sink and connections). */
  deliveryRatio: number | null;
  /** Accepted sends/s (a 100 KB PDF each, 50 concurrent, durable) / nodemailer's delivery msg/s. */
  acceptRatio: number | null;
  /** Peak RSS above resting / a 20 MB attachment, on SQLite. */
  memoryRatioSqlite: number | null;
  /** The same on PostgreSQL. */
  memoryRatioPostgres: number | null;
  /** One relay's delivery throughput on PostgreSQL / on SQLite. */
  pgOverSqlite: number | null;
  /** Two relay instances / one on PostgreSQL, with a sink that takes 50 ms per message. */
  pgTwoOverOne: number | null;
  /** What the in-page script adds to a page's main thread over the floor (test/bench/content-script-cost.ts). */
  pageAddedOverFloorMs: number | null;
}

export const AIMS: Record<Exclude<keyof BenchFigures, 'pageAddedOverFloorMs'>, string> = {
  deliveryRatio: '>= 0.95',
  acceptRatio: '>= 1.0',
  memoryRatioSqlite: '<= 2.0',
  memoryRatioPostgres: '<= 2.0',
  pgOverSqlite: '>= 0.9',
  pgTwoOverOne: '>= 1.8',
};

export class BenchSummary {
  readonly figures: BenchFigures = {
    deliveryRatio: null,
    acceptRatio: null,
    memoryRatioSqlite: null,
    memoryRatioPostgres: null,
    pgOverSqlite: null,
    pgTwoOverOne: null,
    pageAddedOverFloorMs: null,
  };
  private readonly raw: Record<string, unknown> = {};

  /** Sets figures and keeps the raw numbers of the part that measured them under `part`. */
  record(part: string, figures: Partial<BenchFigures>, raw: unknown): void {
    Object.assign(this.figures, figures);
    this.raw[part] = raw;
  }

  line(): string {
    const cpus = os.cpus();
    const machine = { cpus: cpus.length, cpuModel: cpus[0]?.model ?? null, memoryBytes: os.totalmem(), node: process.version, platform: `${os.platform()} ${os.release()}` };
    const rounded = Object.fromEntries(Object.entries(this.figures).map(([k, v]) => [k, v === null ? null : Number(v.toFixed(3))]));
    return `bench-summary: ${JSON.stringify({ ...rounded, aims: AIMS, machine, at: new Date().toISOString(), raw: this.raw })}`;
  }
}
