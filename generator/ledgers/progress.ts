/**
 * `已校验 12/50 本台账` on the terminal while many ledgers are read; nothing when stderr is a file or a
 * pipe, so logs and scripts get only the results.
 */
export class Progress {
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly verb: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  private get active(): boolean {
    return this.stream.isTTY === true && this.total > 1;
  }

  update(done: number): void {
    if (!this.active) return;
    this.stream.write(`\r\x1b[K${this.verb} ${done}/${this.total} 本台账`);
    this.shown = true;
  }

  /** Takes the line away before other output is written, so results never share a line with it. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
