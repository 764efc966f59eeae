import { describe, expect, it } from "vitest";
import { signedInAgent, TEST_PASSWORD } from "../../../test/accounts.js";
import { mailsTo } from "../../../test/mail.js";
import { multipart } from "../../../test/multipart.js";
import { staffPeople, staffTestApp } from "./workspace/testing.js";

const testApp = await staffTestApp();
const { app, database } = testApp;
const people = await staffPeople(testApp);

describe("deleting an account that filed requests", () => {
  it.each(["remove", "anonymise"])(
    "(%s) keeps the request for the records, without the person's name, address or phone, and mails them no more",
    async (mode) => {
      const email = `hedi.${mode}.${Date.now()}@example.tn`;
      const { agent } = await signedInAgent(app, database, { email, displayName: "Hédi Trabelsi" });
      const page = await agent.get("/en/requests/new?type=complaint&structure=gov-tn-11");
      const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(page.body)![1]!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const subject = `Water cut in my street (${mode})`;
      const { payload, contentType } = multipart({
        type: "complaint",
        structure: "gov-tn-11",
        subject,
        description:
          "There has been no running water in our street for three days now, since the works began.",
        contactPhone: "22 333 444",
        submissionKey,
        _csrf: csrf,
      });
      const filed = await app.inject({
        method: "POST",
        url: "/en/requests",
        headers: { cookie: agent.cookieHeader(), "content-type": contentType },
        payload,
      });
      expect(filed.statusCode).toBe(303);
      const [before] = await database.query<{ id: string; contact_email: string; contact_phone: string }>(
        "select id, contact_email, contact_phone from cases where subject = $1",
        [subject],
      );
      expect(before).toMatchObject({ contact_email: email, contact_phone: "+21622333444" });
      // The acknowledgement was queued for them.
      expect((await mailsTo(database, email)).length).toBeGreaterThan(0);

      expect((await agent.post("/en/account/delete", { mode, confirm: TEST_PASSWORD })).statusCode).toBe(303);
      // The outbox forgets every mail to them (accounts' erasure), so none is left …
      expect(await mailsTo(database, email)).toEqual([]);

      const [after] = await database.query<Record<string, unknown>>("select * from cases where id = $1", [
        before!.id,
      ]);
      expect(after).toMatchObject({ subject, contact_name: null, contact_email: null, contact_phone: null });
      const row = JSON.stringify(after);
      for (const detail of [email, "Hédi", "Trabelsi", "22333444"]) expect(row).not.toContain(detail);

      // The structure still answers it (for its records), but the answer goes nowhere.
      const reply = await people.agent.agent.post(`/en/staff/requests/${before!.id}/reply`, {
        body: "The water supply was restored this morning.",
      });
      expect(reply.statusCode).toBe(303);
      // … and none is added.
      expect(await mailsTo(database, email)).toEqual([]);
    },
  );
});
