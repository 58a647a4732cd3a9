/**
 * Decodes an XML part as its bytes are unzipped, chunk by chunk, so the part's bytes are never held
 * whole next to its text. XML parts are UTF-8 as a rule; UTF-16 is allowed by XML and is recognised by
 * its byte order mark.
 */
export class XmlDecoder {
  private decoder: TextDecoder | null = null;
  private readonly parts: string[] = [];

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.decoder === null) {
      const encoding = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
      this.decoder = new TextDecoder(encoding);
    }
    this.parts.push(this.decoder.decode(chunk, { stream: true }));
  }

  text(): string {
    if (this.decoder !== null) this.parts.push(this.decoder.decode());
    const text = this.parts.join('');
    this.parts.length = 0;
    return text;
  }
}
