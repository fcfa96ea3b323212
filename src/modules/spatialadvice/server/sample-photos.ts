/**
 * Small real pictures for the tests (an 8 × 8 JPEG and PNG drawn by Chromium's canvas), and the same with the
 * metadata a phone camera writes: an EXIF segment with a GPS position and the camera's make and serial number
 * (JPEG APP1), or eXIf and tEXt chunks (PNG). The cleaner must remove exactly those.
 */

export const SAMPLE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAdEAABAgcAAAAAAAAAAAAAAAAAERYmMlNmg5Lw/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwb/xAAbEQABBAMAAAAAAAAAAAAAAAABAAMRIRJhsf/aAAwDAQACEQMRAD8Aq4YYtyZauknKAAlCOOZxQECK6dr/2Q==',
  'base64',
);

export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAAPklEQVR4AayNwQkAIAwDQ1fSVZxFR3AWXcWd9JVSfLSfFo5CuBApq18PQXAqnDZhYU8FBv9PFOoesHAqnHgAAAD//0+6EyQAAAAGSURBVAMAwWkeqUTeNjEAAAAASUVORK5CYII=',
  'base64',
);

/** What the metadata says, so a test can look for it in the bytes. */
export const SECRET_METADATA = 'GPS 51.7912N 4.6545E Camera SN-4711';

/** The JPEG with an EXIF APP1 segment right after the start marker, as cameras write it. */
export function jpegWithExif(jpeg: Buffer = SAMPLE_JPEG): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('MM\0*\0\0\0\x08', 'latin1'), Buffer.from(SECRET_METADATA, 'latin1')]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The PNG with an eXIf and a tEXt chunk after its header chunk. */
export function pngWithMetadata(png: Buffer = SAMPLE_PNG): Buffer {
  const afterHeader = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, afterHeader), pngChunk('eXIf', Buffer.from(`MM\0*${SECRET_METADATA}`, 'latin1')), pngChunk('tEXt', Buffer.from(`Author\0${SECRET_METADATA}`, 'latin1')), png.subarray(afterHeader)]);
}
