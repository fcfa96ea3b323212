import { describe, expect, it } from 'vitest';
import { cleanPhoto } from './photo-clean.js';
import { jpegWithExif, pngWithMetadata, SAMPLE_JPEG, SAMPLE_PNG, SECRET_METADATA } from './sample-photos.js';

/** The photo cleaner: type by the bytes, metadata out, the picture itself byte for byte. */

describe('cleanPhoto', () => {
  it('removes the EXIF segment of a JPEG and keeps every other byte of the picture', () => {
    const dirty = jpegWithExif();
    expect(dirty.includes(SECRET_METADATA)).toBe(true);
    const clean = cleanPhoto(dirty);
    expect(clean?.mediaType).toBe('image/jpeg');
    expect(clean!.bytes.includes(SECRET_METADATA)).toBe(false);
    expect(clean!.bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    // Chromium's JPEG has no metadata: cleaning it changes nothing, and the dirty one becomes exactly it.
    expect(cleanPhoto(SAMPLE_JPEG)!.bytes.equals(SAMPLE_JPEG)).toBe(true);
    expect(clean!.bytes.equals(SAMPLE_JPEG)).toBe(true);
  });

  it('removes comments and data hidden after the end of the picture', () => {
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x0a]), Buffer.from('secret!!', 'latin1')]);
    const dirty = Buffer.concat([SAMPLE_JPEG.subarray(0, 2), comment, SAMPLE_JPEG.subarray(2), Buffer.from('appendix', 'latin1')]);
    expect(cleanPhoto(dirty)!.bytes.equals(SAMPLE_JPEG)).toBe(true);
  });

  it('removes eXIf and text chunks of a PNG and keeps the picture chunks', () => {
    const dirty = pngWithMetadata();
    expect(dirty.includes(SECRET_METADATA)).toBe(true);
    const clean = cleanPhoto(dirty);
    expect(clean?.mediaType).toBe('image/png');
    expect(clean!.bytes.equals(SAMPLE_PNG)).toBe(true);
  });

  it('refuses what is not a JPEG or PNG, whatever it is called, and broken pictures', () => {
    expect(cleanPhoto(Buffer.from('%PDF-1.7 not a photo'))).toBeNull();
    expect(cleanPhoto(Buffer.from('GIF89a......'))).toBeNull();
    expect(cleanPhoto(Buffer.alloc(0))).toBeNull();
    expect(cleanPhoto(SAMPLE_JPEG.subarray(0, 200))).toBeNull();
    expect(cleanPhoto(SAMPLE_PNG.subarray(0, 40))).toBeNull();
  });
});
