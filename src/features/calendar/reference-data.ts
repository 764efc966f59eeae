import type { LocalizedText } from "../../core/i18n/localized.js";
import type { DeadlineCaseType } from "./tables.js";

/**
 * Tunisia's public holidays that fall on the same day every year. Since 2021 the Revolution is
 * commemorated on 17 December, and 14 January is no longer a public holiday.
 */
export const FIXED_HOLIDAYS: ReadonlyArray<{ month: number; day: number; name: LocalizedText }> = [
  { month: 1, day: 1, name: { ar: "رأس السنة الميلادية", fr: "Jour de l’An", en: "New Year’s Day" } },
  { month: 3, day: 20, name: { ar: "عيد الاستقلال", fr: "Fête de l’Indépendance", en: "Independence Day" } },
  { month: 4, day: 9, name: { ar: "عيد الشهداء", fr: "Fête des Martyrs", en: "Martyrs’ Day" } },
  { month: 5, day: 1, name: { ar: "عيد الشغل", fr: "Fête du Travail", en: "Labour Day" } },
  { month: 7, day: 25, name: { ar: "عيد الجمهورية", fr: "Fête de la République", en: "Republic Day" } },
  { month: 8, day: 13, name: { ar: "عيد المرأة", fr: "Fête de la Femme", en: "Women’s Day" } },
  { month: 10, day: 15, name: { ar: "عيد الجلاء", fr: "Fête de l’Évacuation", en: "Evacuation Day" } },
  { month: 12, day: 17, name: { ar: "عيد الثورة", fr: "Fête de la Révolution", en: "Revolution Day" } },
];

const EID_AL_FITR: LocalizedText = { ar: "عيد الفطر", fr: "Aïd el-Fitr", en: "Eid al-Fitr" };
const EID_AL_FITR_2: LocalizedText = {
  ar: "عيد الفطر (اليوم الثاني)",
  fr: "Aïd el-Fitr (deuxième jour)",
  en: "Eid al-Fitr (second day)",
};
const EID_AL_ADHA: LocalizedText = { ar: "عيد الأضحى", fr: "Aïd el-Idha", en: "Eid al-Adha" };
const EID_AL_ADHA_2: LocalizedText = {
  ar: "عيد الأضحى (اليوم الثاني)",
  fr: "Aïd el-Idha (deuxième jour)",
  en: "Eid al-Adha (second day)",
};
const HIJRI_NEW_YEAR: LocalizedText = {
  ar: "رأس السنة الهجرية",
  fr: "Ras el Am el Hijri (Nouvel An de l’Hégire)",
  en: "Islamic New Year (Ras el Am el Hijri)",
};
const MAWLID: LocalizedText = {
  ar: "المولد النبوي الشريف",
  fr: "Mouled (anniversaire du Prophète)",
  en: "Mawlid (the Prophet’s Birthday)",
};

/**
 * Religious holidays follow the Hijri calendar, whose months begin with the sighting of the new
 * crescent. These are the astronomically expected dates for Tunisia (the day after the evening
 * the crescent is expected to be visible). They are estimates: each year the Mufti of the Republic
 * announces the actual dates, and platform admins confirm or move these rows in the calendar page.
 */
export const DATED_HOLIDAYS: ReadonlyArray<{ date: string; name: LocalizedText }> = [
  // 1447 / 1448 AH
  { date: "2026-03-20", name: EID_AL_FITR }, // 1 Shawwal 1447, on Independence Day
  { date: "2026-03-21", name: EID_AL_FITR_2 },
  { date: "2026-05-27", name: EID_AL_ADHA }, // 10 Dhu al-Hijja 1447
  { date: "2026-05-28", name: EID_AL_ADHA_2 },
  { date: "2026-06-16", name: HIJRI_NEW_YEAR }, // 1 Muharram 1448
  { date: "2026-08-25", name: MAWLID }, // 12 Rabi' al-Awwal 1448
  // 1448 / 1449 AH
  { date: "2027-03-10", name: EID_AL_FITR }, // 1 Shawwal 1448
  { date: "2027-03-11", name: EID_AL_FITR_2 },
  { date: "2027-05-17", name: EID_AL_ADHA }, // 10 Dhu al-Hijja 1448
  { date: "2027-05-18", name: EID_AL_ADHA_2 },
  { date: "2027-06-06", name: HIJRI_NEW_YEAR }, // 1 Muharram 1449
  { date: "2027-08-15", name: MAWLID }, // 12 Rabi' al-Awwal 1449
];

const ACCESS_TO_INFORMATION_LAW: LocalizedText = {
  ar: "القانون الأساسي عدد 22 لسنة 2016 المؤرخ في 24 مارس 2016 المتعلق بالحق في النفاذ إلى المعلومة، الفصل 14: يرد الهيكل المعني على مطلب النفاذ في أجل لا يتجاوز عشرين (20) يوما من تاريخ توصله به. تحتسب المنصة الآجال كما يحتسبها القانون، بالأيام لا بأيام العمل، ولا يمكن لأي هيكل تغييرها.",
  fr: "Loi organique n° 2016-22 du 24 mars 2016 relative au droit d’accès à l’information, article 14 : l’organisme concerné répond à la demande d’accès dans un délai ne dépassant pas vingt (20) jours à compter de sa réception. La plateforme compte les délais comme la loi, en jours et non en jours ouvrables, et aucune structure ne peut les modifier.",
  en: "Organic Law No. 2016-22 of 24 March 2016 on the right of access to information, article 14: the body concerned answers an access request within twenty (20) days of receiving it. The platform counts the limits as the law does, in days rather than working days, and no structure can change them.",
};

/**
 * The national default deadlines, in working days. Complaints and notices: 14 (two weeks, the
 * upper end of the 7–14 days of Korea's e-People); guidance: 7, as it only points people to the
 * right procedure; suggestions: 30, as they need study. Asking the citizen for more information
 * stops the clock for every type except access-to-information requests: the organic law 2016-22
 * counts its time limit from the receipt of the request and provides no suspension, and the body's
 * silence at the end of it is what opens the requester's appeal, so the platform never holds it back.
 */
export const NATIONAL_DEADLINES: ReadonlyArray<{
  caseType: DeadlineCaseType;
  workingDays: number;
  pauseAllowed: boolean;
  legalBasis: LocalizedText | null;
}> = [
  { caseType: "notice", workingDays: 14, pauseAllowed: true, legalBasis: null },
  { caseType: "complaint", workingDays: 14, pauseAllowed: true, legalBasis: null },
  { caseType: "suggestion", workingDays: 30, pauseAllowed: true, legalBasis: null },
  { caseType: "guidance", workingDays: 7, pauseAllowed: true, legalBasis: null },
  { caseType: "information", workingDays: 20, pauseAllowed: false, legalBasis: ACCESS_TO_INFORMATION_LAW },
];
