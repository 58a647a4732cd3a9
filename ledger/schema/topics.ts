import type { RecordSheetKey } from './sheets';

/**
 * The words by which a sheet name or a category cell shows its topic (spec section 1), in the words
 * real registers use (real-ledgers.md). Longer words come first where one contains another, so the
 * reason given for a match is the most telling word.
 */
export const topicWords: Readonly<Record<RecordSheetKey, readonly string[]>> = {
  organization: ['组织架构', '组织机构', '责任分工', '机构名单'],
  research: ['专题研究', '研究意识形态', '会议记录', '党组会议', '党组会'],
  analysis: ['分析研判', '研判', '形势分析', '分析'],
  notification: ['情况通报', '通报'],
  inspection: ['检查抽查', '督查', '检查', '抽查'],
  branchReport: ['专题汇报', '汇报'],
  training: ['学习培训', '中心组学习', '理论学习', '中心组', '宣讲', '培训', '学习'],
  lecture: ['讲座论坛', '报告会', '讲座', '论坛', '研讨会'],
  opinion: ['网络舆情', '舆情'],
  review: ['述职评议', '民主生活会', '组织生活会', '述职', '考核', '评议'],
  accountability: ['问责追究', '问责'],
};

/** Words a register's name carries besides its topic (`4.网络舆情处置台账`): dropped before matching. */
export const registerWords = ['台账', '登记表', '登记簿', '记录表', '记录本', '情况表', '一览表', '统计表', '明细表', '明细', '审批表'];

/** Headers of the column that splits a combined register into topics. */
export const categoryHeaders = ['工作类别', '类别', '工作事项类型', '事项类别', '工作类型', '工作分类', '类型类别', '分类'];

/**
 * Words of a sheet that is no register (real-ledgers.md: an archive's 目录/卷内目录 and 封面, a 填表说明,
 * a responsibility list, a plan): read as nothing, never as a topic, unless its name also says 台账 or 记录.
 */
export const notRegisterWords = ['目录', '封面', '说明', '须知', '清单', '计划', '方案', '要点'];
