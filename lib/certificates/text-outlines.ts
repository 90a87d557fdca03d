import { openSync, type Font, type Glyph } from "fontkit";
import { CJK_FONT_FILES } from "./fonts";

/**
 * Text as glyph outlines (SVG path data) from the bundled Noto Sans SC, so a label looks the same
 * in every viewer, printer and rasterizer, with or without fonts installed, and every width is
 * measured rather than guessed.
 */
export type FontWeight = "normal" | "bold";

/** A piece of a line; `sub` sets it as a subscript (the 2 of CO₂e). */
export type TextRun = { text: string; sub?: boolean };

const SUBSCRIPT_SCALE = 0.62;
const SUBSCRIPT_DROP_EM = 0.22;

const fonts = new Map<FontWeight, Font>();

function fontFor(weight: FontWeight): Font {
  let font = fonts.get(weight);
  if (!font) {
    const opened = openSync(weight === "bold" ? CJK_FONT_FILES.bold : CJK_FONT_FILES.regular);
    if (!("layout" in opened)) throw new TypeError("Expected a single font, not a collection");
    font = opened;
    fonts.set(weight, font);
  }
  return font;
}

type CharGlyph = { advance: number; commands: Glyph["path"]["commands"] };

/**
 * One glyph per character through the font's cmap, decoded once per process. Labels need no
 * shaping (no ligatures or contextual forms in Chinese or in these Latin names), and full
 * OpenType layout of the CJK font costs milliseconds per string.
 */
const charGlyphs = new Map<string, CharGlyph>();

function charGlyph(weight: FontWeight, char: string): CharGlyph {
  const key = `${weight}:${char}`;
  let glyph = charGlyphs.get(key);
  if (!glyph) {
    const font = fontFor(weight);
    const [found] = font.glyphsForString(char);
    glyph = { advance: found?.advanceWidth ?? 0, commands: found?.path.commands ?? [] };
    charGlyphs.set(key, glyph);
  }
  return glyph;
}

/** "kg CO2e / piece" → runs with the 2 as a subscript; everything else unchanged. */
export function withCo2Subscript(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const parts = text.split(/(CO2e?)/);
  for (const part of parts) {
    if (part === "") continue;
    const match = /^CO2(e?)$/.exec(part);
    if (match) runs.push({ text: "CO" }, { text: "2", sub: true }, ...(match[1] ? [{ text: match[1] }] : []));
    else runs.push({ text: part });
  }
  return runs;
}

/** The plain text of runs, with CO₂ spelled with the Unicode subscript (for titles and descriptions). */
export function plainText(runs: TextRun[]): string {
  return runs.map((run) => (run.sub && run.text === "2" ? "₂" : run.text)).join("");
}

function runSize(run: TextRun, size: number): number {
  return run.sub ? size * SUBSCRIPT_SCALE : size;
}

/** Advance width of the runs at `size` user units per em. */
export function measureRuns(runs: TextRun[], size: number, weight: FontWeight): number {
  const { unitsPerEm } = fontFor(weight);
  let width = 0;
  for (const run of runs) {
    let advance = 0;
    for (const char of run.text) advance += charGlyph(weight, char).advance;
    width += (advance * runSize(run, size)) / unitsPerEm;
  }
  return width;
}

/** A tenth of a unit is 0.0125 mm on a 75 mm label: finer digits only make the file bigger. */
const round = (value: number) => Math.round(value * 10) / 10;

/** Path data of the runs with the baseline starting at (x, y). */
export function outlineRuns(runs: TextRun[], x: number, y: number, size: number, weight: FontWeight): string {
  const { unitsPerEm } = fontFor(weight);
  let penX = x;
  let d = "";
  for (const run of runs) {
    const scale = runSize(run, size) / unitsPerEm;
    const baseline = run.sub ? y + size * SUBSCRIPT_DROP_EM : y;
    for (const char of run.text) {
      const glyph = charGlyph(weight, char);
      for (const { command, args } of glyph.commands) {
        const point = (i: number) => `${round(penX + args[i] * scale)} ${round(baseline - args[i + 1] * scale)}`;
        switch (command) {
          case "moveTo":
            d += `M${point(0)}`;
            break;
          case "lineTo":
            d += `L${point(0)}`;
            break;
          case "quadraticCurveTo":
            d += `Q${point(0)} ${point(2)}`;
            break;
          case "bezierCurveTo":
            d += `C${point(0)} ${point(2)} ${point(4)}`;
            break;
          case "closePath":
            d += "Z";
            break;
        }
      }
      penX += glyph.advance * scale;
    }
  }
  return d;
}

/**
 * Shrinks the text down to `minSize`, then cuts it with an ellipsis, so it stays within
 * `maxWidth`; only the last run is cut (names are single runs).
 */
export function fitRuns(runs: TextRun[], maxWidth: number, size: number, minSize: number, weight: FontWeight) {
  const width = measureRuns(runs, size, weight);
  if (width <= maxWidth) return { runs, size };
  const shrunk = Math.max(minSize, Math.floor((size * maxWidth) / width));
  if (measureRuns(runs, shrunk, weight) <= maxWidth) return { runs, size: shrunk };
  const head = runs.slice(0, -1);
  const chars = [...(runs.at(-1)?.text ?? "")];
  const cut = () => [...head, { ...runs.at(-1), text: `${chars.join("")}…` }];
  while (chars.length > 1 && measureRuns(cut(), shrunk, weight) > maxWidth) chars.pop();
  return { runs: cut(), size: shrunk };
}
