import '../../ledger/schema/noEval';
import { registerFluent } from '../pane/fluent';
import { LedgerPage } from './page';

registerFluent();
new LedgerPage();
