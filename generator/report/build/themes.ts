import type { Ledger } from '../../../ledger/model';
import type { RecordSheetKey } from '../../../ledger/schema/sheets';
import { ruleInfo } from '../../../ledger/check/ruleTable';

/** The themes 存在的问题 is written under; each requirement's facts belong to one. */
export type Theme = '责任落实' | '阵地管理' | '舆情处置' | '问题整改';
export const themes: readonly Theme[] = ['责任落实', '阵地管理', '舆情处置', '问题整改'];

/**
 * A requirement's theme is that of the sheet it judges, so a bureau's own requirement gets one as the
 * built-ins do: a monthly 中心组学习 on 学习培训 is 阵地管理 like R12.
 */
const themeBySheet: Record<RecordSheetKey | 'settings', Theme> = {
  settings: '责任落实',
  organization: '责任落实',
  research: '责任落实',
  analysis: '责任落实',
  notification: '责任落实',
  branchReport: '责任落实',
  review: '责任落实',
  accountability: '责任落实',
  training: '阵地管理',
  lecture: '阵地管理',
  opinion: '舆情处置',
  inspection: '问题整改',
};

/** The theme of the work a sheet records. */
export const themeOfSheet = (sheet: RecordSheetKey | 'settings'): Theme => themeBySheet[sheet];

/**
 * The theme a requirement's shortfall is told under, in the reports and the county's roll-up alike:
 * by the ledger's plan where there is one ledger, by the rule table's sheet for a built-in across the county.
 */
export function themeOfRule(id: string, ledger?: Pick<Ledger, 'plan'>): Theme {
  const sheet = ruleInfo(id, ledger?.plan).judged?.sheet;
  return sheet === undefined ? '责任落实' : themeBySheet[sheet];
}
