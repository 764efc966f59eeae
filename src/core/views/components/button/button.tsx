import type { ComponentChildren } from "preact";
import { cx } from "../util.js";

interface CommonProps {
  /** primary: the one main action of a page; secondary: other actions; warning: destructive ones. */
  variant?: "primary" | "secondary" | "warning";
  /** A call to start a service ("Send a request"), shown larger with an arrow. */
  start?: boolean;
  children: ComponentChildren;
  class?: string;
}

export interface ButtonElementProps extends CommonProps {
  href?: undefined;
  type?: "submit" | "button" | "reset";
  name?: string;
  value?: string;
  disabled?: boolean;
}

export interface ButtonLinkProps extends CommonProps {
  /** Renders a link styled as a button (a GET navigation, such as "Start"). */
  href: string;
}

export type ButtonProps = ButtonElementProps | ButtonLinkProps;

function StartIcon() {
  return (
    <svg
      class="sh-button__icon"
      aria-hidden="true"
      focusable="false"
      width="17"
      height="19"
      viewBox="0 0 33 40"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

/** A button, or a link that looks like one. */
export function Button(props: ButtonProps) {
  const { variant = "primary", start, children } = props;
  const classes = cx(
    "sh-button",
    variant !== "primary" && `sh-button--${variant}`,
    start && "sh-button--start",
    props.class,
  );
  const content = (
    <>
      {children}
      {start && <StartIcon />}
    </>
  );
  if (props.href !== undefined) {
    return (
      <a href={props.href} class={classes} draggable={false}>
        {content}
      </a>
    );
  }
  return (
    <button
      type={props.type ?? "submit"}
      class={classes}
      name={props.name}
      value={props.value}
      disabled={props.disabled}
      aria-disabled={props.disabled ? "true" : undefined}
    >
      {content}
    </button>
  );
}

/** Lays out a primary button with secondary actions or a link beside it. */
export function ButtonGroup({ children }: { children: ComponentChildren }) {
  return <div class="sh-button-group">{children}</div>;
}
