import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("gives working defaults for a development machine", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe("");
    expect(config.dataDir).toMatch(/data$/);
    expect(config.SEED_DEMO).toBe(false);
    expect(config.trustProxy).toBe(false);
  });

  it("converts numbers and booleans from strings", () => {
    const config = loadConfig({ PORT: "8080", TRUST_PROXY: "1", SEED_DEMO: "true" });
    expect(config.PORT).toBe(8080);
    expect(config.trustProxy).toEqual({ hops: 1 });
    expect(config.SEED_DEMO).toBe(true);
  });

  it("names every invalid variable in one message", () => {
    expect(() => loadConfig({ PORT: "http", DATABASE_URL: "mysql://db/x", LOG_LEVEL: "loud" })).toThrowError(
      ConfigError,
    );
    try {
      loadConfig({ PORT: "http", DATABASE_URL: "mysql://db/x", LOG_LEVEL: "loud" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("LOG_LEVEL");
    }
  });

  it("refuses production without a cookie secret or a public URL, or with demo content", () => {
    expect(() => loadConfig({ NODE_ENV: "production", PUBLIC_URL: "https://sharek.tn" })).toThrow(
      /COOKIE_SECRET/,
    );
    expect(() => loadConfig({ NODE_ENV: "production", COOKIE_SECRET: "x".repeat(40) })).toThrow(/PUBLIC_URL/);
    const production = {
      NODE_ENV: "production",
      COOKIE_SECRET: "x".repeat(40),
      PUBLIC_URL: "https://sharek.tn",
    };
    expect(loadConfig(production).SEED_DEMO).toBe(false);
    expect(() => loadConfig({ ...production, SEED_DEMO: "true" })).toThrow(/SEED_DEMO/);
  });

  it("reads SMPP_URL and SMPP_RATE, and says what is wrong with a bad one", () => {
    expect(loadConfig({}).smpp).toBeNull();
    const config = loadConfig({
      SMPP_URL: "smpp://sharek:p%40ss@smsc.example.tn?source=Sharek",
      SMPP_RATE: "25",
    });
    expect(config.smpp).toEqual({
      host: "smsc.example.tn",
      port: 2775,
      tls: false,
      systemId: "sharek",
      password: "p@ss",
      source: "Sharek",
      rate: 25,
    });
    expect(loadConfig({ SMPP_URL: "smpps://a:b@h:9000?source=%2B21671000000" }).smpp).toMatchObject({
      tls: true,
      port: 9000,
      source: "+21671000000",
      rate: 10,
    });
    expect(() => loadConfig({ SMPP_URL: "http://a:b@h?source=X" })).toThrow(/SMPP_URL/);
    expect(() => loadConfig({ SMPP_URL: "smpp://h:2775?source=X" })).toThrow(/system id/);
    expect(() => loadConfig({ SMPP_URL: "smpp://a:b@h" })).toThrow(/source/);
    expect(() => loadConfig({ SMPP_URL: "smpp://a:b@h?source=Far%20too%20long%20a%20name" })).toThrow(/11/);
    expect(() => loadConfig({ SMPP_URL: "smpp://a:123456789@h?source=X" })).toThrow(/8 characters/);
    expect(() => loadConfig({ SMPP_RATE: "0" })).toThrow(/SMPP_RATE/);
  });

  it("documents every variable in the README", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const { name } of CONFIG_VARIABLES) expect(readme).toContain(`\`${name}\``);
  });
});
