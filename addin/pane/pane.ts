/**
 * The Excel task pane: the shared panel reading the open workbook through the adapter, plus what only
 * Excel can do (标注, 清除标注, 写入校验结果表, 保存对应关系). Each button syncs a fixed number of times.
 */
import type { LedgerHost } from '../excel/adapter';
import { ReportRefusal } from '../../generator/report/readiness';
import { describeHostError } from '../excel/adapter';
import { featureNotice } from '../excel/capabilities';
import { checkGrid, type CheckedGrid } from './checkGrid';
import { byId } from './dom';
import type { LedgerSource, Valued } from './panel';
import { Panel, UnrecognisedLedger } from './panel';
import { changedNotice } from './recheck';
import { buildReport } from './report';

/** The open workbook as the panel's source. */
function excelSource(host: LedgerHost): LedgerSource<CheckedGrid> {
  const validate = async (asOf: string): Promise<CheckedGrid> => {
    const check = checkGrid(await host.readWorkbook(), asOf);
    if (check.kind === 'unrecognised') throw new UnrecognisedLedger(check.mapped);
    return check.result;
  };
  return {
    validate,
    report: async (kind, period, asOf) => {
      const result = await validate(asOf);
      return { result, file: await buildReport(kind, result, period) };
    },
    locate: async (finding) => {
      const found = await host.selectCell(finding.sheet, finding.cell);
      return {
        text: found ? `已定位到“${finding.sheet}”${finding.cell}。` : `工作簿中没有工作表“${finding.sheet}”。`,
        isError: !found,
      };
    },
    // A refused report says why in the clerk's words; the rest is the adapter's to word.
    describeError: (error) => (error instanceof ReportRefusal ? error.message : describeHostError(error)),
  };
}

export class Pane {
  private readonly panel: Panel<CheckedGrid>;

  constructor(host: LedgerHost | null) {
    const buttons = {
      mark: byId<Valued>('mark'),
      clear: byId<Valued>('clear-marks'),
      write: byId<Valued>('write-results'),
      saveMapping: byId<Valued>('save-mapping'),
    };
    this.panel = new Panel(host && excelSource(host), [
      { element: buttons.mark, needsResult: true },
      { element: buttons.clear, needsResult: false },
      { element: buttons.write, needsResult: true },
      { element: buttons.saveMapping, needsResult: false, needsMapping: true },
    ]);
    if (host) {
      buttons.mark.addEventListener('click', () => void this.mark(host));
      buttons.clear.addEventListener('click', () => void this.clearMarks(host));
      buttons.write.addEventListener('click', () => void this.writeResults(host));
      this.offerSaving(host, buttons.saveMapping);
      this.panel.say(`已连接 Excel。确认校验日期后点击“一键校验”。${featureNotice(host.features)}`);
    } else this.panel.say('未连接到 Excel：请在 Excel 的“开始”选项卡中点击“台账校验”打开本窗格。', true);
  }

  /** 保存对应关系 asks first: the clerk sees what goes into 基本信息 and confirms it. */
  private offerSaving(host: LedgerHost, save: Valued): void {
    const confirm = byId('mapping-confirm');
    const yes = byId<Valued>('mapping-confirm-yes');
    byId('mapping-save').hidden = false;
    byId('mapping-hint').textContent =
      '改好后点击“保存对应关系”，映射行写入“基本信息”工作表（不改动其他单元格），再点“一键校验”按新的对应关系校验。';
    save.addEventListener('click', () => {
      const lines = this.panel.mappingLines;
      if (lines.length === 0) {
        this.panel.say('按现在的对应关系不需要映射行，无需保存。');
        return;
      }
      byId('mapping-confirm-text').textContent =
        `将在“基本信息”工作表中写入${lines.map((l) => `“${l.key}”`).join('')}：已有的行只改“内容”列，没有的行加在末尾；` +
        '工作簿中没有“基本信息”时新建该表，并列出单位名称等必填项。其他单元格不会改动。确认保存吗？';
      confirm.hidden = false;
      yes.focus();
    });
    yes.addEventListener('click', () => {
      confirm.hidden = true;
      void this.saveMappings(host);
    });
    byId('mapping-confirm-no').addEventListener('click', () => {
      confirm.hidden = true;
      save.focus();
    });
  }

  private saveMappings(host: LedgerHost): Promise<boolean> {
    return this.panel.act('正在保存对应关系……', async () => {
      const mapped = this.panel.mapped;
      if (!mapped) return '请先校验。';
      const { created, replaced, added } = await host.saveMappings(this.panel.mappingLines, {
        单位名称: mapped.unit,
        台账年度: mapped.year,
      });
      const again = '点击“一键校验”按新的对应关系重新校验。';
      return created
        ? `已新建“基本信息”工作表，写入 ${added} 行映射；请补填其中的党组书记、分管领导、责任部室。${again}`
        : `已在“基本信息”中改了 ${replaced} 行、新增 ${added} 行映射。${again}`;
    });
  }

  /**
   * The findings to write from: those of a check of the workbook as it is now, never the last shown
   * one's, whose cells the clerk may have moved since by inserting or deleting rows; and the opening
   * of the status line, which says so when they differ.
   */
  private async current(source: LedgerSource<CheckedGrid>): Promise<{ result: CheckedGrid; notice: string } | null> {
    const shown = this.panel.result;
    if (!shown) return null;
    const { result, changed } = await this.panel.recheck(source, shown);
    return { result, notice: changed ? changedNotice(result.summary) : '' };
  }

  private mark(host: LedgerHost): Promise<boolean> {
    return this.panel.act('正在重新读取工作簿并标注问题单元格……', async (source) => {
      const now = await this.current(source);
      if (!now) return '请先校验。';
      const { marked, skipped, fillOnly } = await host.applyMarks(now.result.findings);
      const parts = [now.notice, `已标注 ${marked} 个单元格（底色${host.features.notes ? '和注释' : ''}）。`];
      if (fillOnly > 0) parts.push(`其中 ${fillOnly} 个单元格已有批注，Excel 不允许再加注释，只加了底色。`);
      if (skipped > 0) parts.push(`${skipped} 项问题所在的工作表不存在，未标注。`);
      if (!host.features.notes)
        parts.push(
          '此 Excel 或加载项所用的 office.js 不支持注释（需 ExcelApi 1.18 和微软 CDN 上的 office.js），问题说明请看问题清单或校验结果表。',
        );
      return parts.join('');
    });
  }

  private clearMarks(host: LedgerHost): Promise<boolean> {
    return this.panel.act('正在清除标注……', async () => {
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

  private writeResults(host: LedgerHost): Promise<boolean> {
    return this.panel.act('正在重新读取工作簿并写入“校验结果”工作表……', async (source) => {
      const now = await this.current(source);
      if (!now) return '请先校验。';
      await host.writeResultSheet(now.result);
      return `${now.notice}已写入“校验结果”工作表：${now.result.findings.length} 项问题，点击“单元格”列可跳转。`;
    });
  }
}
