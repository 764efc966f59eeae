import { describe, expect, it } from "vitest";
import { findDeadlinePolicy } from "../queries.js";
import { auditOf, commandTestDb, structureId } from "../testing/database.js";
import { NATIONAL, setDeadlinePolicy } from "./set-deadline-policy.js";

const db = await commandTestDb();
const tunis = await structureId(db, "gov-tn-11");
const ariana = await structureId(db, "gov-tn-12");

describe("setDeadlinePolicy", () => {
  it("gives one structure its own deadline, leaving the others on the national default", async () => {
    const result = await setDeadlinePolicy(
      db,
      {
        caseType: "complaint",
        structure: tunis,
        workingDays: "10",
        pauseAllowed: "no",
        legalBasisFr: "Circulaire",
      },
      {},
    );
    expect(result).toMatchObject({ ok: true, value: { structureId: tunis } });
    expect(await findDeadlinePolicy(db, "complaint", tunis)).toMatchObject({
      workingDays: 10,
      pauseAllowed: false,
      legalBasis: { fr: "Circulaire" },
      source: "structure",
    });
    expect(await findDeadlinePolicy(db, "complaint", ariana)).toMatchObject({
      workingDays: 14,
      source: "national",
    });
    if (!result.ok) return;
    const [event] = await auditOf(db, "deadline_policy.update", result.value.id);
    expect(event).toMatchObject({
      structureId: tunis,
      details: {
        caseType: "complaint",
        scope: "structure",
        workingDays: 10,
        pauseAllowed: false,
        before: null,
      },
    });
  });

  it("replaces a structure's deadline instead of adding a second one", async () => {
    const first = await setDeadlinePolicy(
      db,
      { caseType: "guidance", structure: tunis, workingDays: "5", pauseAllowed: "yes" },
      {},
    );
    const second = await setDeadlinePolicy(
      db,
      { caseType: "guidance", structure: tunis, workingDays: "6", pauseAllowed: "yes" },
      {},
    );
    expect(first.ok && second.ok && first.value.id === second.value.id).toBe(true);
    expect(await findDeadlinePolicy(db, "guidance", tunis)).toMatchObject({
      workingDays: 6,
      legalBasis: null,
    });
    if (!second.ok) return;
    const events = await auditOf(db, "deadline_policy.update", second.value.id);
    expect(events.map((e) => (e.details as { before: unknown }).before)).toContainEqual({
      workingDays: 5,
      pauseAllowed: true,
    });
  });

  it("changes a national default for every structure without an override", async () => {
    const result = await setDeadlinePolicy(
      db,
      { caseType: "suggestion", structure: NATIONAL, workingDays: "٢٥", pauseAllowed: "yes" },
      {},
    );
    expect(result).toMatchObject({ ok: true, value: { structureId: null } });
    expect(await findDeadlinePolicy(db, "suggestion", ariana)).toMatchObject({
      workingDays: 25,
      source: "national",
    });
  });

  it("never gives a structure more time than a national deadline that rests on a text", async () => {
    const national = { caseType: "suggestion", structure: NATIONAL, workingDays: "30", pauseAllowed: "yes" };
    expect((await setDeadlinePolicy(db, { ...national, legalBasisFr: "Décret de 2026" }, {})).ok).toBe(true);
    expect(
      await setDeadlinePolicy(
        db,
        { caseType: "suggestion", structure: tunis, workingDays: "31", pauseAllowed: "no" },
        {},
      ),
    ).toEqual({
      ok: false,
      errors: { workingDays: { key: "calendar.errors.beyondLegal", values: { max: 30 } } },
    });
    expect(
      (
        await setDeadlinePolicy(
          db,
          { caseType: "suggestion", structure: tunis, workingDays: "15", pauseAllowed: "no" },
          {},
        )
      ).ok,
    ).toBe(true);
  });

  it("refuses to set the deadline of access-to-information requests: the law fixes it in days", async () => {
    for (const structure of [NATIONAL, tunis]) {
      expect(
        await setDeadlinePolicy(
          db,
          { caseType: "information", structure, workingDays: "15", pauseAllowed: "no" },
          {},
        ),
      ).toEqual({
        ok: false,
        errors: { caseType: { key: "calendar.errors.fixedByLaw", values: { article: 14 } } },
      });
    }
  });

  it("says what is wrong with each field, including a forged structure id, and stores nothing", async () => {
    const result = await setDeadlinePolicy(
      db,
      {
        caseType: "petition",
        structure: "00000000-0000-0000-0000-000000000000",
        workingDays: "91",
        legalBasisAr: "x".repeat(1001),
      },
      {},
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        caseType: { key: "calendar.errors.caseType" },
        structure: { key: "calendar.errors.structure" },
        workingDays: { key: "calendar.errors.workingDays", values: { min: 1, max: 90 } },
        pauseAllowed: { key: "calendar.errors.pauseAllowed" },
        legalBasisAr: { key: "calendar.errors.legalBasisLong", values: { lang: "ar", max: 1000 } },
      },
    });
    expect(
      await setDeadlinePolicy(
        db,
        { caseType: "notice", structure: "not-a-uuid", workingDays: "0", pauseAllowed: "yes" },
        {},
      ),
    ).toMatchObject({
      ok: false,
      errors: { structure: {}, workingDays: {} },
    });
    expect(await findDeadlinePolicy(db, "notice", ariana)).toMatchObject({ workingDays: 14 });
  });
});
