import fc from 'fast-check';
import * as z from 'zod';
import type * as zm from 'zod/mini';
import { safeParse, type $ZodObject } from 'zod/v4/core';
import { describe, expect, it } from 'vitest';
import { fieldsOf, type FieldInfo } from '../../ledger/schema/fields';
import { recordSheetKeys, recordSheets } from '../../ledger/schema/sheets';
import { settings } from '../../ledger/schema/settings';
import { recordVerdict } from '../../ledger/schema/verdict';

/** Values a field's converter hands over, sound and not, near the edges the schema's checks draw. */
function valueFor(field: FieldInfo): fc.Arbitrary<unknown> {
  const near: Record<FieldInfo['kind'], fc.Arbitrary<unknown>> = {
    text: fc.oneof(fc.string(), fc.constant('')),
    unit: fc.oneof(fc.string(), fc.constant('')),
    date: fc.constantFrom('2026-03-05', '2026-3-5', '2026-03-05T08:00:00', '20260305', ' 2026-03-05'),
    datetime: fc.constantFrom('2026-03-05T14:30:00', '2026-03-05', '2026-03-05 14:30:00', '2026-03-05T14:30'),
    period: fc.constantFrom('2026Q1', '2026Q4', '2026H1', '2026H2', '2026Q5', '2026H3', 'Q1', '2026q1'),
    int: fc.oneof(
      fc.integer({ min: (field.min ?? 0) - 2, max: (field.max ?? 10) + 2 }),
      fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -0),
    ),
    enum: fc.oneof(fc.constantFrom(...(field.values ?? ['x'])), fc.string()),
    yesno: fc.oneof(fc.boolean(), fc.constantFrom('是', 1)),
    list: fc.oneof(
      fc.array(fc.oneof(fc.constantFrom(...(field.values ?? ['听取汇报'])), fc.string()), { maxLength: 4 }),
      fc.constantFrom(['听取汇报', ''], [], '听取汇报'),
    ),
  };
  const stray = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: near[field.kind], weight: 6 },
    { arbitrary: stray, weight: 1 },
  );
}

function recordsOf(schema: zm.ZodMiniObject): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldsOf(schema);
  return fc.tuple(...fields.map(valueFor)).map((values) => {
    const record: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      if (values[i] !== undefined) record[f.name] = values[i];
    });
    return record;
  });
}

describe('recordVerdict', () => {
  it.each(recordSheetKeys)('says of a %s record exactly what zod says', (key) => {
    const schema: zm.ZodMiniObject = recordSheets[key].schema;
    const sound = recordVerdict(schema);
    fc.assert(
      fc.property(recordsOf(schema), (record) => {
        expect(sound(record)).toBe(schema.safeParse(record).success);
      }),
      { numRuns: 400 },
    );
  });

  it('says yes to sound records of every sheet, the case it exists for', () => {
    const records = {
      analysis: { 分析日期: '2026-04-02', 分析类型: '季度分析', 所属期间: '2026Q1', 主要情况: '总体平稳' },
      notification: { 通报日期: '2026-07-10', 通报类型: '半年通报', 所属期间: '2026H1', 通报范围: '全局', 通报内容: '情况' },
      inspection: {
        检查日期: '2026-05-06',
        检查类型: '定期检查',
        被检查单位: '办公室',
        检查方式: ['听取汇报', '走访'],
        上报党组日期: '2026-05-08',
      },
    };
    for (const [key, record] of Object.entries(records)) {
      const schema: zm.ZodMiniObject = recordSheets[key as keyof typeof records].schema;
      expect(schema.safeParse(record).success).toBe(true);
      expect(recordVerdict(schema)(record)).toBe(true);
    }
    // A conditional requirement the fields alone do not show: 季度分析 without its quarter.
    const analysis = recordSheets.analysis.schema;
    expect(recordVerdict(analysis)({ ...records.analysis, 所属期间: '2026H1' })).toBe(false);
  });

  it('leaves to zod what it cannot read from the definition: other checks, defaults, unregistered refinements', () => {
    const schemas: Array<[$ZodObject, fc.Arbitrary<Record<string, unknown>>]> = [
      [
        z.object({ mail: z.string().email(), short: z.string().max(3).optional() }),
        fc.record({ mail: fc.oneof(fc.emailAddress(), fc.string()), short: fc.string({ maxLength: 5 }) }, { requiredKeys: [] }),
      ],
      [
        z.object({ n: z.number().multipleOf(5) }).refine((r) => r.n !== 10),
        fc.record({ n: fc.integer({ min: 0, max: 30 }) }, { requiredKeys: [] }),
      ],
      [settings, recordsOf(settings)],
    ];
    for (const [schema, records] of schemas) {
      const sound = recordVerdict(schema);
      fc.assert(
        fc.property(records, (record) => {
          expect(sound(record)).toBe(safeParse(schema, record).success);
        }),
        { numRuns: 300 },
      );
    }
  });
});
