import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.js";
import { ageBand, gender } from "../accounts/tables.js";
import { listSections } from "./queries.js";
import { type QuestionResult, questionnaireResults } from "./questionnaire-queries.js";

export interface SectionFigures {
  /** null: comments on the whole text. */
  sectionId: string | null;
  /** Comments (not replies) and, among them, for / against / neutral. */
  comments: number;
  for: number;
  against: number;
  neutral: number;
  replies: number;
  /**
   * Among the comments, those on a passage of the section's text; amendments proposed to its
   * paragraphs, and how many of them the drafting team accepted. Absent from syntheses published
   * before drafting together existed.
   */
  passages?: number;
  amendments?: number;
  amendmentsAccepted?: number;
}

/** Counts by answer, where "unstated" is a consenting profile that left the question blank. */
export type Breakdown = Record<string, number>;

/**
 * What the synthesis shows, computed from the contributions: frozen into the synthesis when it is
 * published. Counts leave out official answers (the structure's own) and comments not visible.
 */
export interface SynthesisFigures {
  computedAt: string;
  /** Distinct accounts that commented, replied, proposed an amendment or answered the questionnaire. */
  participants: number;
  /** Comments and replies. */
  contributions: number;
  officialAnswers: number;
  supports: number;
  /** Amendments proposed, and the supports they received (absent before drafting together). */
  amendments?: number;
  amendmentSupports?: number;
  sections: SectionFigures[];
  questionnaire: { respondents: number; questions: QuestionResult[] };
  /**
   * Who took part, from the statistics profiles of those who consented to one; the others are
   * only counted in `withoutProfile`.
   */
  profiles: {
    withProfile: number;
    withoutProfile: number;
    /** Governorate code, "abroad", or "unstated". */
    residence: Breakdown;
    ageBand: Breakdown;
    gender: Breakdown;
  };
}

const zeroes = (keys: readonly string[]): Breakdown => Object.fromEntries(keys.map((k) => [k, 0]));

/** Computes the synthesis figures of a consultation as its contributions stand now. */
export async function computeFigures(
  db: Db,
  consultationId: string,
  now = new Date(),
): Promise<SynthesisFigures> {
  const sections = await listSections(db, consultationId);
  const bySection = rowsOf<{
    section_id: string | null;
    comments: number;
    for: number;
    against: number;
    neutral: number;
    replies: number;
    official: number;
    passages: number;
  }>(
    await db.execute(sql`
      select section_id,
        (count(*) filter (where parent_id is null and not official))::int as comments,
        (count(*) filter (where parent_id is null and not official and alignment = 'for'))::int as for,
        (count(*) filter (where parent_id is null and not official and alignment = 'against'))::int as against,
        (count(*) filter (where parent_id is null and not official and alignment = 'neutral'))::int as neutral,
        (count(*) filter (where parent_id is not null and not official))::int as replies,
        (count(*) filter (where official))::int as official,
        (count(*) filter (where parent_id is null and not official and anchor is not null))::int as passages
      from consultation_comments
      where consultation_id = ${consultationId} and status = 'visible' and moderation_state = 'visible'
      group by section_id`),
  );
  const [totals] = rowsOf<{ supports: number }>(
    await db.execute(sql`
      select coalesce(sum(support_count), 0)::int as supports
      from consultation_comments where consultation_id = ${consultationId} and status = 'visible' and moderation_state = 'visible'`),
  );
  // Amendments that are not visible (held, hidden) are left out, as comments are.
  const amendmentsBySection = rowsOf<{
    section_id: string;
    amendments: number;
    accepted: number;
    supports: number;
  }>(
    await db.execute(sql`
      select section_id, count(*)::int as amendments,
        (count(*) filter (where status in ('accepted', 'accepted_with_changes')))::int as accepted,
        coalesce(sum(support_count), 0)::int as supports
      from consultation_amendments
      where consultation_id = ${consultationId} and moderation_state = 'visible'
      group by section_id`),
  );
  const people = rowsOf<{
    residence: string;
    age_band: string;
    gender: string;
    has_profile: boolean;
    n: number;
  }>(
    await db.execute(sql`
      with participants as (
        select author_id as account_id from consultation_comments
          where consultation_id = ${consultationId} and status = 'visible' and moderation_state = 'visible' and not official and author_id is not null
        union
        select author_id from consultation_amendments
          where consultation_id = ${consultationId} and moderation_state = 'visible' and author_id is not null
        union
        select account_id from consultation_responses
          where consultation_id = ${consultationId} and account_id is not null
      )
      select coalesce(ap.residence, 'unstated') as residence, coalesce(ap.age_band::text, 'unstated') as age_band,
        coalesce(ap.gender::text, 'unstated') as gender, ap.account_id is not null as has_profile, count(*)::int as n
      from participants p left join account_profiles ap on ap.account_id = p.account_id
      group by 1, 2, 3, 4`),
  );
  const governorates = rowsOf<{ code: string }>(
    await db.execute(sql`select code from governorates order by position`),
  ).map((g) => g.code);
  const profiles = {
    withProfile: 0,
    withoutProfile: 0,
    residence: zeroes([...governorates, "abroad", "unstated"]),
    ageBand: zeroes([...ageBand.enumValues, "unstated"]),
    gender: zeroes(gender.enumValues),
  };
  for (const p of people) {
    const n = Number(p.n);
    if (!p.has_profile) {
      profiles.withoutProfile += n;
      continue;
    }
    profiles.withProfile += n;
    profiles.residence[p.residence] = (profiles.residence[p.residence] ?? 0) + n;
    profiles.ageBand[p.age_band] = (profiles.ageBand[p.age_band] ?? 0) + n;
    profiles.gender[p.gender] = (profiles.gender[p.gender] ?? 0) + n;
  }
  const figureOf = (sectionId: string | null): SectionFigures => {
    const row = bySection.find((r) => r.section_id === sectionId);
    const proposed = amendmentsBySection.find((r) => r.section_id === sectionId);
    return {
      sectionId,
      comments: Number(row?.comments ?? 0),
      for: Number(row?.for ?? 0),
      against: Number(row?.against ?? 0),
      neutral: Number(row?.neutral ?? 0),
      replies: Number(row?.replies ?? 0),
      passages: Number(row?.passages ?? 0),
      amendments: Number(proposed?.amendments ?? 0),
      amendmentsAccepted: Number(proposed?.accepted ?? 0),
    };
  };
  const sectionFigures = [figureOf(null), ...sections.map((s) => figureOf(s.id))];
  return {
    computedAt: now.toISOString(),
    participants: profiles.withProfile + profiles.withoutProfile,
    contributions: sectionFigures.reduce((sum, s) => sum + s.comments + s.replies, 0),
    officialAnswers: bySection.reduce((sum, r) => sum + Number(r.official), 0),
    supports: Number(totals?.supports ?? 0),
    amendments: amendmentsBySection.reduce((sum, r) => sum + Number(r.amendments), 0),
    amendmentSupports: amendmentsBySection.reduce((sum, r) => sum + Number(r.supports), 0),
    sections: sectionFigures,
    questionnaire: await questionnaireResults(db, consultationId),
    profiles,
  };
}
