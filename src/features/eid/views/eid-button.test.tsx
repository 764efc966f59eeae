import { describe, expect, it } from "vitest";
import { render } from "../../../core/views/components/test-helpers.js";
import { EidSignInButton } from "./eid-button.js";

describe("EidSignInButton", () => {
  it("links to the e-ID sign-in in the page's language, keeping where to go next", () => {
    const html = render(<EidSignInButton configured name="Mobile ID" next="/fr/requests?x=1" />, "fr");
    expect(html).toContain('href="/fr/sign-in/eid?next=%2Ffr%2Frequests%3Fx%3D1"');
    expect(html).toContain("Se connecter avec Mobile ID");
    expect(html).toContain("sh-button");
    expect(render(<EidSignInButton configured name="Mobile ID" />, "ar")).toContain("الدخول عبر Mobile ID");
  });

  it("shows nothing when no e-ID provider is configured", () => {
    expect(render(<EidSignInButton configured={false} name="e-ID" />, "en")).toBe("");
  });
});
