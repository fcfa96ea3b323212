/**
 * Photos of an omgevingsscan: the type is decided by the bytes, never by the name or the declared type, and
 * everything that is not the picture itself is removed before the photo is stored. EXIF (JPEG APP1, PNG eXIf)
 * can hold the GPS position where the photo was taken, the device and its serial number, and a thumbnail of
 * the uncropped picture; XMP, IPTC, comments and PNG text chunks can hold names. The pixels are not decoded
 * or re-encoded: the segments that carry the picture are copied as they are.
 */

export type PhotoType = 'image/jpeg' | 'image/png';
export interface CleanPhoto {
  mediaType: PhotoType;
  bytes: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG chunks that describe how to show the picture; every other ancillary chunk (eXIf, tEXt, zTXt, iTXt, tIME…) goes. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs']);

/** The cleaned photo, or null when the bytes are not a well-formed JPEG or PNG. */
export function cleanPhoto(input: Buffer): CleanPhoto | null {
  if (input.length > 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) {
    const bytes = cleanJpeg(input);
    return bytes ? { mediaType: 'image/jpeg', bytes } : null;
  }
  if (input.length > PNG_SIGNATURE.length && input.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    const bytes = cleanPng(input);
    return bytes ? { mediaType: 'image/png', bytes } : null;
  }
  return null;
}

/** Whether a JPEG segment is kept: JFIF (APP0), Adobe's colour transform (APP14), ICC colour profiles (APP2). */
function keepJpegSegment(marker: number, payload: Buffer): boolean {
  if (marker === 0xe0 || marker === 0xee) return true;
  if (marker === 0xe2) return payload.subarray(0, 12).toString('latin1') === 'ICC_PROFILE\0';
  // APP1 (EXIF, XMP), APP3–APP13 (IPTC, vendor data), APP15 and COM (comments) go.
  if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) return false;
  return true;
}

function cleanJpeg(input: Buffer): Buffer | null {
  const out: Buffer[] = [input.subarray(0, 2)];
  let offset = 2;
  while (offset < input.length) {
    if (input[offset] !== 0xff) return null;
    let markerAt = offset + 1;
    while (input[markerAt] === 0xff) markerAt += 1; // fill bytes
    const marker = input[markerAt];
    if (marker === undefined) return null;
    if (marker === 0xd9) return Buffer.concat([...out, Buffer.from([0xff, 0xd9])]);
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(Buffer.from([0xff, marker]));
      offset = markerAt + 1;
      continue;
    }
    if (markerAt + 3 > input.length) return null;
    const length = input.readUInt16BE(markerAt + 1);
    const end = markerAt + 1 + length;
    if (length < 2 || end > input.length) return null;
    if (marker === 0xda) {
      // Start of scan: the picture data follows. Later scans of a progressive JPEG sit in it; copied as is,
      // but it must end with the end-of-image marker.
      const rest = input.subarray(offset);
      const trimmed = trimAfterEoi(rest);
      if (!trimmed) return null;
      return Buffer.concat([...out, trimmed]);
    }
    if (keepJpegSegment(marker, input.subarray(markerAt + 3, end))) out.push(Buffer.from([0xff, marker]), input.subarray(markerAt + 1, end));
    offset = end;
  }
  return null;
}

/** The scan data up to and including the last end-of-image marker; bytes after it (a hidden appendix) go. */
function trimAfterEoi(rest: Buffer): Buffer | null {
  for (let i = rest.length - 2; i >= 0; i -= 1) {
    if (rest[i] === 0xff && rest[i + 1] === 0xd9) return rest.subarray(0, i + 2);
  }
  return null;
}

function cleanPng(input: Buffer): Buffer | null {
  const out: Buffer[] = [PNG_SIGNATURE];
  let offset = PNG_SIGNATURE.length;
  let first = true;
  while (offset + 12 <= input.length) {
    const length = input.readUInt32BE(offset);
    const type = input.subarray(offset + 4, offset + 8).toString('latin1');
    const end = offset + 12 + length;
    if (end > input.length || !/^[A-Za-z]{4}$/.test(type)) return null;
    if (first && type !== 'IHDR') return null;
    first = false;
    if (PNG_KEEP.has(type)) out.push(input.subarray(offset, end));
    if (type === 'IEND') return Buffer.concat(out);
    offset = end;
  }
  return null;
}
