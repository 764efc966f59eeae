import type { LocalizedText } from "../../../../core/i18n/localized.js";
import { Button } from "../../../../core/views/components/button/button.js";
import { Select } from "../../../../core/views/components/select/select.js";
import { useHref, usePage } from "../../../../core/views/context.js";
import { usePlainName } from "../../../../core/views/localized-text.js";

/** For staff of several structures: a GET form that reloads `path` for another of them. */
export function StructureSwitch(props: {
  path: string;
  /** The select's id (pages that have another "structure" field pick another id). */
  id: string;
  structures: Array<{ id: string; name: LocalizedText }>;
  current: string;
}) {
  const { t } = usePage();
  const href = useHref();
  const plain = usePlainName();
  if (props.structures.length <= 1) return null;
  return (
    <form method="get" action={href(props.path)}>
      <Select
        id={props.id}
        name="structure"
        label={t("cases.workspace.queue.structure")}
        value={props.current}
        options={props.structures.map((s) => ({ value: s.id, text: plain(s.name) }))}
      />
      <Button variant="secondary">{t("cases.workspace.queue.switch")}</Button>
    </form>
  );
}
