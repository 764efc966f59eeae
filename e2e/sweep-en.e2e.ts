import { sweepLanguage } from "./sweep.js";

await sweepLanguage("en");
