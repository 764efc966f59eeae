/** The page a list's query string asks for: a whole number from 1, else the first page. */
export const requestedPage = (raw: string | undefined): number =>
  /^\d+$/.test(raw ?? "") ? Math.max(1, Number(raw)) : 1;

/**
 * Where a page of a list of `total` items lies: the requested page brought within [1, last page],
 * and its offset. Lists count first and read at this offset, so an offset never goes past the
 * list's end: asking for page 100,000 costs what the last page costs, and shows the last page.
 */
export function pageOf(page: number, total: number, size: number) {
  const totalPages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, page), totalPages);
  return { page: current, totalPages, offset: (current - 1) * size };
}
