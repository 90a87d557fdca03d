import fs from "node:fs";
import path from "node:path";

/**
 * Noto Sans SC (SIL OFL 1.1) ships in the @expo-google-fonts/noto-sans-sc npm package, so
 * Chinese renders on any machine where `npm install` ran, without system fonts. Resolved from
 * the working directory, like the i18n catalogs, because bundlers rewrite require.resolve.
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc");

export const CJK_FONT_FAMILY = "Noto Sans SC";

export const CJK_FONT_FILES = {
  regular: path.join(FONT_DIR, "400Regular", "NotoSansSC_400Regular.ttf"),
  bold: path.join(FONT_DIR, "700Bold", "NotoSansSC_700Bold.ttf"),
} as const;

const fontBytesCache = new Map<string, Promise<Buffer>>();

/** The font file's bytes, read once per process (each file is about 10 MB). */
export function readFontFile(file: string): Promise<Buffer> {
  let bytes = fontBytesCache.get(file);
  if (!bytes) {
    bytes = fs.promises.readFile(file);
    fontBytesCache.set(file, bytes);
    bytes.catch(() => fontBytesCache.delete(file));
  }
  return bytes;
}
