import { damaged } from './problems';

/**
 * An XML part's text, decoded in one call. XML parts are UTF-8 as a rule; UTF-16 is allowed by XML and
 * is recognised by its byte order mark. A part that declares any other encoding (a GBK part written by
 * some tool) or whose bytes are not valid in their encoding is refused: reading it as UTF-8 would turn
 * its Chinese into other characters without a word.
 */
const declaration = /^(?:\u00EF\u00BB\u00BF)?<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/u;
const readable = new Set(['utf8', 'usascii', 'ascii']);

/**
 * What decoding needs from the platform: UTF-8 bytes as the text a fatal TextDecoder makes of them (one
 * leading byte order mark dropped), or null when they are not valid UTF-8. Node checks and converts
 * bytes natively many times faster than TextDecoder, so its entry (workbookFile.ts) brings its own.
 */
export type Utf8Decoder = (bytes: Uint8Array) => string | null;

const replacing = new TextDecoder('utf-8');

/**
 * The browser's decoder. The replacing TextDecoder is faster than the fatal one, and text without a
 * U+FFFD had nothing replaced; one U+FFFD, invalid bytes or a real U+FFFD, leaves it to the fatal one.
 */
export const portableUtf8: Utf8Decoder = (bytes) => {
  const text = replacing.decode(bytes);
  if (text.indexOf('\uFFFD') < 0) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

function byteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-8' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export function decodeXml(bytes: Uint8Array, file: string, label: string, utf8: Utf8Decoder = portableUtf8): string {
  const encoding = byteOrder(bytes);
  let text: string | null = null;
  if (encoding === 'utf-8') {
    // The declaration is ASCII in every encoding a UTF-8 reader could mistake for its own.
    const head = String.fromCharCode(...bytes.subarray(0, 200));
    const declared = declaration.exec(head)?.[1];
    if (declared !== undefined && !readable.has(declared.toLowerCase().replace(/[-_]/gu, ''))) {
      throw damaged(file, `${label}使用 ${declared} 编码，只支持 UTF-8 和 UTF-16`);
    }
    text = utf8(bytes);
  } else {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // Refused below.
    }
  }
  if (text === null) throw damaged(file, `${label}含有不符合 ${encoding.toUpperCase()} 编码的字节`);
  return text;
}
