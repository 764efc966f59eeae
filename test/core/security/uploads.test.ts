import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { submitIdeaAs } from "../../../src/features/ideas/testing.js";
import { signedInAgent } from "../../accounts.js";
import { createTestApp } from "../../app.js";
import { multipart } from "../../multipart.js";

const testApp = await createTestApp({ env: { UPLOAD_CONCURRENCY: "1" } });
const { app, database } = testApp;

const BOUNDARY = "----sharek-upload-test";
const field = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;

/**
 * A multipart body that a slow (or hostile) client is still sending: `head` first, then nothing
 * until finish() is called. `started` resolves once the server begins to read it.
 */
function slowBody(head: string) {
  let begun = false;
  let started!: () => void;
  const body = new Readable({
    read() {
      if (begun) return;
      begun = true;
      this.push(Buffer.concat([Buffer.from(head), Buffer.alloc(64 * 1024, 1)]));
      started();
    },
  });
  return {
    body,
    started: new Promise<void>((resolve) => {
      started = resolve;
    }),
    finish: () => {
      body.push(`\r\n--${BOUNDARY}--\r\n`);
      body.push(null);
    },
  };
}

async function signedIn() {
  const { agent } = await signedInAgent(app, database);
  const token = (await agent.get("/__test/csrf")).json().token as string;
  return { agent, token };
}

function postSlow(url: string, cookie: string, body: Readable) {
  return app.inject({
    method: "POST",
    url,
    headers: { cookie, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    payload: body,
  });
}

describe("multipart bodies", () => {
  it("are refused (415, translated) unread by a route that takes no upload", async () => {
    const { agent, token } = await signedIn();
    // The body never ends: an answer at all shows it was not read.
    const upload = slowBody(field("_csrf", token) + fileHead("attachments"));
    const response = await postSlow("/fr/sign-out", agent.cookieHeader(), upload.body);
    expect(response.statusCode).toBe(415);
    expect(response.body).toContain("Ce type de contenu n’est pas accepté ici.");
    upload.body.destroy();
  });

  it("are refused (403) before any file is read when the CSRF token is missing or wrong", async () => {
    const { agent } = await signedIn();
    for (const head of [fileHead("image"), field("_csrf", "forged-token") + fileHead("image")]) {
      const upload = slowBody(field("title", "An idea") + head);
      const response = await postSlow("/en/ideas", agent.cookieHeader(), upload.body);
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain("The form has expired");
      upload.body.destroy();
    }
  });

  it("keep a route's own limits: a larger file gets the form's translated error, too many files a 413 page", async () => {
    const { agent } = await signedInAgent(app, database);
    const fields = { title: "Shade over the bus stop", description: "x".repeat(40), structure: "mun-tn-11" };
    const large = {
      name: "image",
      filename: "big.jpg",
      type: "image/jpeg",
      data: Buffer.alloc(5 * 1024 * 1024 + 1),
    };
    const tooLarge = await submitIdeaAs(testApp, agent, fields, [large]);
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.body).toContain("The image is larger than 5 MB.");

    const small = { ...large, data: Buffer.from("tiny") };
    const two = await submitIdeaAs(testApp, agent, fields, [small, small]);
    expect(two.statusCode).toBe(422);
    expect(two.body).toContain("Join one image at most.");
    const three = await submitIdeaAs(testApp, agent, fields, [small, small, small]);
    expect(three.statusCode).toBe(413);
    expect(three.body).toContain("larger than allowed");
  });

  it("with files are read UPLOAD_CONCURRENCY at a time; one more gets a translated 503 'try again', at once", async () => {
    const { agent, token } = await signedIn();
    const cookie = agent.cookieHeader();
    const first = slowBody(field("_csrf", token) + fileHead("image"));
    const pending = postSlow("/en/ideas", cookie, first.body);
    await first.started;

    const { payload, contentType } = multipart({ _csrf: token, title: "Another idea" }, [
      { name: "image", filename: "p.jpg", type: "image/jpeg", data: Buffer.from("tiny") },
    ]);
    const another = () =>
      app.inject({
        method: "POST",
        url: "/ar/ideas",
        headers: { cookie, "content-type": contentType },
        payload,
      });
    // The first upload takes its slot once its file begins; until then another one may still pass.
    let busy = await another();
    for (let tries = 0; busy.statusCode !== 503 && tries < 20; tries++) busy = await another();
    expect(busy.statusCode).toBe(503);
    expect(busy.headers["retry-after"]).toBe("30");
    expect(busy.body).toContain("عدد كبير من الملفات بصدد الإرسال");
    // A form without a file needs no slot.
    const noFile = multipart({ _csrf: token, title: "Another idea" });
    const withoutFile = await app.inject({
      method: "POST",
      url: "/en/ideas",
      headers: { cookie, "content-type": noFile.contentType },
      payload: noFile.payload,
    });
    expect(withoutFile.statusCode).toBe(422);

    first.finish();
    expect((await pending).statusCode).toBe(422);
    // The slot is free again.
    expect((await another()).statusCode).toBe(422);
  });
});
