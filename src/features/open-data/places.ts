import { GOVERNORATES } from "../structures/reference-data.js";

/**
 * The places the catalogue's datasets cover (DCAT-AP `dct:spatial`): Tunisia as the EU country
 * vocabulary names it, and each governorate under a stable URI of the catalogue itself
 * (`<catalogue>#governorate-TN-11`, its ISO 3166-2 code), each with a bounding box and a centroid.
 *
 * The boxes (west, south, east, north) and centroids (longitude, latitude) are approximate, in
 * WGS 84 degrees rounded to about 0.05°: enough for a harvester to place and filter a dataset,
 * not a boundary. Islands are included (La Galite in Bizerte, Kerkennah in Sfax, Djerba in Médenine).
 */
export type Box = readonly [west: number, south: number, east: number, north: number];
export type Point = readonly [longitude: number, latitude: number];

export const COUNTRY_URI = "http://publications.europa.eu/resource/authority/country/TUN";
export const COUNTRY = { box: [7.52, 30.23, 11.6, 37.55], centroid: [9.55, 34.1] } as const satisfies {
  box: Box;
  centroid: Point;
};

const GEOMETRY: Record<string, { box: Box; centroid: Point }> = {
  "TN-11": { box: [10.0, 36.72, 10.36, 36.93], centroid: [10.17, 36.81] },
  "TN-12": { box: [9.98, 36.84, 10.3, 37.07], centroid: [10.12, 36.95] },
  "TN-13": { box: [10.05, 36.45, 10.55, 36.8], centroid: [10.25, 36.63] },
  "TN-14": { box: [9.55, 36.6, 10.12, 37.0], centroid: [9.85, 36.8] },
  "TN-21": { box: [10.3, 36.25, 11.15, 37.08], centroid: [10.75, 36.67] },
  "TN-22": { box: [9.75, 35.95, 10.5, 36.55], centroid: [10.1, 36.25] },
  "TN-23": { box: [8.85, 36.85, 10.3, 37.55], centroid: [9.65, 37.1] },
  "TN-31": { box: [8.9, 36.3, 9.75, 37.15], centroid: [9.3, 36.75] },
  "TN-32": { box: [8.25, 36.3, 9.05, 37.0], centroid: [8.7, 36.65] },
  "TN-33": { box: [8.2, 35.6, 9.15, 36.45], centroid: [8.7, 36.0] },
  "TN-34": { box: [8.85, 35.7, 9.75, 36.35], centroid: [9.3, 36.0] },
  "TN-41": { box: [9.4, 35.15, 10.4, 36.1], centroid: [9.9, 35.6] },
  "TN-42": { box: [8.25, 34.7, 9.3, 35.75], centroid: [8.75, 35.2] },
  "TN-43": { box: [8.95, 34.4, 10.05, 35.4], centroid: [9.5, 34.9] },
  "TN-51": { box: [10.05, 35.6, 10.7, 36.25], centroid: [10.35, 35.9] },
  "TN-52": { box: [10.55, 35.45, 11.05, 35.8], centroid: [10.8, 35.62] },
  "TN-53": { box: [10.2, 35.05, 11.15, 35.6], centroid: [10.7, 35.3] },
  "TN-61": { box: [9.75, 34.2, 11.4, 35.25], centroid: [10.4, 34.75] },
  "TN-71": { box: [7.95, 34.05, 9.55, 34.8], centroid: [8.8, 34.4] },
  "TN-72": { box: [7.52, 33.55, 8.6, 34.25], centroid: [8.05, 33.95] },
  "TN-73": { box: [7.8, 32.4, 9.8, 33.95], centroid: [8.8, 33.2] },
  "TN-81": { box: [9.4, 33.3, 10.5, 34.4], centroid: [9.9, 33.85] },
  "TN-82": { box: [10.0, 32.7, 11.6, 33.95], centroid: [10.8, 33.35] },
  "TN-83": { box: [9.0, 30.23, 11.05, 33.15], centroid: [9.9, 31.8] },
};

/** Every governorate with its name in the three languages and its geometry, in code order. */
export const GOVERNORATE_PLACES = GOVERNORATES.map((g) => {
  const geometry = GEOMETRY[g.code];
  if (!geometry) throw new Error(`no geometry for governorate ${g.code}`);
  return { ...g, ...geometry };
});

/** WKT, as DCAT-AP's dcat:bbox and dcat:centroid take it (GeoSPARQL wktLiteral). */
export const wktBox = ([w, s, e, n]: Box) => `POLYGON((${w} ${s},${e} ${s},${e} ${n},${w} ${n},${w} ${s}))`;
export const wktPoint = ([lon, lat]: Point) => `POINT(${lon} ${lat})`;
