import { createReadStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  PolisFileError,
  participantsCsv,
  readPolisConversation,
  statementsCsv,
} from "../src/features/opinion-map/polis-import.js";

const USAGE = "Usage: npm run cli -- opinion-map import --votes votes.csv --comments comments.csv --out DIR";

interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `opinion-map import`: computes the opinion map of a Pol.is openData export and writes
 * participants.csv and statements.csv to DIR. Returns the exit code (1 on a bad command or file).
 */
export async function opinionMapCommand(
  args: string[],
  out: Output = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let options: { votes?: string; comments?: string; out?: string };
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { votes: { type: "string" }, comments: { type: "string" }, out: { type: "string" } },
    });
    if (parsed.positionals.join(" ") !== "import") throw new Error("expected the subcommand import");
    options = parsed.values;
  } catch {
    out.stderr.write(`${USAGE}\n`);
    return 1;
  }
  if (!options.votes || !options.comments || !options.out) {
    out.stderr.write(`${USAGE}\n`);
    return 1;
  }
  try {
    const conversation = await readPolisConversation(
      { file: options.comments, open: () => createReadStream(options.comments as string) },
      { file: options.votes, open: () => createReadStream(options.votes as string) },
    );
    await mkdir(options.out, { recursive: true });
    await writeFile(join(options.out, "participants.csv"), participantsCsv(conversation));
    await writeFile(join(options.out, "statements.csv"), statementsCsv(conversation));
    const { result } = conversation;
    out.stdout.write(
      `${conversation.voters.length} participants (${result.included.length} counted in the map), ` +
        `${conversation.comments.length} statements, ${result.groups.length} groups; wrote participants.csv and statements.csv to ${options.out}\n`,
    );
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof PolisFileError) out.stderr.write(`${error.message}\n`);
    else if (code === "ENOENT") out.stderr.write(`${(error as Error).message.replace(/^ENOENT: /, "")}\n`);
    else if ((error as { code?: string }).code?.startsWith("CSV_"))
      out.stderr.write(`${(error as Error).message}\n`);
    else throw error;
    return 1;
  }
}
