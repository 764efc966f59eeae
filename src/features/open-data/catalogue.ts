import { min } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { PublishedDataset } from "../../core/features/contracts.js";
import { datasetsOf } from "../../core/features/registry.js";
import { translator } from "../../core/i18n/catalog.js";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../../core/i18n/localized.js";
import { structures } from "../../core/structures/tables.js";
import type { Db } from "../../db/client.js";
import { CENTRAL_OFFICE_CODE } from "../structures/reference-data.js";
import type { Dataset } from "./dataset.js";
import type { CatalogueInput, Texts } from "./dcat.js";
import { COUNTRY, COUNTRY_URI, GOVERNORATE_PLACES } from "./places.js";

/**
 * The catalogue holds what every feature's manifest publishes (`datasets`), in the feature list's
 * order: the feature that owns the data declares its dataset, open data only serves it.
 */
export function findDataset(datasets: readonly PublishedDataset[], id: string): Dataset | undefined {
  return datasets.find((d) => d.dataset.id === id)?.dataset;
}

/** One message in the three languages. */
export function texts(key: string): Texts {
  return Object.fromEntries(LOCALES.map((l) => [l, translator(l)(key)])) as Texts;
}

export interface DatasetSummary {
  dataset: Dataset;
  apiPath: string;
  rows: number;
  modified: Date | null;
}

/**
 * Counting a million contributions (or finding their last change) scans the table: the catalogue
 * page and the DCAT files share one summary per node and public-content version (moved by any
 * change to published content), at most a minute old (the page cache's `remember`).
 */
export function summarizeDatasets(app: FastifyInstance, version?: string | null): Promise<DatasetSummary[]> {
  return app.pageCache.remember(
    "open-data:summary",
    () =>
      Promise.all(
        datasetsOf(app.features).map(async ({ dataset, apiPath }) => ({
          dataset,
          apiPath,
          rows: await dataset.count(app.db),
          modified: await dataset.modified(app.db),
        })),
      ),
    { version },
  );
}

/** One message in the three languages, as a list: keywords are separated by commas (Latin or Arabic). */
function list(key: string): Record<Locale, string[]> {
  return Object.fromEntries(
    LOCALES.map((l) => [
      l,
      translator(l)(key)
        .split(/\s*[,،]\s*/)
        .filter(Boolean),
    ]),
  ) as Record<Locale, string[]>;
}

/** The place a structure or governorate code names, under the catalogue's URI. */
const governorateUri = (catalogueUrl: string, code: string) => `${catalogueUrl}#governorate-${code}`;

/**
 * The DCAT-AP description of the catalogue (see dcat.ts), from the datasets as they are now. Every
 * dataset holds what was published on this installation, so its rows span from the day it was
 * installed (`installed`) to its last change, and it covers the country and each governorate.
 */
export function catalogueInput(
  publicUrl: string,
  licence: string,
  installed: Date,
  summaries: Array<Omit<DatasetSummary, "rows">>,
  now = new Date(),
): CatalogueInput {
  const url = `${publicUrl}/open-data/catalog`;
  const modified = summaries.reduce<Date>(
    (last, { modified }) => (modified && modified > last ? modified : last),
    installed,
  );
  return {
    url,
    homepage: publicUrl,
    contactUrl: `${publicUrl}/${DEFAULT_LOCALE}/structures/${CENTRAL_OFFICE_CODE}`,
    title: texts("open-data.catalogueTitle"),
    description: texts("open-data.catalogueDescription"),
    publisher: texts("open-data.publisher"),
    licence,
    issued: installed,
    modified,
    country: { uri: COUNTRY_URI, code: "TN", name: texts("open-data.country"), ...COUNTRY },
    governorates: GOVERNORATE_PLACES.map((g) => ({ ...g, uri: governorateUri(url, g.code) })),
    api: {
      url: `${publicUrl}/api/v1`,
      docs: `${publicUrl}/api/docs`,
      title: texts("open-data.apiTitle"),
      keywords: list("open-data.apiKeywords"),
    },
    datasets: summaries.map(({ dataset, apiPath, modified }) => {
      const title = texts(`open-data.datasets.${dataset.id}.title`);
      return {
        id: dataset.id,
        title,
        description: texts(`open-data.datasets.${dataset.id}.description`),
        keywords: list(`open-data.datasets.${dataset.id}.keywords`),
        theme: dataset.theme,
        frequency: dataset.frequency,
        modified,
        temporal: { start: installed, end: modified ?? now },
        downloads: (["csv", "json"] as const).map((format) => ({
          format,
          url: `${publicUrl}/open-data/${dataset.id}.${format}`,
          description: Object.fromEntries(
            LOCALES.map((l) => [
              l,
              translator(l)("open-data.distribution", { title: title[l], format: format.toUpperCase() }),
            ]),
          ) as Texts,
        })),
        apiUrl: `${publicUrl}/api/v1${apiPath}`,
      };
    }),
  };
}

/** The day this installation began: its reference structures are seeded when it is installed. */
export async function installedOn(db: Db, now = new Date()): Promise<Date> {
  const [row] = await db.select({ at: min(structures.createdAt) }).from(structures);
  return row?.at ?? now;
}
