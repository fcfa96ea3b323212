import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The font the PDF embeds and the chart images are drawn with: Noto Sans (SIL Open Font License), as TTF
 * files shipped in an npm package, found through Node's module resolution — never a system path.
 */
const require = createRequire(import.meta.url);

let fonts: Promise<{ regular: Buffer; bold: Buffer }> | null = null;

export function reportFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  fonts ??= (async () => {
    const regularPath = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
    const boldPath = require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf');
    const [regular, bold] = await Promise.all([readFile(regularPath), readFile(boldPath)]);
    return { regular, bold };
  })();
  return fonts;
}
