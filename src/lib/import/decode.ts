// Bytes of a user file → text: byte-order marks, strict UTF-8, then GBK (what Excel in China saves as CSV).

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

export interface DecodedText {
  /** The text without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
  /** True when the bytes stop inside a multi-byte character: the file was cut off. */
  truncated: boolean;
}

/** What a non-text file looks like, from its first bytes; each gets its own message. */
export type BinaryKind = 'zip' | 'ole' | 'pdf' | 'image' | 'shapefile' | 'binary';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * Recognises files that are not text at all (a workbook, a zipped shapefile, a picture), so the user
 * hears "this is an Excel workbook" rather than a JSON syntax error at line 1.
 * @returns the kind, or null when the bytes may be text
 */
export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  // .xlsx / .docx / .kmz / zipped shapefiles are all zip archives.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'zip';
  // Compound File Binary: the legacy .xls workbook.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38])
  )
    return 'image';
  // ESRI shapefile main file: big-endian file code 9994.
  if (startsWith(bytes, [0x00, 0x00, 0x27, 0x0a])) return 'shapefile';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return null;
  const head = bytes.subarray(0, 4096);
  if (utf16Guess(head)) return null;
  return head.includes(0) ? 'binary' : null;
}

/** UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every other byte. */
function utf16Guess(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero === 0) return 'utf-16be';
  return null;
}

/**
 * Decodes a user file. Order: a byte-order mark (UTF-8, UTF-16LE/BE) wins; then strict UTF-8; a file that
 * is valid UTF-8 except for a cut-off last character is UTF-8 and flagged `truncated`; anything else is
 * read as GBK (WHATWG's "gbk" decoder, which browsers and Node share), the code page Excel uses for
 * "CSV (逗号分隔)" on Chinese Windows. Valid UTF-8 is almost never valid GBK prose and vice versa, so
 * the order matters little for real files.
 * @param bytes the whole file
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const r = decodeUtf8(bytes.subarray(3));
    return { ...r, encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const guess = utf16Guess(bytes.subarray(0, 4096));
  if (guess) return decodeUtf16(bytes, guess);
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      truncated: false,
    };
  } catch {
    // Not UTF-8 everywhere; maybe only its last character was cut off.
  }
  const streaming = new TextDecoder('utf-8', { fatal: true });
  try {
    // In streaming mode an incomplete final sequence is held back instead of being an error.
    const text = streaming.decode(bytes, { stream: true });
    return { text: `${text}\uFFFD`, encoding: 'utf-8', truncated: true };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk', truncated: false };
  }
}

function decodeUtf8(bytes: Uint8Array): Omit<DecodedText, 'encoding'> {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), truncated: false };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    let truncated = false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
      truncated = true;
    } catch {
      // Invalid in the middle too: the replacement characters show where.
    }
    return { text, truncated };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const truncated = bytes.length % 2 === 1;
  return { text: new TextDecoder(encoding).decode(bytes), encoding, truncated };
}
