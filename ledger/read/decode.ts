import { damaged } from './problems';

/**
 * An XML part's text, decoded in one call. XML parts are UTF-8 as a rule; UTF-16 is allowed by XML and
 * is recognised by its byte order mark. A part that declares any other encoding (a GBK part written by
 * some tool) or whose bytes are not valid in their encoding is refused: reading it as UTF-8 would turn
 * its Chinese into other characters without a word.
 */
const declaration = /^(?:\u00EF\u00BB\u00BF)?<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/u;
const readable = new Set(['utf8', 'usascii', 'ascii']);

function byteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-8' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export function decodeXml(bytes: Uint8Array, file: string, label: string): string {
  const encoding = byteOrder(bytes);
  if (encoding === 'utf-8') {
    // The declaration is ASCII in every encoding a UTF-8 reader could mistake for its own.
    const head = String.fromCharCode(...bytes.subarray(0, 200));
    const declared = declaration.exec(head)?.[1];
    if (declared !== undefined && !readable.has(declared.toLowerCase().replace(/[-_]/gu, ''))) {
      throw damaged(file, `${label}使用 ${declared} 编码，只支持 UTF-8 和 UTF-16`);
    }
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw damaged(file, `${label}含有不符合 ${encoding.toUpperCase()} 编码的字节`);
  }
}
