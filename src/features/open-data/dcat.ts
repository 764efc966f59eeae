import { DataFactory, type Quad, type Quad_Object, type Quad_Subject, Writer } from "n3";
import { LOCALES, type Locale } from "../../core/i18n/localized.js";

/**
 * The open-data catalogue as DCAT-AP 3.0: one set of RDF statements, written as Turtle (n3) and
 * as JSON-LD (a flat graph of the same statements), so both say exactly the same thing.
 */

const { namedNode, literal, blankNode, quad } = DataFactory;

export const PREFIXES = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
} as const;

const iri = (prefixed: `${keyof typeof PREFIXES}:${string}`) => {
  const [prefix, local] = prefixed.split(":") as [keyof typeof PREFIXES, string];
  return namedNode(`${PREFIXES[prefix]}${local}`);
};
const FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";
const FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
const IANA = "https://www.iana.org/assignments/media-types/";

/** Text in each language, as the catalogue's titles and descriptions are. */
export type Texts = Record<Locale, string>;

export interface CatalogueDataset {
  id: string;
  title: Texts;
  description: Texts;
  frequency: string;
  modified: Date | null;
  /** Download URLs by format. */
  downloads: { csv: string; json: string };
  /** The API endpoint serving it, when there is one. */
  apiUrl?: string;
}

export interface CatalogueInput {
  url: string;
  title: Texts;
  description: Texts;
  publisher: Texts;
  homepage: string;
  contactEmail?: string;
  licence: string;
  api: { url: string; docs: string; title: Texts };
  datasets: CatalogueDataset[];
}

export function catalogueQuads(input: CatalogueInput): Quad[] {
  const quads: Quad[] = [];
  const add = (s: Quad_Subject, p: ReturnType<typeof iri>, o: Quad_Object) => quads.push(quad(s, p, o));
  const texts = (s: Quad_Subject, p: ReturnType<typeof iri>, t: Texts) => {
    for (const l of LOCALES) add(s, p, literal(t[l], l));
  };
  const type = (s: Quad_Subject, c: ReturnType<typeof iri>) => add(s, iri("rdf:type"), c);

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
  type(publisher, iri("foaf:Agent"));
  texts(publisher, iri("foaf:name"), input.publisher);
  type(licence, iri("dct:LicenseDocument"));

  const service = namedNode(input.api.url);
  type(service, iri("dcat:DataService"));
  texts(service, iri("dct:title"), input.api.title);
  add(service, iri("dcat:endpointURL"), namedNode(input.api.url));
  add(service, iri("dcat:endpointDescription"), namedNode(input.api.docs));
  add(service, iri("dct:license"), licence);
  add(catalogue, iri("dcat:service"), service);

  for (const d of input.datasets) {
    const dataset = namedNode(`${input.url}#${d.id}`);
    add(catalogue, iri("dcat:dataset"), dataset);
    type(dataset, iri("dcat:Dataset"));
    add(dataset, iri("dct:identifier"), literal(d.id));
    texts(dataset, iri("dct:title"), d.title);
    texts(dataset, iri("dct:description"), d.description);
    add(dataset, iri("dct:publisher"), publisher);
    const frequency = namedNode(`${FREQUENCY}${d.frequency}`);
    add(dataset, iri("dct:accrualPeriodicity"), frequency);
    type(frequency, iri("dct:Frequency"));
    if (d.modified) add(dataset, iri("dct:modified"), literal(d.modified.toISOString(), iri("xsd:dateTime")));
    if (input.contactEmail) {
      const contact = blankNode(`contact-${d.id}`);
      add(dataset, iri("dcat:contactPoint"), contact);
      type(contact, iri("vcard:Kind"));
      add(contact, iri("vcard:hasEmail"), namedNode(`mailto:${input.contactEmail}`));
    }
    if (d.apiUrl) add(service, iri("dcat:servesDataset"), dataset);
    for (const [format, url] of Object.entries(d.downloads) as Array<["csv" | "json", string]>) {
      const distribution = namedNode(url);
      add(dataset, iri("dcat:distribution"), distribution);
      type(distribution, iri("dcat:Distribution"));
      texts(distribution, iri("dct:title"), {
        ar: `${d.title.ar} (${format.toUpperCase()})`,
        fr: `${d.title.fr} (${format.toUpperCase()})`,
        en: `${d.title.en} (${format.toUpperCase()})`,
      });
      add(distribution, iri("dcat:accessURL"), namedNode(url));
      add(distribution, iri("dcat:downloadURL"), namedNode(url));
      add(distribution, iri("dct:license"), licence);
      const fileType = namedNode(`${FILE_TYPE}${format.toUpperCase()}`);
      add(distribution, iri("dct:format"), fileType);
      type(fileType, iri("dct:MediaTypeOrExtent"));
      const mediaType = namedNode(`${IANA}${format === "csv" ? "text/csv" : "application/json"}`);
      add(distribution, iri("dcat:mediaType"), mediaType);
      type(mediaType, iri("dct:MediaType"));
      if (d.modified)
        add(distribution, iri("dct:modified"), literal(d.modified.toISOString(), iri("xsd:dateTime")));
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
