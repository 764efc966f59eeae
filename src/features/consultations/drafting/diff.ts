import { diffArrays } from "diff";

/** One run of a word-level comparison: text both versions share, or text removed or inserted. */
export interface DiffSegment {
  kind: "same" | "del" | "ins";
  text: string;
}

/**
 * Words with their combining marks (Arabic diacritics: fatha, shadda, sukun…; French accents written
 * as combining marks), digits, runs of white space, and each other character alone. jsdiff's
 * diffWords counts only Latin letters as word characters, so it cuts an Arabic diacritic off its
 * letter ("تُخصَّص" → "تُخصَّصَ" showed a lone fatha inserted); this tokenizer keeps a word whole.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

export function tokenize(text: string): string[] {
  return text.normalize("NFC").match(TOKEN) ?? [];
}

/**
 * Word-level differences between two texts (any language, any direction): whole words removed and
 * inserted, removals before insertions in each change. White space alone between two changes joins
 * them, so a rewritten phrase reads as one deletion and one insertion, not a word salad.
 */
export function diffText(before: string, after: string): DiffSegment[] {
  const parts = diffArrays(tokenize(before), tokenize(after));
  const runs: DiffSegment[] = parts.map((p) => ({
    kind: p.added ? "ins" : p.removed ? "del" : "same",
    text: p.value.join(""),
  }));
  // Join changes separated by white space only: "same" blanks go to both sides.
  const joined: DiffSegment[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as DiffSegment;
    const prev = joined.at(-1);
    const next = runs[i + 1];
    if (
      run.kind === "same" &&
      /^\s+$/u.test(run.text) &&
      prev &&
      prev.kind !== "same" &&
      next &&
      next.kind !== "same"
    ) {
      joined.push({ kind: "del", text: run.text }, { kind: "ins", text: run.text });
      continue;
    }
    joined.push(run);
  }
  // Within each change (the runs between two "same" runs), deletions first, then insertions, merged.
  const out: DiffSegment[] = [];
  let del = "";
  let ins = "";
  const same = (text: string) => {
    const last = out.at(-1);
    if (!text) return;
    if (last?.kind === "same") last.text += text;
    else out.push({ kind: "same", text });
  };
  const flush = () => {
    // Text both sides of a change begin or end with (a blank, most often) is shared, not changed.
    let head = 0;
    while (
      head < del.length &&
      head < ins.length &&
      del[head] === ins[head] &&
      /\s/u.test(del[head] as string)
    )
      head++;
    let tail = 0;
    while (
      tail < del.length - head &&
      tail < ins.length - head &&
      del[del.length - 1 - tail] === ins[ins.length - 1 - tail] &&
      /\s/u.test(del[del.length - 1 - tail] as string)
    )
      tail++;
    same(del.slice(0, head));
    if (del.length - tail > head) out.push({ kind: "del", text: del.slice(head, del.length - tail) });
    if (ins.length - tail > head) out.push({ kind: "ins", text: ins.slice(head, ins.length - tail) });
    pending = del.slice(del.length - tail);
    del = "";
    ins = "";
  };
  let pending = "";
  for (const run of joined) {
    if (run.kind === "del") del += run.text;
    else if (run.kind === "ins") ins += run.text;
    else {
      flush();
      same(pending + run.text);
      pending = "";
    }
  }
  flush();
  same(pending);
  return out;
}

/** Whether the two texts differ (after Unicode normalisation). */
export function changed(before: string, after: string): boolean {
  return before.normalize("NFC") !== after.normalize("NFC");
}
