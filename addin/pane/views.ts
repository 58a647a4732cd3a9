/** The pane's result views: counts, findings by sheet, the plan's requirements and 对应关系. */
import { severityLabel } from '../../ledger/findings';
import type { Finding, Severity, Summary } from '../../ledger/findings';
import type { RuleStatus } from '../../ledger/model';
import { h } from './dom';
import type { SheetChoice } from './mapping';
import { chooseTopic, fieldNames, noMatch, topicOptions } from './mapping';
import type { SeverityFilter } from './viewModel';
import { groupFindings, ruleRows } from './viewModel';

const severities: Severity[] = ['error', 'warning', 'info'];

export function renderSummary(
  container: HTMLElement,
  summary: Summary,
  filter: SeverityFilter,
  onFilter: (f: SeverityFilter) => void,
): void {
  const total = summary.error + summary.warning + summary.info;
  const tile = (value: SeverityFilter, label: string, count: number) => {
    const button = h(
      'button',
      { type: 'button', class: `tile ${value}`, 'aria-pressed': String(filter === value), 'data-filter': value },
      h('span', { class: 'count' }, String(count)),
      h('span', { class: 'label' }, label),
    );
    button.addEventListener('click', () => onFilter(filter === value && value !== 'all' ? 'all' : value));
    return button;
  };
  // A tile chosen by keyboard is replaced by its new self: focus stays on it, not back at the top of the page.
  const focused = container.contains(document.activeElement) ? document.activeElement?.getAttribute('data-filter') : null;
  container.replaceChildren(tile('all', '全部', total), ...severities.map((s) => tile(s, severityLabel[s], summary[s])));
  container.hidden = false;
  if (focused) container.querySelector<HTMLElement>(`[data-filter="${focused}"]`)?.focus();
}

function findingButton(finding: Finding, index: number, onSelect: (index: number) => void, locates: boolean): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'finding', 'data-index': String(index), title: locates ? `转到 ${finding.sheet}!${finding.cell}` : undefined },
    h(
      'span',
      { class: 'head' },
      h('span', { class: `pill ${finding.severity}` }, severityLabel[finding.severity]),
      h('span', { class: 'cell' }, finding.cell),
      h('span', { class: 'rule' }, finding.rule),
    ),
    h('span', { class: 'message' }, finding.message),
  );
  button.addEventListener('click', () => onSelect(index));
  return button;
}

function showAllButton(onClear: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'show-all' }, '显示全部');
  button.addEventListener('click', onClear);
  return button;
}

export function renderFindings(
  container: HTMLElement,
  findings: readonly Finding[],
  filter: SeverityFilter,
  onSelect: (index: number) => void,
  /** A click shows the cell in the workbook (the pane), rather than only marking the item (the page). */
  locates = true,
  /** One sheet's findings only (chosen from 读取情况), with the way back to all of them. */
  only: { sheet: string; onClear: () => void } | null = null,
): void {
  const groups = groupFindings(findings, filter, only?.sheet ?? null);
  const scope = only && h('p', { class: 'only-sheet' }, h('span', {}, `只看工作表“${only.sheet}”的问题`), showAllButton(only.onClear));
  if (groups.length === 0) {
    const text = only
      ? `工作表“${only.sheet}”没有${filter === 'all' ? '' : `“${severityLabel[filter]}”级别的`}问题。`
      : findings.length === 0
        ? '未发现问题。台账符合实施方案的各项要求。'
        : `没有“${severityLabel[filter as Severity]}”级别的问题。`;
    container.replaceChildren(...(scope ? [scope] : []), h('p', { class: 'empty' }, text));
    return;
  }
  container.replaceChildren(
    ...(scope ? [scope] : []),
    ...groups.map((group) =>
      h(
        'details',
        { class: 'group', open: true },
        h('summary', {}, h('span', {}, group.sheet), h('span', { class: 'n' }, `${group.items.length} 项`)),
        ...group.items.map(({ finding, index }) => findingButton(finding, index, onSelect, locates)),
      ),
    ),
  );
}

export function renderRules(container: HTMLElement, rules: readonly RuleStatus[]): void {
  container.replaceChildren(
    ...ruleRows(rules).map((row) =>
      h(
        'details',
        { class: 'rule-row', open: row.status !== '达标' && row.periods.length > 0, 'data-rule': row.id },
        h(
          'summary',
          {},
          h('span', { class: 'id' }, row.id),
          h('span', { class: 'title' }, row.title),
          h('span', { class: 'status-cell' }, h('span', { class: `pill s-${row.status}` }, row.status)),
          h('span', { class: 'done' }, `完成 ${row.count}`),
        ),
        row.periods.length > 0 &&
          h(
            'ul',
            { class: 'periods' },
            ...row.periods.map((p) =>
              h(
                'li',
                {},
                h('span', { class: 'what' }, p.label),
                h('span', {}, p.count),
                h('span', { class: `pill s-${p.status}` }, p.status),
                p.due !== null && h('span', { class: 'due' }, p.due),
              ),
            ),
          ),
      ),
    ),
  );
}

function choiceSelect(label: string, options: readonly string[], chosen: string, onChange: (value: string) => void): HTMLSelectElement {
  const select = h(
    'select',
    { class: 'map-select', 'aria-label': label },
    ...options.map((o) => h('option', { value: o, selected: o === chosen }, o)),
  );
  select.value = chosen;
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

function renderColumns(list: HTMLElement, sheet: SheetChoice, onChange: () => void): void {
  const fields = [...fieldNames(sheet.chosen), noMatch];
  list.replaceChildren(
    ...sheet.columns.map((column) =>
      h(
        'li',
        { class: 'map-column', title: column.why },
        h('span', { class: 'header' }, column.header),
        choiceSelect(`“${column.header}”列对应的字段`, fields, column.chosen, (value) => {
          column.chosen = value;
          onChange();
        }),
        column.ask !== null && h('p', { class: 'map-ask' }, column.ask),
      ),
    ),
  );
}

/** 对应关系: each sheet (or unplaced category) with its topic, and each of its columns with its field, as lists to change. */
export function renderMapping(
  container: HTMLElement,
  sheets: readonly SheetChoice[],
  /** Questions about values (请核对…), which no list here can answer: the clerk corrects the cell or writes 值映射. */
  asked: readonly string[],
  onChange: () => void,
): void {
  if (sheets.length === 0) {
    container.replaceChildren(h('p', { class: 'empty' }, '工作簿中没有可对应的工作表。'));
    return;
  }
  const questions = asked.length > 0 && h('ul', { class: 'map-questions' }, ...asked.map((q) => h('li', { class: 'map-ask' }, q)));
  container.replaceChildren(
    ...sheets.map((sheet) => {
      const columns = h('ul', { class: 'map-columns' });
      const name = sheet.category === null ? sheet.sheet : `${sheet.sheet} · 类别“${sheet.category}”`;
      const topic = sheet.fixed
        ? h('span', { class: 'map-fixed' }, `${sheet.chosen}（按类别列）`)
        : choiceSelect(`“${name}”对应的台账内容`, topicOptions(sheet), sheet.chosen, (value) => {
            chooseTopic(sheet, value);
            renderColumns(columns, sheet, onChange);
            onChange();
          });
      renderColumns(columns, sheet, onChange);
      return h(
        'section',
        { class: 'map-sheet', 'data-sheet': sheet.sheet },
        h('div', { class: 'map-head' }, h('span', { class: 'name' }, name), topic),
        h('p', { class: 'map-why' }, sheet.why),
        sheet.ask !== null && h('p', { class: 'map-ask' }, sheet.ask),
        columns,
      );
    }),
    ...(questions ? [questions] : []),
  );
}
