import { inArray } from "drizzle-orm";
import { accounts } from "../../../core/auth/tables.js";
import type { FileStore } from "../../../core/files/store.js";
import type { Db } from "../../../db/client.js";
import { DEMO_PASSWORD } from "../../staff/commands/seed-demo-staff.js";
import { settleAppointments } from "../appointments.js";
import { formatReceipt } from "../crypto.js";
import { enrolOfficerKeys } from "../officers.js";
import { findReportByReceipt, type ReportInput } from "../reports.js";
import { addMessage } from "./add-message.js";
import { setReportStatus } from "./set-report-status.js";
import { submitReport } from "./submit-report.js";

export const DEMO_OFFICER_EMAIL = "integrity@demo.sharek.tn";
/** The central integrity unit's officer: the form's default destination can receive reports. */
export const DEMO_CENTRAL_OFFICER_EMAIL = "integrity-central@demo.sharek.tn";

/** Demo reports carry no files: a store that holds nothing is enough. */
const NO_FILES: FileStore = {
  async put() {
    throw new Error("demo reports carry no files");
  },
  async get() {
    return null;
  },
  async delete() {},
};

const REPORTS: Array<{ input: ReportInput; officerReply?: string; status?: "under_review" | "referred" }> = [
  {
    input: {
      structure: "mun-tn-11",
      sector: "بلدية تونس، مصلحة رخص البناء",
      what: "طلب منّي موظف في شبّاك رخص البناء مبلغ 500 دينار نقدًا لتسريع ملفّي، وقال إنّ الملف سيبقى معطّلًا أشهرًا إن لم أدفع. لم أدفع، وملفّي ما زال معطّلًا.",
      when: "مارس 2026",
      who: "الموظف في الشبّاك رقم 3، صباحًا",
      contact: "yes",
    },
    officerReply:
      "شكرًا على تبليغك. هل تتذكّر اليوم بالتحديد؟ وهل كان هناك شهود أو رسائل مكتوبة؟ يمكنك الإجابة هنا دون أن تكشف هويتك.",
    status: "under_review",
  },
  {
    input: {
      structure: "mun-tn-11",
      sector: "Municipalité de Tunis, marchés publics (entretien de l’éclairage)",
      what: "Le marché d’entretien de l’éclairage public a été attribué trois années de suite à la même entreprise, dont le gérant est un proche d’un élu. Les autres offres ont été écartées pour des motifs de forme inventés.",
      when: "2023 à 2025",
      who: "",
      contact: "no",
    },
  },
  {
    input: {
      structure: "mun-tn-11",
      sector: "Municipality of Tunis, vehicle pound",
      what: "Staff at the municipal vehicle pound release towed cars without the official fee receipt when the owner pays them directly in cash, about half the official fee.",
      when: "Most weekends since January",
      who: "",
      contact: "yes",
    },
    status: "referred",
  },
  {
    input: {
      structure: "central",
      sector: "وزارة الصحة، مستشفى جهوي، صفقة تزويد بالأدوية",
      what: "تُقتنى أدوية بأسعار تفوق أسعار السوق بكثير من مزوّد واحد، دون طلب عروض، ويُوقّع على محاضر استلام كميات لم تصل إلى الصيدلية.",
      when: "منذ سبتمبر 2025",
      who: "",
      contact: "yes",
    },
  },
];

/**
 * The demo integrity officers (Municipality of Tunis, central unit) get keys (wrapped under the demo
 * password; the recovery keys are printed, as the demo's TOTP secret is), so the form's default
 * destination can receive reports; three reports in ar, fr and en go to the municipality and one
 * to the central unit, so anyone can try both sides. The receipts are printed: demo data never exists in production.
 */
export async function seedDemoReports(db: Db): Promise<string[]> {
  const officers = await db
    .select()
    .from(accounts)
    .where(inArray(accounts.email, [DEMO_OFFICER_EMAIL, DEMO_CENTRAL_OFFICER_EMAIL]));
  const recoveryKeys: string[] = [];
  for (const officer of officers) {
    // Each unit's only officer: the appointment stands on its own (no colleague to mail, no link needed).
    await settleAppointments(db, officer.id, { publicUrl: "" });
    const enrolled = await enrolOfficerKeys(db, officer, DEMO_PASSWORD);
    if (enrolled.ok) recoveryKeys.push(`${officer.email} ${enrolled.recoveryKey}`);
  }
  if (recoveryKeys.length === 0) return [];
  const lines = [
    `Integrity channel: the officers have keys (password ${DEMO_PASSWORD}); recovery keys: ${recoveryKeys.join(", ")}.`,
    "  Demo report receipts, to follow at /ar/integrity/follow:",
  ];
  for (const { input, officerReply, status } of REPORTS) {
    const result = await submitReport({ db, files: NO_FILES }, input, []);
    if (!result.ok) continue;
    const report = await findReportByReceipt(db, result.value.receipt);
    if (report && officerReply)
      await addMessage({ db, files: NO_FILES }, report, "officer", { message: officerReply });
    if (report && status) await setReportStatus(db, report, status);
    lines.push(`    ${formatReceipt(result.value.receipt)}  (${input.sector})`);
  }
  return lines;
}
