import { Button } from "../../../core/views/components/button/button.js";
import { useHref, usePage } from "../../../core/views/context.js";

export interface EidSignInButtonProps {
  /** Whether a national e-ID provider is configured (OIDC_ISSUER is set). */
  configured: boolean;
  /** The e-ID service's name as people know it (OIDC_NAME). */
  name: string;
  /** Where to go once signed in: a local path such as "/fr/requests/new". */
  next?: string;
}

/** "Sign in with {name}": a link styled as a button that starts the e-ID sign-in; nothing when off. */
export function EidSignInButton({ configured, name, next }: EidSignInButtonProps) {
  const { t } = usePage();
  const href = useHref();
  if (!configured) return null;
  const query = next ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <Button href={href(`/sign-in/eid${query}`)} variant="secondary">
      {t("eid.button", { name })}
    </Button>
  );
}
