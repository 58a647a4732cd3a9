/**
 * What the task pane and 台账助手.html show and do alike: the 校验日期, the status line, one action
 * at a time, the counts, 问题清单 with 读取情况, 待办, 制度落实, 生成报告 and 对应关系 with its lines to copy. Where the ledger comes from is the host's
 * business (Excel through the adapter, a chosen file in the page); the host hands the panel a
 * `LedgerSource` and adds its own buttons.
 */
import type { Finding } from '../../ledger/findings';
import { dueItems } from '../../ledger/due';
import type { Ledger, ValidationResult } from '../../ledger/model';
import type { LedgerMap } from '../../ledger/normalise/suggest';
import { renderAccount } from './accountView';
import type { MappedLedger } from './checkGrid';
import { byId, h } from './dom';
import { saveFile } from './download';
import { renderDue } from './dueView';
import type { MappingLine, SheetChoice } from './mapping';
import { keepCorrections, mappingChoices, mappingLines, mappingText, valueQuestions } from './mapping';
import { sameFindings } from './recheck';
import type { ReportFile } from './report';
import { docxType } from './report';
import type { ReportKind, SeverityFilter } from './viewModel';
import { defaultPeriod, localToday, reportPeriods } from './viewModel';
import { renderFindings, renderMapping, renderRules, renderSummary } from './views';

export interface Said {
  text: string;
  isError: boolean;
}

/**
 * What the panel shows of a check: the result without the ledger's records, which may stay where they
 * were read (the page keeps them in its worker, so a big ledger never crosses to the page's thread),
 * only with how each sheet's rows were read, and what `taizhang map` recognises in the same grids, for 对应关系.
 */
export type CheckedLedger = Omit<ValidationResult, 'ledger'> & { ledger: Pick<Ledger, 'account' | 'plan'>; map: LedgerMap };

type Progress = (text: string) => void;

/** No ledger sheet was recognised: the source's check gives the 对应关系 to set instead of a result. */
export class UnrecognisedLedger extends Error {
  constructor(readonly mapped: MappedLedger) {
    super(`“${mapped.workbook}”中没有认出任何台账工作表。`);
  }
}

/** Where the panel gets the ledger from; `R` is what its check gives back. */
export interface LedgerSource<R extends CheckedLedger = CheckedLedger> {
  /** The ledger as it is now, checked for `asOf`; `progress` tells the clerk how far a long check has got. */
  validate(asOf: string, progress: Progress): Promise<R>;
  /** The report for `period` on the ledger as it is now, checked for `asOf`, with that check's result. */
  report(kind: ReportKind, period: string, asOf: string, progress: Progress): Promise<{ result: R; file: ReportFile }>;
  /** Shows the finding's cell where the ledger is open; absent where it is not open beside the panel. */
  locate?(finding: Finding): Promise<Said>;
  /** The one line the clerk reads when something went wrong. */
  describeError(error: unknown): string;
}

export interface Valued extends HTMLElement {
  value: string;
  disabled: boolean;
}

/** A host's own button: enabled when the panel is idle, has a source and, if asked, a result or a 对应关系. */
export interface HostButton {
  element: Valued;
  needsResult: boolean;
  needsMapping?: boolean;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

export class Panel<R extends CheckedLedger = CheckedLedger> {
  private current: R | null = null;
  private filter: SeverityFilter = 'all';
  /** The one sheet whose findings 问题清单 shows, chosen from 读取情况; null for all. */
  private sheet: string | null = null;
  private busy = false;
  private readonly asOf = byId<HTMLInputElement>('as-of');
  private readonly status = byId('status');
  private readonly validateButton = byId<Valued>('validate');
  private readonly reportButton = byId<Valued>('generate-report');
  private readonly reportKind = byId<Valued>('report-kind');
  private readonly reportPeriod = byId<Valued>('report-period');
  private readonly linesBox = byId<HTMLTextAreaElement>('mapping-lines');
  private readonly copyButton = byId<Valued>('copy-mapping');
  private choices: SheetChoice[] = [];
  /** What 对应关系 shows: the result's, or a workbook's in which no ledger sheet was recognised. */
  private mappedLedger: MappedLedger | null = null;

  constructor(
    private source: LedgerSource<R> | null,
    private readonly hostButtons: readonly HostButton[] = [],
  ) {
    this.asOf.value = localToday();
    this.fillPeriods();
    this.validateButton.addEventListener('click', () => void this.validate());
    this.reportButton.addEventListener('click', () => void this.generateReport());
    this.reportKind.addEventListener('change', () => this.fillPeriods());
    byId('report-form').addEventListener('submit', (event) => event.preventDefault());
    this.copyButton.addEventListener('click', () => void this.copyLines());
    this.refreshButtons();
  }

  get result(): R | null {
    return this.current;
  }

  get mapped(): MappedLedger | null {
    return this.mappedLedger;
  }

  say(text: string, isError = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('is-error', isError);
  }

  private refreshButtons(): void {
    const idle = !this.busy && this.source !== null;
    this.validateButton.disabled = !idle;
    this.reportButton.disabled = !idle;
    this.copyButton.disabled = this.mappedLedger === null;
    for (const { element, needsResult, needsMapping } of this.hostButtons)
      element.disabled = !idle || (needsResult && this.current === null) || (needsMapping === true && this.mappedLedger === null);
  }

  /**
   * Runs one action: busy while it runs, its outcome or its error in the status line. `source` is the
   * one to act on; a host trying a new one (a newly chosen file) passes it, and it replaces the
   * current source only when the action succeeds, so a file that cannot be read changes nothing.
   * A workbook with no ledger sheet is read all right: the clerk is shown its 对应关系 to set.
   * True when the action ran and succeeded.
   */
  async act(
    working: string,
    action: (source: LedgerSource<R>) => Promise<string>,
    source: LedgerSource<R> | null = this.source,
  ): Promise<boolean> {
    if (this.busy || !source) return false;
    this.busy = true;
    this.refreshButtons();
    this.say(working);
    try {
      const outcome = await action(source);
      this.source = source;
      this.say(outcome);
      return true;
    } catch (error) {
      if (error instanceof UnrecognisedLedger) {
        this.source = source;
        this.showMappingOnly(error.mapped);
        // The host's hint under 对应关系 says what it does with the lines there (save them, or copy them).
        this.say(`${error.message}请在“对应关系”中为每张工作表选定它记的内容。${byId('mapping-hint').textContent ?? ''}`);
        return true;
      }
      this.say(source.describeError(error), true);
      return false;
    } finally {
      this.busy = false;
      this.refreshButtons();
    }
  }

  private asOfDate(): string {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(this.asOf.value)) this.asOf.value = localToday();
    return this.asOf.value;
  }

  private readonly progress: Progress = (text) => this.say(text);

  /**
   * The ledger checked again as it is now, for the date of the result shown, so a host writes from
   * what is in the workbook and not from a check made before the clerk's edits (recheck.ts). The new
   * result is shown; `changed` says whether its findings differ from the old one's.
   */
  async recheck(source: LedgerSource<R>, shown: R): Promise<{ result: R; changed: boolean }> {
    const result = await source.validate(shown.asOf, this.progress);
    this.show(result);
    return { result, changed: !sameFindings(shown.findings, result.findings) };
  }

  /** 一键校验 (or 重新校验 with a fresh source): reads, checks and shows the result. */
  validate(source: LedgerSource<R> | null = this.source): Promise<boolean> {
    return this.act(
      '正在读取并校验台账……',
      async (chosen) => {
        const started = performance.now();
        const result = await chosen.validate(this.asOfDate(), this.progress);
        this.show(result);
        const { error, warning, info } = result.summary;
        const notes = result.notes.map((note) => `注意：${note}`).join('');
        return `校验完成：错误 ${error} 项，警告 ${warning} 项，提示 ${info} 项（用时 ${seconds(performance.now() - started)}）。${notes}`;
      },
      source,
    );
  }

  private show(result: R): void {
    this.current = result;
    this.sheet = null;
    byId('ledger-name').textContent = `${result.unit || '未填写单位名称'} · ${result.year}年台账 · 截至 ${result.asOf}`;
    renderAccount(byId('account'), result.ledger.account, (sheet) => this.showSheet(sheet));
    this.renderResult();
    renderDue(byId('due'), dueItems(result, result.asOf));
    renderRules(byId('rules'), result.rules);
    this.showMapping(result);
  }

  /** A workbook with no ledger sheet: nothing was checked, so no counts, findings or statuses that could read as a pass. */
  private showMappingOnly(mapped: MappedLedger): void {
    this.current = null;
    byId('ledger-name').textContent = `${mapped.workbook} · 未认出台账工作表`;
    byId('summary').hidden = true;
    byId('account').hidden = true;
    const unchecked = h('p', { class: 'empty' }, '未校验：没有认出任何台账工作表。请先在“对应关系”中选定各工作表记的内容。');
    byId('findings').replaceChildren(unchecked);
    byId('due').replaceChildren(unchecked.cloneNode(true));
    byId('rules').replaceChildren(unchecked.cloneNode(true));
    this.showMapping(mapped);
    byId('tabs').setAttribute('activeid', 'tab-mapping');
  }

  private showMapping(mapped: MappedLedger): void {
    const choices = mappingChoices(mapped.map);
    // The clerk's corrections hold for the session on this workbook, not on another file the page opens.
    if (this.mappedLedger?.workbook === mapped.workbook) keepCorrections(this.choices, choices);
    this.mappedLedger = mapped;
    this.choices = choices;
    renderMapping(byId('mapping'), this.choices, valueQuestions(mapped.map), () => this.showLines());
    this.showLines();
    this.fillPeriods();
  }

  /** The 基本信息 lines the clerk's 对应关系 come to. */
  get mappingLines(): MappingLine[] {
    return this.mappedLedger ? mappingLines(this.mappedLedger.map, this.choices) : [];
  }

  private showLines(): void {
    const lines = this.mappingLines;
    this.linesBox.value = mappingText(lines);
    this.linesBox.rows = Math.min(Math.max(lines.length, 2), 8);
  }

  private async copyLines(): Promise<void> {
    const count = this.mappingLines.length;
    if (count === 0) {
      this.say('按现在的对应关系不需要映射行。');
      return;
    }
    try {
      await navigator.clipboard.writeText(this.linesBox.value);
      this.say(`已复制 ${count} 行映射。粘贴到“基本信息”的“项目”列，会分成项目、内容两列。`);
    } catch {
      // Office and some browsers refuse the clipboard to a page; the clerk copies the selection instead.
      this.linesBox.focus();
      this.linesBox.select();
      this.say('此处不允许直接写入剪贴板：映射行已选中，请按 Ctrl+C 复制。');
    }
  }

  private renderResult(): void {
    if (!this.current) return;
    renderSummary(byId('summary'), this.current.summary, this.filter, (filter) => {
      this.filter = filter;
      this.renderResult();
    });
    const locates = this.source?.locate !== undefined;
    const only = this.sheet === null ? null : { sheet: this.sheet, onClear: () => this.showSheet(null) };
    renderFindings(byId('findings'), this.current.findings, this.filter, (index) => void this.select(index), locates, only);
  }

  /** 问题清单 for one sheet (its rows 未能归类 are findings at those rows), or for all with null. */
  private showSheet(sheet: string | null): void {
    this.sheet = sheet;
    this.filter = 'all';
    this.renderResult();
    byId('tabs').setAttribute('activeid', 'tab-findings');
    if (sheet !== null) byId('findings').scrollIntoView({ block: 'start' });
  }

  private async select(index: number): Promise<void> {
    const finding = this.current?.findings[index];
    if (!finding || !this.source) return;
    for (const item of byId('findings').querySelectorAll('.finding')) {
      item.classList.toggle('is-selected', item.getAttribute('data-index') === String(index));
    }
    if (!this.source.locate) return;
    try {
      const said = await this.source.locate(finding);
      this.say(said.text, said.isError);
    } catch (error) {
      this.say(this.source.describeError(error), true);
    }
  }

  private fillPeriods(): void {
    const kind = (this.reportKind.value || 'quarterly') as ReportKind;
    const asOf = this.asOfDate();
    const year = this.current?.year ?? Number(asOf.slice(0, 4));
    const chosen = defaultPeriod(kind, year, asOf);
    this.reportPeriod.replaceChildren(
      ...reportPeriods(kind, year).map((p) => h('fluent-option', { value: p.code, selected: p.code === chosen }, p.label)),
    );
    this.reportPeriod.value = chosen;
  }

  private generateReport(): Promise<boolean> {
    return this.act('正在生成报告……', async (source) => {
      const asOf = this.asOfDate();
      const kind = (this.reportKind.value || 'quarterly') as ReportKind;
      const period = this.reportPeriod.value || defaultPeriod(kind, this.current?.year ?? Number(asOf.slice(0, 4)), asOf);
      const { result, file } = await source.report(kind, period, asOf, this.progress);
      this.show(result);
      saveFile(file.bytes, file.fileName, docxType);
      return `已生成“${file.fileName}”，请在下载提示中保存。${file.notice}`;
    });
  }
}
