/**
 * Bytes → text for ratings and titles files, deciding the encoding from the bytes alone
 * (a dropped file carries no charset). MovieLens u.item is Latin-1, goodbooks is UTF-8,
 * Excel exports UTF-16 with a BOM; all must read without the person choosing anything.
 * Pure TS: uses only TextDecoder, which Node and every browser thread have.
 */
import { DataError } from './errors.ts';
import { dataText, type DataText, type DataVar } from './messages.ts';

/** How the bytes were read. `windows-1252` is the web's name for Latin-1. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A decoded file: text without its BOM, the encoding used, and sentences about it. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  warnings: DataText[];
}

/** Share of control characters (in the first 64K characters) above which a file is not text. */
const MAX_CONTROL_SHARE = 0.1;
const SNIFF_CHARS = 65536;

/**
 * Decodes a whole file. UTF-8 and UTF-16 (LE/BE) with a BOM are taken at their word; without a
 * BOM the bytes are read as UTF-8 when they are valid UTF-8, else as Latin-1 (Windows-1252) with
 * a warning naming the line of the first byte that is not UTF-8.
 *
 * @param bytes the file's raw bytes (already gunzipped)
 * @param name how messages name the file, e.g. `u.item`
 * @returns `{ text, encoding, warnings }`; the text has no BOM
 * @throws DataError when the file is not text: a gzip or zip archive, NUL bytes, or more than
 *   10% control characters
 * @example decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x31])) // → { text: '1', encoding: 'utf-8', warnings: [] }
 */
export function decodeText(bytes: Uint8Array, name: DataVar = dataText('data.theFile')): DecodedText {
  refuseArchives(bytes, name);
  const warnings: DataText[] = [];
  let text: string;
  let encoding: TextEncodingName;
  if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    refuseNul(bytes, name);
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      encoding = 'utf-8';
    } catch {
      const bad = firstInvalidUtf8(body);
      text = new TextDecoder('windows-1252').decode(body);
      encoding = 'windows-1252';
      warnings.push(dataText('data.notUtf8', { name, line: lineAtByte(body, bad) }));
    }
  }
  if (encoding !== 'utf-8' && encoding !== 'windows-1252') {
    const nul = text.indexOf('\0');
    if (nul !== -1) {
      throw new DataError(dataText('data.nulChar', { name, line: lineAtChar(text, nul) }), lineAtChar(text, nul));
    }
  }
  refuseControlHeavy(text, name);
  return { text, encoding, warnings };
}

function refuseArchives(bytes: Uint8Array, name: DataVar): void {
  if (startsWith(bytes, [0x1f, 0x8b])) throw new DataError(dataText('data.gzipUnnamed', { name }));
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw new DataError(dataText('data.zip', { name }));
}

function refuseNul(bytes: Uint8Array, name: DataVar): void {
  const nul = bytes.indexOf(0);
  if (nul === -1) return;
  const line = lineAtByte(bytes, nul);
  // UTF-16 without a BOM puts a NUL beside every ASCII character; say so, it is fixable.
  const utf16 = bytes.length >= 4 && (bytes[0] === 0 || bytes[1] === 0) && (bytes[2] === 0 || bytes[3] === 0);
  throw new DataError(dataText(utf16 ? 'data.utf16NoBom' : 'data.nulByte', { name, line }), line);
}

function refuseControlHeavy(text: string, name: DataVar): void {
  const n = Math.min(text.length, SNIFF_CHARS);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127 || c === 0xfffd) control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_SHARE) {
    throw new DataError(dataText('data.controlChars', { name, control, n }));
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** 1-based line of byte `at` (counts LF bytes before it). */
function lineAtByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
  return line;
}

function lineAtChar(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Byte offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
