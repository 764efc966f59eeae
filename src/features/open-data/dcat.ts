import { DataFactory, type Quad, type Quad_Object, type Quad_Subject, Writer } from "n3";
import type { DataTheme } from "../../core/features/contracts.js";
import { LOCALES, type Locale } from "../../core/i18n/localized.js";
import { type Box, type Point, wktBox, wktPoint } from "./places.js";

/**
 * The open-data catalogue as DCAT-AP 3.0: one set of RDF statements, written as Turtle (n3) and
 * as JSON-LD (a flat graph of the same statements), so both say exactly the same thing.
 */

const { namedNode, literal, blankNode, quad } = DataFactory;

export const PREFIXES = {
  dcat: "http://www.w3.org/ns/dcat#",
  dcatap: "http://data.europa.eu/r5r/",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  gsp: "http://www.opengis.net/ont/geosparql#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
} as const;

const iri = (prefixed: `${keyof typeof PREFIXES}:${string}`) => {
  const [prefix, local] = prefixed.split(":") as [keyof typeof PREFIXES, string];
  return namedNode(`${PREFIXES[prefix]}${local}`);
};
const AUTHORITY = "http://publications.europa.eu/resource/authority/";
const IANA = "https://www.iana.org/assignments/media-types/";
const OPENAPI = "https://spec.openapis.org/oas/v3.1.0";

/**
 * The concepts of controlled vocabularies the catalogue uses, with their labels as the vocabularies
 * publish them (DCAT-AP asks every skos:Concept for a label).
 */
const CONCEPTS = {
  [`${AUTHORITY}data-theme/GOVE`]: {
    en: "Government and public sector",
    fr: "Gouvernement et secteur public",
  },
  [`${AUTHORITY}data-theme/SOCI`]: { en: "Population and society", fr: "Population et société" },
  [`${AUTHORITY}data-theme/ECON`]: { en: "Economy and finance", fr: "Économie et finances" },
  [`${AUTHORITY}planned-availability/STABLE`]: { en: "Stable", fr: "Stable" },
  "http://purl.org/adms/publishertype/NationalAuthority": { en: "National authority" },
  "http://purl.org/adms/licencetype/Attribution": { en: "Attribution" },
  "http://purl.org/adms/licencetype/ShareAlike": { en: "Share alike" },
  "http://purl.org/adms/licencetype/PublicDomain": { en: "Public domain" },
  "http://purl.org/adms/licencetype/NonCommercialUse": { en: "Non-commercial use only" },
  "http://purl.org/adms/licencetype/NoDerivativeWork": { en: "No derivative work" },
} as const satisfies Record<string, Partial<Record<Locale, string>>>;
type Concept = keyof typeof CONCEPTS;

/**
 * The ADMS licence types of a Creative Commons or Open Data Commons licence, from its URL (none
 * for a licence it does not know: the catalogue then says nothing rather than something wrong).
 */
export function licenceTypes(url: string): Concept[] {
  const type = (name: string): Concept => `http://purl.org/adms/licencetype/${name}` as Concept;
  if (/creativecommons\.org\/publicdomain\/zero|opendatacommons\.org\/licenses\/pddl/.test(url))
    return [type("PublicDomain")];
  if (/opendatacommons\.org\/licenses\/odbl/.test(url)) return [type("Attribution"), type("ShareAlike")];
  if (/opendatacommons\.org\/licenses\/by/.test(url)) return [type("Attribution")];
  const cc = /creativecommons\.org\/licenses\/(by(?:-[a-z]{2})*)\//.exec(url);
  if (!cc) return [];
  const parts = cc[1]!.split("-");
  const types: Concept[] = [type("Attribution")];
  if (parts.includes("nc")) types.push(type("NonCommercialUse"));
  if (parts.includes("nd")) types.push(type("NoDerivativeWork"));
  if (parts.includes("sa")) types.push(type("ShareAlike"));
  return types;
}

/** Text in each language, as the catalogue's titles and descriptions are. */
export type Texts = Record<Locale, string>;

export interface CataloguePlace {
  uri: string;
  /** Its ISO 3166 code ("TN", "TN-11"). */
  code: string;
  name: Texts;
  box: Box;
  centroid: Point;
}

export interface CatalogueDataset {
  id: string;
  title: Texts;
  description: Texts;
  keywords: Record<Locale, string[]>;
  theme: DataTheme;
  frequency: string;
  modified: Date | null;
  /** The days its rows span. */
  temporal: { start: Date; end: Date };
  /** Its downloads, one per format. */
  downloads: Array<{ format: "csv" | "json"; url: string; description: Texts }>;
  /** The API endpoint serving it, when there is one. */
  apiUrl?: string;
}

export interface CatalogueInput {
  url: string;
  title: Texts;
  description: Texts;
  publisher: Texts;
  homepage: string;
  /** The page where people reach the publisher (the catalogue's contact point). */
  contactUrl: string;
  licence: string;
  issued: Date;
  modified: Date;
  /** The country, covered by the catalogue, and its governorates, covered by every dataset too. */
  country: CataloguePlace;
  governorates: CataloguePlace[];
  api: { url: string; docs: string; title: Texts; keywords: Record<Locale, string[]> };
  datasets: CatalogueDataset[];
}

const day = (date: Date) => literal(date.toISOString().slice(0, 10), iri("xsd:date"));
const dateTime = (date: Date) => literal(date.toISOString(), iri("xsd:dateTime"));

export function catalogueQuads(input: CatalogueInput): Quad[] {
  const quads: Quad[] = [];
  const add = (s: Quad_Subject, p: ReturnType<typeof iri>, o: Quad_Object) => quads.push(quad(s, p, o));
  const texts = (s: Quad_Subject, p: ReturnType<typeof iri>, t: Partial<Texts>) => {
    for (const l of LOCALES) if (t[l] !== undefined) add(s, p, literal(t[l], l));
  };
  const keywords = (s: Quad_Subject, k: Record<Locale, string[]>) => {
    for (const l of LOCALES) for (const word of k[l]) add(s, iri("dcat:keyword"), literal(word, l));
  };
  const type = (s: Quad_Subject, c: ReturnType<typeof iri>) => add(s, iri("rdf:type"), c);
  const described = new Set<string>();
  const concept = (uri: Concept) => {
    const node = namedNode(uri);
    if (!described.has(uri)) {
      described.add(uri);
      type(node, iri("skos:Concept"));
      texts(node, iri("skos:prefLabel"), CONCEPTS[uri]);
    }
    return node;
  };

  const catalogue = namedNode(input.url);
  const publisher = namedNode(`${input.homepage}#publisher`);
  const licence = namedNode(input.licence);
  type(catalogue, iri("dcat:Catalog"));
  texts(catalogue, iri("dct:title"), input.title);
  texts(catalogue, iri("dct:description"), input.description);
  add(catalogue, iri("dct:publisher"), publisher);
  const homepage = namedNode(input.homepage);
  add(catalogue, iri("foaf:homepage"), homepage);
  type(homepage, iri("foaf:Document"));
  add(catalogue, iri("dct:license"), licence);
  add(catalogue, iri("dct:issued"), day(input.issued));
  add(catalogue, iri("dct:modified"), dateTime(input.modified));
  for (const code of ["ARA", "FRA", "ENG"]) {
    const language = namedNode(`${AUTHORITY}language/${code}`);
    add(catalogue, iri("dct:language"), language);
    type(language, iri("dct:LinguisticSystem"));
  }
  const themes = namedNode(`${AUTHORITY}data-theme`);
  add(catalogue, iri("dcat:themeTaxonomy"), themes);
  type(themes, iri("skos:ConceptScheme"));
  texts(themes, iri("dct:title"), { en: "Data theme", fr: "Thème des données" });
  type(publisher, iri("foaf:Agent"));
  texts(publisher, iri("foaf:name"), input.publisher);
  add(publisher, iri("dct:type"), concept("http://purl.org/adms/publishertype/NationalAuthority"));
  type(licence, iri("dct:LicenseDocument"));
  for (const t of licenceTypes(input.licence)) add(licence, iri("dct:type"), concept(t));

  const contact = namedNode(`${input.homepage}#contact`);
  type(contact, iri("vcard:Kind"));
  texts(contact, iri("vcard:fn"), input.publisher);
  add(contact, iri("vcard:hasURL"), namedNode(input.contactUrl));

  const places = [input.country, ...input.governorates].map((place) => {
    const node = namedNode(place.uri);
    type(node, iri("dct:Location"));
    add(node, iri("dct:identifier"), literal(place.code));
    texts(node, iri("skos:prefLabel"), place.name);
    add(node, iri("dcat:bbox"), literal(wktBox(place.box), iri("gsp:wktLiteral")));
    add(node, iri("dcat:centroid"), literal(wktPoint(place.centroid), iri("gsp:wktLiteral")));
    return node;
  });
  add(catalogue, iri("dct:spatial"), places[0]!);

  const service = namedNode(input.api.url);
  type(service, iri("dcat:DataService"));
  texts(service, iri("dct:title"), input.api.title);
  add(service, iri("dcat:endpointURL"), namedNode(input.api.url));
  add(service, iri("dcat:endpointDescription"), namedNode(input.api.docs));
  add(service, iri("dct:license"), licence);
  add(service, iri("dct:publisher"), publisher);
  add(service, iri("dcat:contactPoint"), contact);
  add(service, iri("dcat:theme"), concept(`${AUTHORITY}data-theme/GOVE`));
  keywords(service, input.api.keywords);
  const openapi = namedNode(OPENAPI);
  add(service, iri("dct:conformsTo"), openapi);
  type(openapi, iri("dct:Standard"));
  add(catalogue, iri("dcat:service"), service);

  for (const d of input.datasets) {
    const dataset = namedNode(`${input.url}#${d.id}`);
    add(catalogue, iri("dcat:dataset"), dataset);
    type(dataset, iri("dcat:Dataset"));
    add(dataset, iri("dct:identifier"), literal(d.id));
    texts(dataset, iri("dct:title"), d.title);
    texts(dataset, iri("dct:description"), d.description);
    keywords(dataset, d.keywords);
    add(dataset, iri("dcat:theme"), concept(`${AUTHORITY}data-theme/${d.theme}`));
    add(dataset, iri("dct:publisher"), publisher);
    add(dataset, iri("dcat:contactPoint"), contact);
    for (const place of places) add(dataset, iri("dct:spatial"), place);
    const period = blankNode(`period-${d.id}`);
    add(dataset, iri("dct:temporal"), period);
    type(period, iri("dct:PeriodOfTime"));
    add(period, iri("dcat:startDate"), day(d.temporal.start));
    add(period, iri("dcat:endDate"), day(d.temporal.end));
    const frequency = namedNode(`${AUTHORITY}frequency/${d.frequency}`);
    add(dataset, iri("dct:accrualPeriodicity"), frequency);
    type(frequency, iri("dct:Frequency"));
    if (d.modified) add(dataset, iri("dct:modified"), dateTime(d.modified));
    if (d.apiUrl) add(service, iri("dcat:servesDataset"), dataset);
    for (const { format, url, description } of d.downloads) {
      const distribution = namedNode(url);
      add(dataset, iri("dcat:distribution"), distribution);
      type(distribution, iri("dcat:Distribution"));
      texts(distribution, iri("dct:title"), {
        ar: `${d.title.ar} (${format.toUpperCase()})`,
        fr: `${d.title.fr} (${format.toUpperCase()})`,
        en: `${d.title.en} (${format.toUpperCase()})`,
      });
      texts(distribution, iri("dct:description"), description);
      add(distribution, iri("dcat:accessURL"), namedNode(url));
      add(distribution, iri("dcat:downloadURL"), namedNode(url));
      add(distribution, iri("dct:license"), licence);
      add(distribution, iri("dcatap:availability"), concept(`${AUTHORITY}planned-availability/STABLE`));
      const fileType = namedNode(`${AUTHORITY}file-type/${format.toUpperCase()}`);
      add(distribution, iri("dct:format"), fileType);
      type(fileType, iri("dct:MediaTypeOrExtent"));
      const mediaType = namedNode(`${IANA}${format === "csv" ? "text/csv" : "application/json"}`);
      add(distribution, iri("dcat:mediaType"), mediaType);
      type(mediaType, iri("dct:MediaType"));
      if (d.modified) add(distribution, iri("dct:modified"), dateTime(d.modified));
    }
  }
  return quads;
}

export function toTurtle(quads: Quad[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const writer = new Writer({ prefixes: PREFIXES });
    writer.addQuads(quads);
    writer.end((error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** The same statements as a JSON-LD flat graph, compact IRIs through the prefixes. */
export function toJsonLd(quads: Quad[]): object {
  const compact = (value: string) => {
    for (const [prefix, base] of Object.entries(PREFIXES)) {
      if (value.startsWith(base)) return `${prefix}:${value.slice(base.length)}`;
    }
    return value;
  };
  const id = (term: Quad_Subject | Quad_Object) =>
    term.termType === "BlankNode" ? `_:${term.value}` : term.value;
  const nodes = new Map<string, Record<string, unknown>>();
  for (const q of quads) {
    const key = id(q.subject);
    const node = nodes.get(key) ?? { "@id": key };
    nodes.set(key, node);
    const predicate = q.predicate.value === `${PREFIXES.rdf}type` ? "@type" : compact(q.predicate.value);
    const object = q.object;
    const value =
      predicate === "@type"
        ? compact(object.value)
        : object.termType === "Literal"
          ? object.language
            ? { "@value": object.value, "@language": object.language }
            : { "@value": object.value, "@type": compact(object.datatype.value) }
          : { "@id": id(object) };
    node[predicate] = [...((node[predicate] as unknown[] | undefined) ?? []), value];
  }
  return { "@context": PREFIXES, "@graph": [...nodes.values()] };
}
