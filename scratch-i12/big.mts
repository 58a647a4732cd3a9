import { writeBenchLedger } from '/work/wt-i12/bench/ledger';
await writeBenchLedger(process.argv[2], Number(process.argv[3]));
