import { createRequire } from "node:module";
import sharp from "sharp";

/**
 * The picture a shared link shows (Open Graph, Twitter cards): 1200 × 630 PNG, the page's title in
 * its language and script on the portal's green, the site name and address beside the logo. Text
 * is laid out by libvips' Pango (HarfBuzz shapes Arabic, FriBidi orders it right to left) in Noto
 * Sans Arabic, shipped as an npm package (SIL Open Font License) so every node has the same font,
 * whatever the system's: it also covers Latin, accents included, for French and English titles.
 */
export const CARD = { width: 1200, height: 630 } as const;

const require = createRequire(import.meta.url);
const FONTS = "@expo-google-fonts/noto-sans-arabic";
const BOLD = require.resolve(`${FONTS}/700Bold/NotoSansArabic_700Bold.ttf`);
const REGULAR = require.resolve(`${FONTS}/400Regular/NotoSansArabic_400Regular.ttf`);

const MARGIN = 80;
const TEXT_WIDTH = CARD.width - 2 * MARGIN;
/** Where the title may go: below the name, above the address. */
const TITLE_TOP = 190;
const TITLE_HEIGHT = 320;
const LOGO = 88;

export interface Card {
  title: string;
  siteName: string;
  /** The portal's address, e.g. "sharek.tn". */
  host: string;
  dir: "rtl" | "ltr";
}

const escapeMarkup = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * One block of white text as an RGBA image. The paragraph direction is forced by a leading mark
 * (RLM or LRM): Pango then aligns "left" to the paragraph's start, so an Arabic title that begins
 * with a Latin word still reads right to left, aligned right.
 */
async function textImage(
  text: string,
  options: { font: string; fontfile: string; size: number; dir: Card["dir"]; color: string; fit?: number },
) {
  const mark = options.dir === "rtl" ? "\u200f" : "\u200e";
  const markup = `<span foreground="${options.color}">${mark}${escapeMarkup(text)}</span>`;
  const common = {
    text: markup,
    fontfile: options.fontfile,
    width: TEXT_WIDTH,
    rgba: true,
    align: "left" as const,
    wrap: "word-char" as const,
  };
  const fixed = await sharp({ text: { ...common, font: `${options.font} ${options.size}`, dpi: 72 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  if (options.fit === undefined || fixed.info.height <= options.fit) return fixed;
  // Too long for its box at the usual size: libvips finds the largest size that fits.
  return sharp({ text: { ...common, font: options.font, height: options.fit } })
    .png()
    .toBuffer({ resolveWithObject: true });
}

const LOGO_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${LOGO}" height="${LOGO}" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#fff"/><path d="M9 20c2 3 5 4 7 4s5-1 7-4M11 12h.01M21 12h.01" stroke="#0b6e4f" stroke-width="3" stroke-linecap="round" fill="none"/></svg>`,
);

/** Renders a card as PNG. Deterministic: the same card gives the same picture on every node. */
export async function renderCard(card: Card): Promise<Buffer> {
  const rtl = card.dir === "rtl";
  const [title, name, host] = await Promise.all([
    textImage(card.title, {
      font: "Noto Sans Arabic Bold",
      fontfile: BOLD,
      size: 64,
      dir: card.dir,
      color: "#ffffff",
      fit: TITLE_HEIGHT,
    }),
    textImage(card.siteName, {
      font: "Noto Sans Arabic Bold",
      fontfile: BOLD,
      size: 48,
      dir: card.dir,
      color: "#ffffff",
    }),
    // An address reads left to right in every language.
    textImage(card.host, {
      font: "Noto Sans Arabic",
      fontfile: REGULAR,
      size: 30,
      dir: "ltr",
      color: "#e5f1eb",
    }),
  ]);
  // Each block starts at the inline start: the right margin in Arabic, the left one otherwise.
  const start = (width: number) => (rtl ? CARD.width - MARGIN - width : MARGIN);
  const logoLeft = start(LOGO);
  const nameLeft = rtl ? logoLeft - 24 - name.info.width : MARGIN + LOGO + 24;
  return sharp({
    create: { width: CARD.width, height: CARD.height, channels: 4, background: "#0b6e4f" },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}"><rect y="${CARD.height - 96}" width="${CARD.width}" height="96" fill="#07513a"/></svg>`,
        ),
        top: 0,
        left: 0,
      },
      { input: LOGO_SVG, top: 64, left: logoLeft },
      { input: name.data, top: 64 + Math.round((LOGO - name.info.height) / 2), left: nameLeft },
      {
        input: title.data,
        top: TITLE_TOP + Math.max(0, Math.round((TITLE_HEIGHT - title.info.height) / 2)),
        left: start(title.info.width),
      },
      {
        input: host.data,
        top: CARD.height - 48 - Math.round(host.info.height / 2),
        left: start(host.info.width),
      },
    ])
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}
