/**
 * Open311 documents, written once and serialised to XML or to JSON by the Spark convention that
 * GeoReport v2 and Service Discovery prescribe: the XML root disappears in JSON, an element holding
 * a list of same-named children (<services><service>…) becomes an array, an element with named
 * children an object, and an empty element null.
 */

export type Format = "xml" | "json";
export const FORMATS: readonly Format[] = ["xml", "json"];

/** The content types the specification names for each format (both in UTF-8). */
export const CONTENT_TYPES: Record<Format, string> = {
  xml: "text/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** What discovery lists as each format's MIME type. */
export const MIME_TYPES: Record<Format, string> = { xml: "text/xml", json: "application/json" };

export type Scalar = string | number | boolean | null;

/** An element whose children are all named `item` (XML), an array (JSON). */
export interface List {
  item: string;
  items: Array<Fields | Scalar>;
}

/** An element with named children (XML), an object (JSON). Key order is the XML order. */
export interface Fields {
  [name: string]: Scalar | List | Fields;
}

export interface Document {
  root: string;
  body: List | Fields;
}

export const list = (item: string, items: Array<Fields | Scalar>): List => ({ item, items });

function isList(value: unknown): value is List {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as List).items) &&
    typeof (value as List).item === "string"
  );
}

// Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF): dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };

/** Text as XML character data: markup characters escaped, carriage returns kept, forbidden characters dropped. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, "").replace(/[&<>\r]/g, (c) => ESCAPES[c]!);
}

function scalarText(value: Exclude<Scalar, null>): string {
  return typeof value === "string" ? xmlText(value) : String(value);
}

function xmlElement(name: string, value: Scalar | List | Fields, out: string[], depth: number): void {
  const pad = "  ".repeat(depth);
  if (value === null || value === "") {
    out.push(`${pad}<${name}/>`);
    return;
  }
  if (typeof value !== "object") {
    out.push(`${pad}<${name}>${scalarText(value)}</${name}>`);
    return;
  }
  const children = isList(value)
    ? value.items.map((item) => [value.item, item] as const)
    : Object.entries(value);
  if (children.length === 0) {
    out.push(`${pad}<${name}/>`);
    return;
  }
  out.push(`${pad}<${name}>`);
  for (const [child, childValue] of children) xmlElement(child, childValue, out, depth + 1);
  out.push(`${pad}</${name}>`);
}

export function toXml(document: Document): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  xmlElement(document.root, document.body, out, 0);
  return `${out.join("\n")}\n`;
}

function jsonValue(value: Scalar | List | Fields): unknown {
  if (value === null || typeof value !== "object") return value === "" ? null : value;
  if (isList(value)) return value.items.map(jsonValue);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
}

export function toJson(document: Document): string {
  return JSON.stringify(jsonValue(document.body));
}

export function serialise(document: Document, format: Format): string {
  return format === "xml" ? toXml(document) : toJson(document);
}
