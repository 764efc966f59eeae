import type { FileStore } from "../../../core/files/store.js";
import type { Db } from "../../../db/client.js";
import { checkProposalPhotos, storeProposalPhotos } from "../photos.js";
import { budgetProposalPhotos } from "../tables.js";

/** A simple drawing of a garden (lawn, path, trees, a bench) or of a pavement by a market. */
function drawing(kind: "garden" | "pavement"): Buffer {
  const body =
    kind === "garden"
      ? `<rect width="640" height="480" fill="#bfe3f5"/><rect y="260" width="640" height="220" fill="#6dae4f"/>
         <path d="M280 480 L340 260 L380 260 L460 480 Z" fill="#d9c7a3"/>
         <circle cx="120" cy="220" r="70" fill="#2f7d32"/><rect x="110" y="260" width="20" height="60" fill="#6b4a2b"/>
         <circle cx="540" cy="200" r="80" fill="#3b8f3e"/><rect x="530" y="250" width="20" height="70" fill="#6b4a2b"/>
         <rect x="170" y="340" width="90" height="12" fill="#8a5a2b"/><rect x="175" y="352" width="8" height="24" fill="#444"/><rect x="247" y="352" width="8" height="24" fill="#444"/>`
      : `<rect width="640" height="480" fill="#e9e4da"/><rect y="300" width="640" height="180" fill="#9a9a9a"/>
         <rect y="280" width="640" height="24" fill="#c8c1b4"/><path d="M40 300 L120 280 L120 304 Z" fill="#f2c94c"/>
         <rect x="80" y="80" width="200" height="200" fill="#d98c5f"/><rect x="360" y="60" width="220" height="220" fill="#c56b3f"/>
         <rect x="130" y="180" width="60" height="100" fill="#5b3b25"/><rect x="430" y="170" width="70" height="110" fill="#5b3b25"/>`;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">${body}</svg>`);
}

const DEMO_PHOTOS: Array<{ proposal: number; kind: "garden" | "pavement"; alt: string }> = [
  { proposal: 0, kind: "garden", alt: "الحديقة اليوم: عشب ومسلك ترابي وشجرتان ومقعد واحد" },
  { proposal: 1, kind: "pavement", alt: "الرصيف الضيق أمام محلات سوق باب بحر، دون منحدر للكراسي المتحركة" },
];

/**
 * Photos on two demo proposals, drawn then sent through the same check and store as a resident's
 * (re-encoded, with their small copy), so the demo shows photos on a proposal and in the list.
 */
export async function seedDemoProposalPhotos(db: Db, files: FileStore, proposalIds: string[]) {
  const { default: sharp } = await import("sharp");
  for (const d of DEMO_PHOTOS) {
    const proposalId = proposalIds[d.proposal];
    if (!proposalId) continue;
    const png = await sharp(drawing(d.kind)).png().toBuffer();
    const { photos, errors } = await checkProposalPhotos([{ field: "photo1", data: png, truncated: false }], {
      photo1Alt: d.alt,
    });
    if (Object.keys(errors).length > 0) throw new Error(`demo photo refused: ${JSON.stringify(errors)}`);
    const stored = await storeProposalPhotos(files, photos);
    await db.insert(budgetProposalPhotos).values(stored.map((p) => ({ ...p, proposalId })));
  }
}
