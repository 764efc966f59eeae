import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { type Document, list, toJson, toXml, xmlText } from "./document.js";

const parse = (xml: string) =>
  new XMLParser({ parseTagValue: false, htmlEntities: true, trimValues: false }).parse(xml) as Record<
    string,
    unknown
  >;

describe("Open311 documents", () => {
  it("escape markup in text, keep carriage returns, and drop characters XML cannot carry", () => {
    expect(xmlText(`a & b <c> "d" 'e' ]]>`)).toBe(`a &amp; b &lt;c&gt; "d" 'e' ]]&gt;`);
    expect(xmlText("line\r\nnext")).toBe("line&#13;\nnext");
    expect(xmlText("bell\u0007 nul\u0000 lone\uD800 ok\uD83D\uDE00 \uFFFE")).toBe(
      "bell nul lone ok\uD83D\uDE00 ",
    );
    expect(xmlText("شارع الحبيب بورقيبة")).toBe("شارع الحبيب بورقيبة");
  });

  it("write lists as repeated elements in XML and as arrays in JSON (the Spark convention)", () => {
    const document: Document = {
      root: "services",
      body: list("service", [
        { service_code: "a.b", metadata: false, lat: 36.8, group: null, description: "</service><x>" },
        { service_code: "c.d", metadata: true, lat: -1.5, group: "G", description: "" },
      ]),
    };
    const xml = toXml(document);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services>')).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parse(xml) as { services: { service: Array<Record<string, string>> } };
    expect(parsed.services.service).toHaveLength(2);
    expect(parsed.services.service[0]).toMatchObject({
      description: "</service><x>",
      group: "",
      metadata: "false",
    });
    expect(JSON.parse(toJson(document))).toEqual([
      { service_code: "a.b", metadata: false, lat: 36.8, group: null, description: "</service><x>" },
      { service_code: "c.d", metadata: true, lat: -1.5, group: "G", description: null },
    ]);
  });

  it("write named children as an object in JSON, and an empty list as an empty element and []", () => {
    const document: Document = {
      root: "service_definition",
      body: { service_code: "a.b", attributes: list("attribute", []) },
    };
    expect(toXml(document)).toContain("<attributes/>");
    expect(JSON.parse(toJson(document))).toEqual({ service_code: "a.b", attributes: [] });
    expect(JSON.parse(toJson({ root: "errors", body: list("error", []) }))).toEqual([]);
  });

  it("produce valid JSON whatever the text holds", () => {
    const nasty = 'quote " backslash \\ newline \n nul \u0000 lone \uD800 \u2028';
    const json = toJson({ root: "r", body: list("i", [{ text: nasty }]) });
    expect(JSON.parse(json)).toEqual([{ text: nasty }]);
  });
});
