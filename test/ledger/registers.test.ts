import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { RequirementStatus, ValidationResult } from '../../ledger/model';
import { readWorkbookFile } from '../../ledger/read/workbookFile';
import type { RecordSheetKey } from '../../ledger/schema/sheets';
import { validateGrid } from '../../ledger/validate';
import { pasted, pasteReadyLines, worsened } from '../helpers/pasteMap';

/**
 * Issue 19 §6: registers in layouts and wordings the tool was not tuned to, drawn at random from a seed by
 * test/fixtures/make_registers.py out of real-ledgers.md's vocabulary, each with its truth beside it (what the
 * generator placed, not what taizhang said). For every seed: at least nine in ten present records reach the
 * counts (in their topic, at their sheet and row, with the type they were written as), every status is one the
 * truth allows (无法判断 only where the layout cannot tell), no requirement is reported short that the ledger
 * fulfils, and no record comes from a row that holds none (合计, pre-numbered blanks, 封面, 目录 …).
 */
const dir = 'test/fixtures/registers';
const seeds = [
  'r101-openpyxl',
  'r104-openpyxl',
  'r105-libreoffice',
  'r108-libreoffice',
  'r112-wps',
  'r115-openpyxl',
  'r116-libreoffice',
  'r117-openpyxl',
  'r119-wps',
  'r124-openpyxl',
  'r126-wps',
  'r127-libreoffice',
  'r129-openpyxl',
  'r130-wps',
  'r136-openpyxl',
  'r142-libreoffice',
  'r153-openpyxl',
  'r156-wps',
  'r164-openpyxl',
  'r186-libreoffice',
  'r203-openpyxl',
  'r208-libreoffice',
  'r211-wps',
  'r217-openpyxl',
  'r222-libreoffice',
  'r235-wps',
  'r241-openpyxl',
  'r246-wps',
  'r252-libreoffice',
  'r258-openpyxl',
  'r263-wps',
  'r269-libreoffice',
  // Drawn at random by the issue-19 audit (make_registers.py says so): the generator was not tuned to them.
  'r305-libreoffice',
  'r393-libreoffice',
  'r553-libreoffice',
  'r589-openpyxl',
  'r659-libreoffice',
  'r694-wps',
  'r837-openpyxl',
  'r878-libreoffice',
  // Controls: a drawn year in the contract's own layout, so a failure above is the core's miss, not the truth's.
  'r901-openpyxl',
  'r902-wps',
  'r903-openpyxl',
  'r904-openpyxl',
  'r926-libreoffice',
  'r930-wps',
  'r953-openpyxl',
];

/**
 * Seeds that fail today, with the class of what the core misses: the issue's open work. Remove a seed once
 * it passes (its `it.fails` then fails, saying so).
 */
const knownFailing: Record<string, string> = {};

interface TruthRecord {
  sheet: string;
  row: number;
  type?: string;
  /** The type is told by a type column, the sheet's name or a category word (not only by the record's words). */
  typeShown?: boolean;
  category?: string;
}

interface Truth {
  file: string;
  producer: string;
  asOf: string;
  layout: string;
  features: string[];
  records: Partial<Record<RecordSheetKey, TruthRecord[]>>;
  /** Rows that are no record (合计, pre-numbered blanks, other work); `row` null: the whole sheet (封面, 目录 …). */
  notRecords: Array<{ sheet: string; row: number | null; what: string }>;
  rules: Record<string, { status: RequirementStatus; allowed: RequirementStatus[]; cannotTell?: string }>;
}

/** The field a record's type is read into, where the topic has one that decides what it counts toward. */
const typeField: Partial<Record<RecordSheetKey, string>> = {
  analysis: '分析类型',
  notification: '通报类型',
  inspection: '检查类型',
  training: '类型',
  review: '类型',
};

interface Verdict {
  name: string;
  layout: string;
  total: number;
  reached: number;
  /** Records that did not reach the counts, and why. */
  missed: string[];
  wrongStatuses: string[];
  /** Records read from a row or sheet that holds none. */
  phantoms: string[];
  /** Error or warning findings of a requirement the truth says is not short. */
  falseAlarms: string[];
  refused?: string;
}

const truthOf = (name: string): Truth => JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8')) as Truth;

function missedRecords(truth: Truth, result: ValidationResult): string[] {
  const missed: string[] = [];
  for (const [topic, expected] of Object.entries(truth.records) as Array<[RecordSheetKey, TruthRecord[]]>) {
    const read = result.ledger.records[topic] as Array<{ sheet: string; row: number; data: Record<string, unknown> }>;
    for (const want of expected) {
      const where = `${topic} ${want.sheet}!${want.row}`;
      const got = read.find((r) => r.sheet === want.sheet && r.row === want.row);
      const field = typeField[topic];
      if (!got) missed.push(`${where} 未计入`);
      else if (want.typeShown && field && got.data[field] !== want.type)
        missed.push(`${where} ${field}“${String(got.data[field] ?? '空')}”≠“${want.type}”`);
    }
  }
  return missed;
}

/** The seed's workbook judged against its truth; `path` a copy of it (one with map's lines pasted). */
async function judge(name: string, path?: string): Promise<Verdict & { result?: ValidationResult }> {
  const truth = truthOf(name);
  const total = Object.values(truth.records).reduce((n, rows) => n + rows.length, 0);
  const base = { name, layout: truth.layout, total };
  let result: ValidationResult;
  try {
    result = validateGrid(await readWorkbookFile(path ?? `${dir}/${truth.file}`), { asOf: truth.asOf });
  } catch (e) {
    const refused = (e as Error).message;
    return { ...base, reached: 0, missed: [`拒绝读取：${refused}`], wrongStatuses: [], phantoms: [], falseAlarms: [], refused };
  }
  const missed = missedRecords(truth, result);
  const wrongStatuses = Object.entries(truth.rules).flatMap(([id, want]) => {
    const got = result.rules.find((r) => r.id === id)?.status;
    return got && want.allowed.includes(got) ? [] : [`${id} ${got ?? '无'}（应为${want.allowed.join('/')}）`];
  });
  // A warning that a requirement cannot be judged is no alarm where the truth says the layout cannot tell.
  const cannotTell = (id: string) =>
    truth.rules[id].allowed.includes('无法判断') && result.rules.find((r) => r.id === id)?.status === '无法判断';
  const falseAlarms = result.findings
    .filter((f) => truth.rules[f.rule] && !truth.rules[f.rule].allowed.includes('未达标') && f.severity !== 'info')
    .filter((f) => !(f.severity === 'warning' && cannotTell(f.rule)))
    .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  const phantoms = Object.entries(result.ledger.records).flatMap(([topic, records]) =>
    (records as Array<{ sheet: string; row: number }>)
      .filter((r) => truth.notRecords.some((n) => n.sheet === r.sheet && (n.row === null || n.row === r.row)))
      .map((r) => `${topic} ${r.sheet}!${r.row}`),
  );
  return { ...base, reached: total - missed.length, missed, wrongStatuses, phantoms, falseAlarms, result };
}

/** Every record read, as `topic sheet!row`. */
const readRecords = (result: ValidationResult) =>
  new Set(
    Object.entries(result.ledger.records).flatMap(([topic, records]) =>
      (records as Array<{ sheet: string; row: number }>).map((r) => `${topic} ${r.sheet}!${r.row}`),
    ),
  );

/** What keeps a seed from passing: empty lists when it passes (nine in ten records is the issue's tolerance). */
const shortfalls = (v: Verdict) => ({
  records: v.reached < 0.9 * v.total ? v.missed : [],
  statuses: v.wrongStatuses,
  phantoms: v.phantoms,
  falseAlarms: v.falseAlarms,
});
const passes = (v: Verdict) => Object.values(shortfalls(v)).every((list) => list.length === 0);

const verdicts = new Map<string, Verdict>();

describe('registers of layouts and wordings the tool has not seen (issue 19 §6)', () => {
  it('the set holds at least 12 workbooks by openpyxl, LibreOffice and in WPS’s shape, each with its truth', () => {
    const producers = new Set(seeds.map((s) => truthOf(s).producer));
    expect(seeds.length).toBeGreaterThanOrEqual(12);
    expect([...producers].sort()).toEqual(['libreoffice', 'openpyxl', 'wps']);
    for (const s of seeds) expect(Object.keys(truthOf(s).rules)).toHaveLength(19);
  });

  for (const name of seeds) {
    const known = knownFailing[name];
    const test = known ? it.fails : it;
    test(`${name}: every present record counted, every status right or 无法判断 where the truth allows${known ? `（今日未通过：${known}）` : ''}`, async () => {
      const verdict = await judge(name);
      verdicts.set(name, verdict);
      expect(shortfalls(verdict)).toEqual({ records: [], statuses: [], phantoms: [], falseAlarms: [] });
    });
  }

  it('over the whole set, and on every seed, at least nine in ten present records reach the counts without a mapping', async () => {
    const all = await Promise.all(seeds.map(async (name) => verdicts.get(name) ?? judge(name)));
    const total = all.reduce((n, v) => n + v.total, 0);
    const reached = all.reduce((n, v) => n + v.reached, 0);
    expect(total).toBeGreaterThan(0);
    expect(reached / total).toBeGreaterThanOrEqual(0.9);
    // A seed that fails today is excused its records only for the reason knownFailing gives.
    const short = all.filter((v) => v.reached < 0.9 * v.total && !knownFailing[v.name]).map((v) => `${v.name} ${v.reached}/${v.total}`);
    expect(short).toEqual([]);
  });

  afterAll(() => {
    const lines = [...verdicts.values()].map((v) => {
      const cells = [
        v.name,
        v.layout,
        `${v.reached}/${v.total}`,
        v.wrongStatuses.join('；') || '—',
        v.falseAlarms.length ? `${v.falseAlarms.length}: ${v.falseAlarms.slice(0, 4).join('；')}` : '—',
        v.phantoms.join('；') || '—',
        passes(v) ? '通过' : '未通过',
      ];
      const detail = v.missed.length ? `\n    未计入/类型不符：${v.missed.slice(0, 6).join('；')}${v.missed.length > 6 ? '…' : ''}` : '';
      return `| ${cells.join(' | ')} |${detail}`;
    });
    console.log(
      ['| seed | layout | records reached | statuses not allowed | false alarms | records from no-record rows | today |', ...lines].join(
        '\n',
      ),
    );
  });
});

/**
 * Issue 19 §5 over the whole set: a clerk who pastes every paste-ready line of `map` (not its questions)
 * into 基本信息 — made anew with 项目 and 内容 where the workbook has none, as the page tells — is never worse
 * off by the truth: no record read before is lost, none comes from a row or topic that holds none, no status
 * leaves what the truth allows, no new alarm the truth contradicts, no new error.
 */
describe('map’s paste-ready lines pasted into 基本信息 of each seed', () => {
  for (const name of seeds) {
    it(`${name}: nothing lost, no phantom record, no new 未达标/未开展 or error the truth contradicts`, async () => {
      const truth = truthOf(name);
      const path = `${dir}/${truth.file}`;
      const before = await judge(name);
      const lines = await pasteReadyLines(path, Number(truth.asOf.slice(0, 4)));
      const after = await judge(name, await pasted(path, lines));
      expect(after.refused).toBeUndefined();
      if (!before.result || !after.result) return;
      const had = readRecords(before.result);
      const has = readRecords(after.result);
      const truthRows = new Set(Object.entries(truth.records).flatMap(([topic, rows]) => rows.map((r) => `${topic} ${r.sheet}!${r.row}`)));
      // 组织架构 is no topic of the truth: its rows are the bureau's units, read before as after.
      const holds = new Set(Object.entries(truth.records).flatMap(([topic, rows]) => (rows.length > 0 ? [topic] : [])));
      if (before.result.ledger.records.organization.length > 0) holds.add('organization');
      const newer = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
      expect({
        lost: [...had].filter((r) => !has.has(r)),
        phantoms: [...new Set([...newer(after.phantoms, before.phantoms), ...[...has].filter((r) => !had.has(r) && !truthRows.has(r))])],
        statuses: newer(after.wrongStatuses, before.wrongStatuses),
        falseAlarms: newer(after.falseAlarms, before.falseAlarms),
        worse: worsened(before.result, after.result, holds),
      }).toEqual({ lost: [], phantoms: [], statuses: [], falseAlarms: [], worse: [] });
    });
  }
});
