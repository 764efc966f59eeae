import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { opinionMapCommand } from "./opinion-map.js";

const dir = await mkdtemp(join(tmpdir(), "sharek-opinion-map-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

function capture() {
  const text = { stdout: "", stderr: "" };
  const stream = (key: keyof typeof text) =>
    new Writable({
      write(chunk, _encoding, done) {
        text[key] += String(chunk);
        done();
      },
    });
  return { text, out: { stdout: stream("stdout"), stderr: stream("stderr") } };
}

const FIXTURE = "test/fixtures/polis";

describe("npm run cli -- opinion-map import", () => {
  it("computes the groups of a Pol.is export and writes participants.csv and statements.csv", async () => {
    const { text, out } = capture();
    const args = [
      "import",
      "--votes",
      `${FIXTURE}/votes.csv`,
      "--comments",
      `${FIXTURE}/comments.csv`,
      "--out",
      dir,
    ];
    expect(await opinionMapCommand(args, out)).toBe(0);
    expect(text.stdout).toContain("11 participants (10 counted in the map), 8 statements, 2 groups");
    // voters 1–5 agree with comments 0–3 and disagree with 4–7, voters 6–10 the opposite; voter 11
    // voted on 3 statements only (fewer than 7), so has no group.
    expect(await readFile(join(dir, "participants.csv"), "utf8")).toBe(
      "participant,group-id\n1,0\n2,0\n3,0\n4,0\n5,0\n6,1\n7,1\n8,1\n9,1\n10,1\n11,\n",
    );
    const lines = (await readFile(join(dir, "statements.csv"), "utf8")).trim().split("\n");
    expect(lines[0]).toBe("comment-id,group-aware-consensus,repness-0,repful-0,repness-1,repful-1");
    // the moderated comment 8 is left out
    expect(lines.map((l) => l.split(",")[0])).toEqual(["comment-id", "0", "1", "2", "3", "4", "5", "6", "7"]);
    const [id, consensus, repness0, side0, , side1] = (lines[1] as string).split(",");
    expect(id).toBe("0");
    // group 0: 5 agrees of 5 (voter 1's later vote wins), group 1: 0 of 5 → (6/7)·(1/7)
    expect(Math.abs(Number(consensus) - 6 / 49)).toBeLessThan(1e-9);
    expect([side0, side1]).toEqual(["agree", "disagree"]);
    // pa = 6/7, pat = 2√6(6/6 − 0.5), ra = (6/7)/(1/7) = 6, rat = (1 − 1/6)/√(7/12·5/12·(1/6 + 1/6))
    const rat = (1 - 1 / 6) / Math.sqrt((7 / 12) * (5 / 12) * (1 / 3));
    expect(Math.abs(Number(repness0) - 6 * rat * (6 / 7) * Math.sqrt(6))).toBeLessThan(1e-9);
  });

  it("says what is wrong with the command line or the files, and exits with 1", async () => {
    const usage = capture();
    expect(await opinionMapCommand(["import", "--votes", "v.csv"], usage.out)).toBe(1);
    expect(usage.text.stderr).toContain("Usage: npm run cli -- opinion-map import");
    const missing = capture();
    const args = [
      "import",
      "--votes",
      `${FIXTURE}/none.csv`,
      "--comments",
      `${FIXTURE}/comments.csv`,
      "--out",
      dir,
    ];
    expect(await opinionMapCommand(args, missing.out)).toBe(1);
    expect(missing.text.stderr).toContain("no such file");
    const bad = join(dir, "bad-votes.csv");
    await writeFile(bad, "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,2\n");
    const wrong = capture();
    expect(
      await opinionMapCommand(
        ["import", "--votes", bad, "--comments", `${FIXTURE}/comments.csv`, "--out", dir],
        wrong.out,
      ),
    ).toBe(1);
    expect(wrong.text.stderr).toContain("line 2: vote must be 1, -1 or 0, not 2");
    const columns = join(dir, "no-columns.csv");
    await writeFile(columns, "when,comment,who\n1,0,1\n");
    const noColumns = capture();
    expect(
      await opinionMapCommand(
        ["import", "--votes", columns, "--comments", `${FIXTURE}/comments.csv`, "--out", dir],
        noColumns.out,
      ),
    ).toBe(1);
    expect(noColumns.text.stderr).toContain(
      "missing column(s) timestamp, datetime, comment-id, voter-id, vote",
    );
  });
});
