import type { PublishedDataset } from "../../core/features/contracts.js";
import { translator } from "../../core/i18n/catalog.js";
import { LOCALES } from "../../core/i18n/localized.js";
import type { Db } from "../../db/client.js";
import type { Dataset } from "./dataset.js";
import type { CatalogueInput, Texts } from "./dcat.js";

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
 * page and the DCAT files share one summary per database and public-content version (moved by any
 * change to published content, as the page cache reads it), at most a minute old, and requests
 * that arrive while it is being computed wait for that same computation.
 */
const SUMMARY_TTL_MS = 60_000;
const summaries = new WeakMap<Db, { at: number; version: string; value: Promise<DatasetSummary[]> }>();

export function summarizeDatasets(
  db: Db,
  datasets: readonly PublishedDataset[],
  version: string,
  now = Date.now(),
): Promise<DatasetSummary[]> {
  const cached = summaries.get(db);
  if (cached && cached.version === version && now - cached.at < SUMMARY_TTL_MS) return cached.value;
  const value = Promise.all(
    datasets.map(async ({ dataset, apiPath }) => ({
      dataset,
      apiPath,
      rows: await dataset.count(db),
      modified: await dataset.modified(db),
    })),
  );
  summaries.set(db, { at: now, version, value });
  value.catch(() => summaries.delete(db));
  return value;
}

/** The DCAT-AP description of the catalogue (see dcat.ts), from the datasets as they are now. */
export function catalogueInput(
  publicUrl: string,
  licence: string,
  summaries: Array<Omit<DatasetSummary, "rows">>,
): CatalogueInput {
  return {
    url: `${publicUrl}/open-data/catalog`,
    homepage: publicUrl,
    title: texts("open-data.catalogueTitle"),
    description: texts("open-data.catalogueDescription"),
    publisher: texts("open-data.publisher"),
    licence,
    api: { url: `${publicUrl}/api/v1`, docs: `${publicUrl}/api/docs`, title: texts("open-data.apiTitle") },
    datasets: summaries.map(({ dataset, apiPath, modified }) => ({
      id: dataset.id,
      title: texts(`open-data.datasets.${dataset.id}.title`),
      description: texts(`open-data.datasets.${dataset.id}.description`),
      frequency: dataset.frequency,
      modified,
      downloads: {
        csv: `${publicUrl}/open-data/${dataset.id}.csv`,
        json: `${publicUrl}/open-data/${dataset.id}.json`,
      },
      apiUrl: `${publicUrl}/api/v1${apiPath}`,
    })),
  };
}
