/**
 * The pane's behaviour: each button reads or writes the open workbook through the adapter and runs
 * the core on what it read. One action at a time; the buttons wait while one runs.
 */
import type { LedgerHost } from '../excel/adapter';
import { describeHostError } from '../excel/adapter';
import type { ValidationResult } from '../../ledger/model';
import { validateGrid } from '../../ledger/validate';
import { byId, h } from './dom';
import { saveFile } from './download';
import { buildReport, docxType } from './report';
import type { ReportKind, SeverityFilter } from './viewModel';
import { defaultPeriod, localToday, reportPeriods } from './viewModel';
import { renderFindings, renderRules, renderSummary } from './views';

interface Valued extends HTMLElement {
  value: string;
  disabled: boolean;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

export class Pane {
  private result: ValidationResult | null = null;
  private filter: SeverityFilter = 'all';
  private busy = false;
  private readonly asOf = byId<HTMLInputElement>('as-of');
  private readonly status = byId('status');
  private readonly buttons = {
    validate: byId<Valued>('validate'),
    mark: byId<Valued>('mark'),
    clear: byId<Valued>('clear-marks'),
    write: byId<Valued>('write-results'),
    report: byId<Valued>('generate-report'),
  };
  private readonly reportKind = byId<Valued>('report-kind');
  private readonly reportPeriod = byId<Valued>('report-period');

  constructor(private readonly host: LedgerHost | null) {
    this.asOf.value = localToday();
    this.fillPeriods();
    this.buttons.validate.addEventListener('click', () => void this.validate());
    this.buttons.mark.addEventListener('click', () => void this.mark());
    this.buttons.clear.addEventListener('click', () => void this.clearMarks());
    this.buttons.write.addEventListener('click', () => void this.writeResults());
    this.buttons.report.addEventListener('click', () => void this.generateReport());
    this.reportKind.addEventListener('change', () => this.fillPeriods());
    byId('report-form').addEventListener('submit', (event) => event.preventDefault());
    if (host) this.say('已连接 Excel。确认校验日期后点击“一键校验”。');
    else this.say('未连接到 Excel：请在 Excel 的“开始”选项卡中点击“台账校验”打开本窗格。', true);
    this.refreshButtons();
  }

  private say(text: string, isError = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('is-error', isError);
  }

  private refreshButtons(): void {
    const idle = !this.busy && this.host !== null;
    this.buttons.validate.disabled = !idle;
    this.buttons.clear.disabled = !idle;
    this.buttons.report.disabled = !idle;
    this.buttons.mark.disabled = !idle || this.result === null;
    this.buttons.write.disabled = !idle || this.result === null;
  }

  /** Runs one action: busy while it runs, its outcome or its error in the status line. */
  private async act(working: string, action: (host: LedgerHost) => Promise<string>): Promise<void> {
    if (this.busy || !this.host) return;
    this.busy = true;
    this.refreshButtons();
    this.say(working);
    try {
      this.say(await action(this.host));
    } catch (error) {
      this.say(describeHostError(error), true);
    } finally {
      this.busy = false;
      this.refreshButtons();
    }
  }

  private asOfDate(): string {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(this.asOf.value)) this.asOf.value = localToday();
    return this.asOf.value;
  }

  private async readAndValidate(host: LedgerHost): Promise<ValidationResult> {
    return validateGrid(await host.readWorkbook(), { asOf: this.asOfDate() });
  }

  private validate(): Promise<void> {
    return this.act('正在读取并校验台账……', async (host) => {
      const started = performance.now();
      const result = await this.readAndValidate(host);
      this.show(result);
      const { error, warning, info } = result.summary;
      return `校验完成：错误 ${error} 项，警告 ${warning} 项，提示 ${info} 项（用时 ${seconds(performance.now() - started)}）。`;
    });
  }

  private show(result: ValidationResult): void {
    this.result = result;
    byId('ledger-name').textContent = `${result.unit || '未填写单位名称'} · ${result.year}年台账 · 截至 ${result.asOf}`;
    this.renderResult();
    renderRules(byId('rules'), result.rules);
    this.fillPeriods();
  }

  private renderResult(): void {
    if (!this.result) return;
    renderSummary(byId('summary'), this.result.summary, this.filter, (filter) => {
      this.filter = filter;
      this.renderResult();
    });
    renderFindings(byId('findings'), this.result.findings, this.filter, (index) => void this.select(index));
  }

  private async select(index: number): Promise<void> {
    const finding = this.result?.findings[index];
    if (!finding || !this.host) return;
    for (const item of byId('findings').querySelectorAll('.finding')) {
      item.classList.toggle('is-selected', item.getAttribute('data-index') === String(index));
    }
    try {
      const found = await this.host.selectCell(finding.sheet, finding.cell);
      this.say(found ? `已定位到“${finding.sheet}”${finding.cell}。` : `工作簿中没有工作表“${finding.sheet}”。`, !found);
    } catch (error) {
      this.say(describeHostError(error), true);
    }
  }

  private mark(): Promise<void> {
    return this.act('正在标注问题单元格……', async (host) => {
      if (!this.result) return '请先校验。';
      const { marked, skipped, fillOnly } = await host.applyMarks(this.result.findings);
      const parts = [`已标注 ${marked} 个单元格（底色${host.features.notes ? '和注释' : ''}）。`];
      if (fillOnly > 0) parts.push(`其中 ${fillOnly} 个单元格已有批注，Excel 不允许再加注释，只加了底色。`);
      if (skipped > 0) parts.push(`${skipped} 项问题所在的工作表不存在，未标注。`);
      if (!host.features.notes)
        parts.push(
          '此 Excel 或加载项所用的 office.js 不支持注释（需 ExcelApi 1.18 和微软 CDN 上的 office.js），问题说明请看问题清单或校验结果表。',
        );
      return parts.join('');
    });
  }

  private clearMarks(): Promise<void> {
    return this.act('正在清除标注……', async (host) => {
      const { restored, leftAlone, notesLeft } = await host.clearMarks();
      if (restored === 0 && leftAlone === 0 && notesLeft.length === 0) return '当前工作簿中没有台账校验的标注。';
      const done = restored > 0 ? `已清除 ${restored} 个单元格的标注，恢复了原有底色和注释。` : '';
      const moved = leftAlone > 0 ? `另有 ${leftAlone} 个单元格的标注底色和注释在标注后已被改过，保留了现在的样子。` : '';
      const shown = notesLeft.slice(0, 5).join('、') + (notesLeft.length > 5 ? ` 等 ${notesLeft.length} 处` : '');
      const left =
        notesLeft.length > 0
          ? `${shown}的标注注释在此无法去掉（此 Excel 或所用 office.js 不支持注释），请在支持注释的 Excel（Microsoft 365 或网页版，加载项使用微软 CDN 上的 office.js）中打开本工作簿再点一次“清除标注”。`
          : '';
      return done + moved + left;
    });
  }

  private writeResults(): Promise<void> {
    return this.act('正在写入“校验结果”工作表……', async (host) => {
      if (!this.result) return '请先校验。';
      await host.writeResultSheet(this.result);
      return `已写入“校验结果”工作表：${this.result.findings.length} 项问题，点击“单元格”列可跳转。`;
    });
  }

  private fillPeriods(): void {
    const kind = (this.reportKind.value || 'quarterly') as ReportKind;
    const asOf = this.asOfDate();
    const year = this.result?.year ?? Number(asOf.slice(0, 4));
    const chosen = defaultPeriod(kind, year, asOf);
    this.reportPeriod.replaceChildren(
      ...reportPeriods(kind, year).map((p) => h('fluent-option', { value: p.code, selected: p.code === chosen }, p.label)),
    );
    this.reportPeriod.value = chosen;
  }

  private generateReport(): Promise<void> {
    return this.act('正在生成报告……', async (host) => {
      const result = await this.readAndValidate(host);
      this.show(result);
      const kind = (this.reportKind.value || 'quarterly') as ReportKind;
      const period = this.reportPeriod.value || defaultPeriod(kind, result.year, result.asOf);
      const report = await buildReport(kind, result, period);
      saveFile(report.bytes, report.fileName, docxType);
      return `已生成“${report.fileName}”，请在下载提示中保存。`;
    });
  }
}
