import { describe, expect, it } from "vitest";
import type { FieldErrors } from "../../../core/forms.js";
import {
  canonicalContact,
  isWebsite,
  parseDetails,
  parseNames,
  sameContact,
  sameLocalized,
} from "./structure-fields.js";

describe("structure fields", () => {
  it("keep the names given, trimmed, and require at least one", () => {
    const errors: FieldErrors = {};
    expect(parseNames({ nameAr: "  بلدية صفاقس ", nameFr: "", nameEn: undefined }, errors)).toEqual({
      ar: "بلدية صفاقس",
    });
    expect(errors).toEqual({});
    const none: FieldErrors = {};
    parseNames({ nameAr: " ", nameFr: "" }, none);
    expect(none.nameAr?.key).toBe("structures.errors.nameRequired");
  });

  it("count characters, not bytes, against the limits", () => {
    const ok: FieldErrors = {};
    parseNames({ nameAr: "ب".repeat(200) }, ok);
    expect(ok).toEqual({});
    const long: FieldErrors = {};
    parseNames({ nameFr: "x".repeat(201) }, long);
    expect(long.nameFr).toEqual({ key: "structures.errors.nameTooLong", values: { max: 200 } });
  });

  it("normalise phone numbers to E.164 and emails to lowercase, and check web addresses", () => {
    const errors: FieldErrors = {};
    const { contact } = parseDetails(
      {
        phone: "71 000 011",
        email: " Contact@Tunis.Example.TN ",
        website: "https://tunis.example.tn/",
        addressFr: "Place de la Kasbah",
      },
      errors,
    );
    expect(errors).toEqual({});
    expect(contact).toEqual({
      address: { fr: "Place de la Kasbah" },
      phone: "+21671000011",
      email: "contact@tunis.example.tn",
      website: "https://tunis.example.tn/",
    });
    const bad: FieldErrors = {};
    parseDetails({ phone: "12", email: "a@b", website: "javascript:alert(1)" }, bad);
    expect(Object.keys(bad).sort()).toEqual(["email", "phone", "website"]);
  });

  it("accept only http(s) web addresses with a host", () => {
    expect(isWebsite("http://www.pm.gov.tn")).toBe(true);
    expect(isWebsite("ftp://example.tn")).toBe(false);
    expect(isWebsite("https://localhost")).toBe(false);
    expect(isWebsite("https://exa mple.tn")).toBe(false);
    expect(isWebsite(`https://example.tn/${"a".repeat(300)}`)).toBe(false);
  });

  it("compare texts and contacts whatever their key order or empty parts", () => {
    expect(sameLocalized({ ar: "أ", fr: "" }, { ar: "أ" })).toBe(true);
    expect(sameLocalized({ ar: "أ" }, { ar: "ب" })).toBe(false);
    expect(
      sameContact(
        { website: "https://a.tn", phone: "+21671000000" },
        { phone: "+21671000000", website: "https://a.tn" },
      ),
    ).toBe(true);
    expect(canonicalContact({ address: {} })).toEqual({});
  });
});
