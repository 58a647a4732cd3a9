/**
 * 台账助手.html: the shared panel on a ledger file the clerk chooses or drops, plus what only the page
 * does (重新校验 from disk, 下载校验结果, 下载标注副本, a check again whenever the 校验日期 changes).
 * Nothing leaves the browser; the reading, checking and the marked copy happen in the page's worker.
 */
import { byId, h } from '../pane/dom';
import { saveFile } from '../pane/download';
import type { Valued } from '../pane/panel';
import { Panel } from '../pane/panel';
import { ledgerExtensions } from '../../ledger/read/fileKinds';
import { hasOwnMarks } from './annotate/annotatedCopy';
import type { LedgerFile } from './ledgerFile';
import { ledgerFile } from './ledgerFile';
import type { FileHandle } from './pickFile';
import { canPickHandles, droppedFile, pickHandle } from './pickFile';
import { findingsWorkbook, xlsxType } from './xlsx/findingsWorkbook';

const stem = (name: string) => name.replace(/\.[^.]+$/u, '');
/**
 * The marked copy is the original package with parts added, macros and all: a macro-enabled ledger's copy
 * keeps .xlsm, as Excel refuses to open that package under the name .xlsx.
 */
const copyKind = (name: string) =>
  /\.xlsm$/iu.test(name)
    ? { extension: '.xlsm', type: 'application/vnd.ms-excel.sheet.macroEnabled.12' }
    : { extension: '.xlsx', type: xlsxType };

export class LedgerPage {
  private readonly panel: Panel;
  private file: LedgerFile | null = null;
  private handle: FileHandle | null = null;
  private readonly input = byId<HTMLInputElement>('file');
  private readonly progress = byId<HTMLProgressElement>('progress');
  /** 清除标注, shown only for a ledger that bears the marks of an earlier 标注副本. */
  private readonly clearMarks = h(
    'fluent-button',
    { id: 'clear-marks', hidden: true, title: '这是本页面生成的标注副本：下载去掉底色和批注、恢复原样的副本，原文件不变' },
    '清除标注',
  ) as Valued;
  private readonly asOf = byId<HTMLInputElement>('as-of');
  /** Work running in the worker for this page: a changed date waits for it. */
  private working = 0;
  private recheckTimer: ReturnType<typeof setTimeout> | undefined;
  /** The browser refused its file picker once: the plain file input from then on. */
  private pickerRefused = false;

  constructor() {
    const button = (id: string) => byId<Valued>(id);
    this.panel = new Panel(null, [
      { element: button('reload'), needsResult: false },
      { element: button('download-results'), needsResult: true },
      { element: button('download-marked'), needsResult: true },
      { element: this.clearMarks, needsResult: false },
    ]);
    button('download-marked').after(this.clearMarks);
    this.panel.say('选择或拖入台账文件后自动校验。');
    // The results markup is the pane's, which greets a clerk with Excel open; here the first step is the file.
    byId('findings').replaceChildren(h('p', { class: 'empty' }, '选择台账文件后，在这里按工作表列出每个问题及其单元格。'));
    byId('mapping-hint').textContent =
      '本页面不改动台账文件：请点“复制”，在 WPS 或 Excel 中打开台账，把这些行粘贴到“基本信息”工作表（没有就新建，两列：项目、内容），保存后点“重新校验”。';
    // Every format a ledger may be saved in can be chosen: a .xls is then told how to become a .xlsx.
    this.input.accept = ledgerExtensions.join(',');
    byId('choose').addEventListener('click', () => void this.choose());
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      this.input.value = '';
      if (file) void this.open(file, null);
    });
    button('reload').addEventListener('click', () => void this.reload());
    button('download-results').addEventListener('click', () => void this.downloadResults());
    button('download-marked').addEventListener('click', () => void this.downloadMarked());
    this.clearMarks.addEventListener('click', () => void this.downloadCleared());
    this.asOf.addEventListener('change', () => this.recheckSoon());
    this.acceptDrops(byId('drop'));
  }

  private acceptDrops(zone: HTMLElement): void {
    // The whole window takes the drop, so a file let go beside the box is not opened by the browser instead.
    window.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('is-over');
    });
    window.addEventListener('dragleave', () => zone.classList.remove('is-over'));
    window.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('is-over');
      if (!event.dataTransfer) return;
      void droppedFile(event.dataTransfer)
        .then((dropped) => dropped && this.open(dropped.file, dropped.handle))
        .catch(() => this.panel.say('无法读取拖入的文件：浏览器不允许读取它，或文件已被移动、删除。请点“选择台账文件……”重新选择。', true));
    });
  }

  /**
   * The browser's file picker where it has one, for a handle 重新校验 can read again; the plain file input
   * where it has none or refuses it (locked-down Chromium builds throw SecurityError or NotAllowedError).
   */
  private async choose(): Promise<void> {
    if (this.pickerRefused || !canPickHandles()) {
      this.input.click();
      return;
    }
    let handle: FileHandle | null;
    try {
      handle = await pickHandle();
    } catch {
      this.pickerRefused = true;
      this.panel.say(
        '这个浏览器不允许网页打开文件选择窗口，已改用普通方式选择文件。如果没有弹出选择窗口，请再点一次“选择台账文件……”，或把文件拖到这里。',
      );
      this.input.click();
      return;
    }
    // A handle that cannot be read is said; the picker used up the click, so the clerk chooses again.
    if (handle) await this.openHandle(handle, '所选文件');
  }

  /**
   * The file behind a handle as it is now, checked. False, said in the clerk's words, where it is gone
   * or refused: NotFoundError (moved, renamed, deleted), NotReadableError or NotAllowedError, whose own
   * messages are the browser's English.
   */
  private async openHandle(handle: FileHandle, what: string): Promise<boolean> {
    let file: File;
    try {
      file = await handle.getFile();
    } catch {
      this.handle = null;
      this.panel.say(`无法读取${what}：文件已被移动、改名或删除，或浏览器不再允许读取它。请重新选择文件。`, true);
      return false;
    }
    await this.open(file, handle);
    return true;
  }

  /** The bar runs while the worker reads, checks, writes a report or builds the marked copy. */
  private busy<T>(work: Promise<T>): Promise<T> {
    this.working += 1;
    this.progress.hidden = false;
    return work.finally(() => {
      this.working -= 1;
      this.progress.hidden = this.working === 0;
    });
  }

  /** Checks a newly chosen file; only when it can be read does it replace what is shown. */
  private async open(file: File, handle: FileHandle | null): Promise<void> {
    const candidate = ledgerFile(file);
    const withProgress: LedgerFile = {
      ...candidate,
      validate: (asOf, progress) => this.busy(candidate.validate(asOf, progress)),
      report: (kind, period, asOf, progress) => this.busy(candidate.report(kind, period, asOf, progress)),
      annotatedCopy: (findings, progress) => this.busy(candidate.annotatedCopy(findings, progress)),
    };
    if (!(await this.panel.validate(withProgress))) return;
    this.file = withProgress;
    this.handle = handle;
    this.clearMarks.hidden = !hasOwnMarks(await candidate.bytes());
    const name = byId('file-name');
    name.textContent = `当前文件：${file.name}`;
    name.classList.add('is-chosen');
  }

  /** 重新校验: the file as it is on disk now; without a handle, one click on the chooser. */
  private async reload(): Promise<void> {
    if (this.handle && (await this.openHandle(this.handle, `“${this.file?.name ?? ''}”`))) return;
    await this.choose();
  }

  /**
   * A changed 校验日期 is checked at once, so the findings shown and 生成报告 go by the same date. Typing
   * a date changes it key by key: the last change counts, and one made while the worker is busy waits.
   */
  private recheckSoon(): void {
    clearTimeout(this.recheckTimer);
    this.recheckTimer = setTimeout(() => {
      const asOf = this.asOf.value;
      if (!this.file || !/^\d{4}-\d{2}-\d{2}$/u.test(asOf) || this.panel.result?.asOf === asOf) return;
      if (this.working > 0) this.recheckSoon();
      else void this.panel.validate();
    }, 400);
  }

  private downloadResults(): Promise<boolean> {
    return this.panel.act('正在生成校验结果表……', async () => {
      const result = this.panel.result;
      if (!result || !this.file) return '请先校验。';
      const name = `${stem(this.file.name)}-校验结果.xlsx`;
      saveFile(findingsWorkbook(result.findings), name, xlsxType);
      return `已生成“${name}”（${result.findings.length} 项问题），请在下载提示中保存。`;
    });
  }

  private downloadMarked(): Promise<boolean> {
    return this.panel.act('正在生成标注副本……', async () => {
      const result = this.panel.result;
      if (!result || !this.file) return '请先校验。';
      const copy = await this.file.annotatedCopy(result.findings, (text) => this.panel.say(text));
      const kind = copyKind(this.file.name);
      const name = `${stem(this.file.name).replace(/-标注副本$/u, '')}-标注副本${kind.extension}`;
      saveFile(copy.bytes, name, kind.type);
      const replaced = copy.cleared > 0 ? `原有的 ${copy.cleared} 处标注已换成这次的结果；` : '';
      return `已生成“${name}”：${replaced}${copy.marked} 个单元格加了底色和批注，原文件未改动。请在下载提示中保存。`;
    });
  }

  private downloadCleared(): Promise<boolean> {
    return this.panel.act('正在清除标注……', async () => {
      if (!this.file) return '请先选择文件。';
      const copy = await this.file.clearedCopy((text) => this.panel.say(text));
      const kind = copyKind(this.file.name);
      const name = `${stem(this.file.name).replace(/-标注副本$/u, '')}-已清除标注${kind.extension}`;
      saveFile(copy.bytes, name, kind.type);
      return `已生成“${name}”：${copy.cleared} 个单元格去掉了标注的底色和批注，恢复原样，原文件未改动。请在下载提示中保存。`;
    });
  }
}
