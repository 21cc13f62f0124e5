// Bytes of a user file → text: byte-order marks, strict UTF-8, then GBK (what Excel in China saves as CSV).

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

/** What the user chose: detect, or read the file in one encoding. */
export type EncodingChoice = 'auto' | 'utf-8' | 'gbk';
export const ENCODING_CHOICES: readonly EncodingChoice[] = ['auto', 'utf-8', 'gbk'];

export interface DecodedText {
  /** The text without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
  /** True when the bytes stop inside a multi-byte character: the file was cut off. */
  truncated: boolean;
  /**
   * 1-based lines whose bytes are not valid in `encoding`: each is replaced by an empty line (so that line
   * numbers stay) instead of being decoded into mojibake. Empty when every line decoded.
   */
  badLines: number[];
  /** The other encoding in which every bad line decodes, if there is one (a hint for the message). */
  alt: 'utf-8' | 'gbk' | null;
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

const strict = (encoding: 'utf-8' | 'gbk') => new TextDecoder(encoding, { fatal: true });
const LF = 0x0a;
const NON_ASCII = /[\u0080-\uffff]/;

/** Whether every byte is decodable in `encoding`. */
function decodes(bytes: Uint8Array, encoding: 'utf-8' | 'gbk'): boolean {
  try {
    strict(encoding).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes line by line in one encoding; a line that is not valid in it becomes empty and is listed, never
 * decoded with replacement characters. Only used once decoding the whole file strictly has failed.
 */
function decodeByLine(bytes: Uint8Array, encoding: 'utf-8' | 'gbk', name: TextEncodingName): DecodedText {
  const decoder = strict(encoding);
  const other = encoding === 'utf-8' ? 'gbk' : 'utf-8';
  const parts: string[] = [];
  const badLines: number[] = [];
  let altOk = true;
  let truncated = false;
  for (let start = 0, line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(LF, start);
    if (end === -1) end = bytes.length;
    const slice = bytes.subarray(start, end);
    try {
      parts.push(decoder.decode(slice));
    } catch {
      const last = end === bytes.length;
      // A cut-off last character is reported as truncation, not as a bad line.
      if (last && encoding === 'utf-8' && endsInsideCharacter(slice)) {
        parts.push(`${new TextDecoder('utf-8', { fatal: true }).decode(slice, { stream: true })}\uFFFD`);
        truncated = true;
      } else {
        // Keep a CR so that a CRLF file still has uniform line ends for the CSV reader.
        parts.push(slice[slice.length - 1] === 0x0d ? '\r' : '');
        badLines.push(line);
        if (altOk) altOk = decodes(slice, other);
      }
    }
    start = end + 1;
  }
  return {
    text: parts.join('\n'),
    encoding: name,
    truncated,
    badLines,
    alt: badLines.length > 0 && altOk ? other : null,
  };
}

/** True when the bytes are valid UTF-8 except for an incomplete character at the very end. */
function endsInsideCharacter(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Lines that are valid UTF-8 and contain non-ASCII text: evidence that a file is UTF-8. */
function hasUtf8Text(bytes: Uint8Array): boolean {
  const decoder = strict('utf-8');
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(LF, start);
    if (end === -1) end = bytes.length;
    const slice = bytes.subarray(start, end);
    try {
      if (NON_ASCII.test(decoder.decode(slice))) return true;
    } catch {
      // Not UTF-8: no evidence either way from this line.
    }
    start = end + 1;
  }
  return false;
}

/**
 * Decodes a user file. Order: a byte-order mark (UTF-8, UTF-16LE/BE) wins; then strict UTF-8; a file that
 * is valid UTF-8 except for a cut-off last character is UTF-8 and flagged `truncated`. A file with no
 * valid non-ASCII UTF-8 line is GBK (WHATWG's "gbk" decoder, which browsers and Node share), the code page
 * Excel uses for "CSV (逗号分隔)" on Chinese Windows. A file that mixes the two (UTF-8 rows and one pasted
 * GBK row), or has a UTF-8 mark over GBK bytes, is read as UTF-8 and the lines that are not are listed
 * in `badLines`, never guessed. Choosing an encoding reads every line in it (a UTF-8 mark is skipped).
 * @param bytes the whole file
 * @param choice 'auto' (the order above), or the encoding the user picked
 */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  const clean = { truncated: false, badLines: [], alt: null };
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  if (choice !== 'auto') {
    const body = bom ? bytes.subarray(3) : bytes;
    try {
      return {
        text: strict(choice).decode(body),
        encoding: bom && choice === 'utf-8' ? 'utf-8-bom' : choice,
        ...clean,
      };
    } catch {
      return decodeByLine(body, choice, bom && choice === 'utf-8' ? 'utf-8-bom' : choice);
    }
  }
  if (bom) {
    try {
      return { text: strict('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', ...clean };
    } catch {
      return decodeByLine(bytes.subarray(3), 'utf-8', 'utf-8-bom');
    }
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const guess = utf16Guess(bytes.subarray(0, 4096));
  if (guess) return decodeUtf16(bytes, guess);
  try {
    return { text: strict('utf-8').decode(bytes), encoding: 'utf-8', ...clean };
  } catch {
    // Not UTF-8 everywhere; maybe only its last character was cut off.
  }
  if (endsInsideCharacter(bytes)) {
    // In streaming mode an incomplete final sequence is held back instead of being an error.
    const text = strict('utf-8').decode(bytes, { stream: true });
    return { text: `${text}\uFFFD`, encoding: 'utf-8', ...clean, truncated: true };
  }
  if (hasUtf8Text(bytes)) return decodeByLine(bytes, 'utf-8', 'utf-8');
  try {
    return { text: strict('gbk').decode(bytes), encoding: 'gbk', ...clean };
  } catch {
    return decodeByLine(bytes, 'gbk', 'gbk');
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const truncated = bytes.length % 2 === 1;
  return { text: new TextDecoder(encoding).decode(bytes), encoding, truncated, badLines: [], alt: null };
}
