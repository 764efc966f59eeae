/** Amounts are integer millimes; people type and read dinars ("12 500", "12500,750"). */

/** Reads an amount in dinars typed by a person (spaces, a comma or a dot for the millimes); null when it is not one. */
export function parseDinars(value: string): number | null {
  const v = value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const m = /^(\d{1,12})(?:\.(\d{1,3}))?$/.exec(v);
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? "").padEnd(3, "0"));
}

/** Millimes as the dinars accountability stores (numeric(16,3)): 12500750 → "12500.750". */
export function toDecimalDinars(millimes: number): string {
  return `${Math.trunc(millimes / 1000)}.${String(millimes % 1000).padStart(3, "0")}`;
}
