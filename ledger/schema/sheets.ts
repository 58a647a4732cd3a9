import * as z from 'zod/mini';
import { withConditions } from './conditions';
import { date, datetime, int, oneOf, openListOf, period, text, unit, yesno } from './fields';

/** Unit types of 组织架构; 股室/站所 are inspected (R06), 党总支/党支部 report (R09, R10). */
export const unitTypes = ['股室', '站所', '党总支', '党支部'] as const;
export type UnitType = (typeof unitTypes)[number];

export const organization = z.object({
  单位名称: text({ syn: ['股室站所', '部门', '支部名称', '股室', '单位'] }),
  单位类型: oneOf(unitTypes),
  负责人: z.optional(text()),
  意识形态责任人: text({ syn: ['责任人'] }),
  分管领导: text({ syn: ['分管局领导'] }),
  备注: z.optional(text()),
});

export const research = z.object({
  会议日期: date({ syn: ['日期', '会议时间', '研究日期', '开会时间', '时间'] }),
  会议名称: text({ syn: ['会议', '会议主题', '工作事项'] }),
  主持人: text({ syn: ['会议主持人'] }),
  研究内容: text({ syn: ['研究议题', '议题', '会议议题', '会议内容', '主要内容'] }),
  形成决议: z.optional(text({ syn: ['研究结论', '形成意见', '决定事项', '会议决定', '决议'] })),
  记录人: z.optional(text()),
  佐证材料: z.optional(text({ syn: ['附件', '备注'] })),
});

export const analysis = withConditions(
  z.object({
    分析日期: date({ syn: ['日期', '研判时间', '分析时间', '会议时间', '时间'] }),
    分析类型: oneOf(['季度分析', '综合分析', '专项研判'], { syn: ['类型', '研判类型'] }),
    所属期间: z.optional(period()),
    主要情况: text({ syn: ['研判内容', '主要内容', '总体情况', '基本情况'] }),
    倾向性问题: z.optional(text({ syn: ['突出问题', '存在问题'] })),
    应对措施: z.optional(text({ syn: ['工作措施', '下步措施', '对策措施'] })),
    参加人员: z.optional(text({ syn: ['参会人员'] })),
  }),
  (r, ctx) => {
    if (r.分析类型 === '季度分析' && r.所属期间 !== undefined && !/Q[1-4]$/u.test(r.所属期间)) {
      ctx.addIssue({
        code: 'custom',
        path: ['所属期间'],
        params: { rule: 'D03', expected: ['第一季度', '第二季度', '第三季度', '第四季度'] },
      });
    }
    if (r.分析类型 === '季度分析' && r.所属期间 === undefined) {
      ctx.addIssue({ code: 'custom', path: ['所属期间'], params: { rule: 'D01', when: '分析类型为“季度分析”时' } });
    }
  },
);

export const notification = withConditions(
  z.object({
    通报日期: date({ syn: ['日期', '通报时间', '下发时间', '时间'] }),
    通报类型: oneOf(['半年通报', '年度通报', '专项通报'], { syn: ['类型'] }),
    所属期间: z.optional(period()),
    通报范围: text({ syn: ['范围'] }),
    文号: z.optional(text()),
    通报内容: text({ syn: ['主要内容', '内容摘要'] }),
  }),
  (r, ctx) => {
    if (r.通报类型 !== '半年通报') return;
    if (r.所属期间 === undefined) {
      ctx.addIssue({ code: 'custom', path: ['所属期间'], params: { rule: 'D01', when: '通报类型为“半年通报”时' } });
    } else if (!/H/u.test(r.所属期间)) {
      ctx.addIssue({ code: 'custom', path: ['所属期间'], params: { rule: 'D03', expected: ['上半年', '下半年'] } });
    }
  },
);

/** The plan's list ends in 等: other methods are accepted as written. */
export const inspectionMethods = ['听取汇报', '查阅资料', '实地检查', '座谈会'] as const;
const inspectionMethodAliases = {
  现场查看: '实地检查',
  现场检查: '实地检查',
  座谈交流: '座谈会',
  现场座谈: '座谈会',
  座谈: '座谈会',
} as const;

export const inspection = withConditions(
  z.object({
    检查日期: date({ syn: ['日期', '检查时间', '督查时间', '时间'] }),
    检查类型: oneOf(['定期检查', '不定期抽查'], { syn: ['类型', '检查形式'], aliases: { 抽查: '不定期抽查', 不定期检查: '不定期抽查' } }),
    被检查单位: unit({ syn: ['被检查股室', '被督查单位', '检查对象'] }),
    检查方式: openListOf(inspectionMethods, { aliases: inspectionMethodAliases }),
    检查人: z.optional(text({ syn: ['检查人员', '检查组成员', '督查人员'] })),
    发现问题: z.optional(text({ syn: ['存在问题'] })),
    整改要求: z.optional(text({ syn: ['整改意见'] })),
    整改情况: z.optional(oneOf(['已整改', '整改中', '未整改', '无需整改'], { syn: ['整改落实情况'] })),
    整改期限: z.optional(date({ syn: ['整改时限'] })),
    上报党组日期: date({ syn: ['结果上报日期', '上报日期', '上报时间'] }),
  }),
  (r, ctx) => {
    if (r.发现问题 !== undefined && r.整改情况 === undefined) {
      ctx.addIssue({ code: 'custom', path: ['整改情况'], params: { rule: 'D01', when: '已填写“发现问题”时' } });
    }
  },
);

export const branchReport = z.object({
  汇报单位: unit(),
  汇报日期: date({ syn: ['日期', '汇报时间'] }),
  所属半年: period({ of: 'half', syn: ['所属期间'] }),
  汇报形式: oneOf(['综合性工作总结', '专题性情况汇报'], { aliases: { 综合: '综合性工作总结', 专题: '专题性情况汇报' } }),
  汇报内容: text({ syn: ['主要内容'] }),
  听取人: z.optional(text()),
});

export const training = z.object({
  日期: date({ syn: ['学习日期', '培训日期', '学习时间', '培训时间', '活动时间', '时间'] }),
  类型: oneOf(['中心组专题学习', '主题宣讲', '教育培训'], { syn: ['学习类型', '学习形式'] }),
  主题: text({ syn: ['学习主题', '内容', '学习内容', '培训内容', '宣讲主题', '工作事项'] }),
  主讲人: z.optional(text({ syn: ['领学人', '授课人', '宣讲人'] })),
  参加人数: z.optional(int({ min: 1, max: 100000 })),
  意识形态安全专题: z.optional(yesno()),
  参加对象: z.optional(text({ syn: ['参加人员', '参会人员', '参学人员'] })),
});

export const lecture = z.object({
  活动名称: text({ syn: ['讲座名称', '报告会名称', '论坛名称', '活动主题', '工作事项'] }),
  活动类型: oneOf(['讲座', '报告', '论坛', '报告会', '研讨会'], { syn: ['类型'] }),
  主讲人: text({ syn: ['报告人'] }),
  主办单位: z.optional(text({ syn: ['主办部门', '承办单位'] })),
  登记日期: date({ syn: ['申报日期', '申请日期', '登记时间'] }),
  审批日期: date({ syn: ['审批时间'] }),
  审批结果: oneOf(['同意', '不同意'], { syn: ['审批意见'] }),
  审批人: z.optional(text()),
  活动日期: date({ syn: ['活动时间', '举办时间', '举办日期'] }),
});

export const opinion = z.object({
  事件名称: text({ syn: ['舆情事件', '事件', '舆情标题', '标题', '舆情名称'] }),
  是否重大: yesno({ syn: ['舆情性质', '性质', '舆情等级'], aliases: { 重大: '是', 较大: '是', 一般: '否' } }),
  发现时间: datetime(),
  研判时间: z.optional(datetime()),
  报送时间: z.optional(datetime({ syn: ['上报时间'] })),
  处置时间: z.optional(datetime()),
  处置措施: z.optional(text()),
  处置结果: z.optional(text({ syn: ['处置情况'] })),
  责任人: z.optional(text()),
});

export const review = z.object({
  日期: date({ syn: ['时间', '会议时间'] }),
  类型: oneOf(['民主生活会', '组织生活会', '述职报告', '干部考核'], { syn: ['会议类型'] }),
  对象: text({ syn: ['单位或个人', '单位'] }),
  含意识形态内容: yesno({ syn: ['是否含意识形态内容', '含意识形态工作内容'] }),
  评议结果: z.optional(text({ syn: ['评议情况'] })),
});

export const accountability = z.object({
  日期: date(),
  被问责对象: text({ syn: ['责任人'] }),
  所在单位: z.optional(text()),
  问责事由: text(),
  处理方式: text(),
  依据: z.optional(text()),
});

/** The record sheets of spec section 2, in the order a template lays them out. */
export const recordSheets = {
  organization: { title: '组织架构', schema: organization },
  research: { title: '专题研究', schema: research },
  analysis: { title: '分析研判', schema: analysis },
  notification: { title: '情况通报', schema: notification },
  inspection: { title: '检查抽查', schema: inspection },
  branchReport: { title: '专题汇报', schema: branchReport },
  training: { title: '学习培训', schema: training },
  lecture: { title: '讲座论坛', schema: lecture },
  opinion: { title: '舆情处置', schema: opinion },
  review: { title: '述职评议', schema: review },
  accountability: { title: '问责追究', schema: accountability },
} as const;

export type RecordSheetKey = keyof typeof recordSheets;
export const recordSheetKeys = Object.keys(recordSheets) as RecordSheetKey[];

export type RecordOf<K extends RecordSheetKey> = z.output<(typeof recordSheets)[K]['schema']>;
export type FieldOf<K extends RecordSheetKey> = keyof RecordOf<K> & string;

export type Organization = RecordOf<'organization'>;
export type Research = RecordOf<'research'>;
export type Analysis = RecordOf<'analysis'>;
export type Notification = RecordOf<'notification'>;
export type Inspection = RecordOf<'inspection'>;
export type BranchReport = RecordOf<'branchReport'>;
export type Training = RecordOf<'training'>;
export type Lecture = RecordOf<'lecture'>;
export type Opinion = RecordOf<'opinion'>;
export type Review = RecordOf<'review'>;
export type Accountability = RecordOf<'accountability'>;
