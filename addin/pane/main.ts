import '../../ledger/schema/noEval';
import { connectToExcel } from '../excel/adapter';
import { registerFluent } from './fluent';
import { Pane } from './pane';

declare global {
  /** Set once the pane is drawn: until then addin/boot/boot.js takes an error of the bundle for a webview too old. */
  var taizhangPaneStarted: boolean | undefined;
}

registerFluent();
// No top-level await: the webviews of older Mac Excel (Safari 13, 14) lack it (vite.config.ts).
void connectToExcel().then((host) => {
  new Pane(host);
  globalThis.taizhangPaneStarted = true;
});
