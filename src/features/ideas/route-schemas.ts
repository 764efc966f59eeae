import Type from "typebox";

/** A code from a list (structure, theme, area, status, sort): anything else is a malformed request. */
export const Code = (maxLength: number) =>
  Type.Optional(Type.String({ maxLength, pattern: "^[A-Za-z0-9_-]*$" }));
