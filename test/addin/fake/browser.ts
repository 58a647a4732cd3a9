/**
 * The fake host as the browser test injects it into the pane: it takes the workbook the test put in
 * `taizhangFakeState` and offers itself where the adapter looks for a host outside Office.
 */
import { FakeExcelHost } from './fakeExcel';
import type { FakeWorkbookState } from './state';

declare global {
  var taizhangFakeState: FakeWorkbookState;
  var taizhangFake: FakeExcelHost;
}

const fake = new FakeExcelHost(globalThis.taizhangFakeState);
globalThis.taizhangFake = fake;
globalThis.taizhangInjectedExcel = { run: fake.run, features: fake.features };
