import type { ActionPlace, RecordAction } from "../../core/features/contracts.js";
import { useHref, usePage } from "../../core/views/context.js";
import { originOf } from "./commands/origin-of.js";
import { canResult, ownerScope } from "./policy.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Make a result of this": a link to accountability's form, with the record as the result's origin. */
function MakeResult({ kind, id }: { kind: "idea" | "forum"; id: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <p class="sh-body-text">
      <a class="sh-link" href={href(`/admin/accountability/new?origin=${kind}&id=${id}`)}>
        {t(`accountability.make.${kind}`)}
      </a>
    </p>
  );
}

const makeResult =
  (place: ActionPlace, kind: "idea" | "forum"): RecordAction["render"] =>
  async (db, actor, recordId) => {
    if (!UUID.test(recordId) || !canResult(actor, "create", null)) return null;
    // The same check as the form's: an accepted idea, a thread with an official answer.
    const origin = await originOf(db, actor, kind, recordId);
    if (!origin) return null;
    // An idea's result is its structure's: offered to those who keep that structure's results.
    const scope = ownerScope(actor);
    if (place === "idea" && scope !== "all" && (!origin.structureId || !scope.includes(origin.structureId)))
      return null;
    return <MakeResult kind={kind} id={recordId} />;
  };

/** What accountability offers staff on other features' pages: make a result of an idea or a thread. */
export const RESULT_ACTIONS: RecordAction[] = [
  { place: "idea", order: 10, render: makeResult("idea", "idea") },
  { place: "forum.thread", order: 10, render: makeResult("forum.thread", "forum") },
];
