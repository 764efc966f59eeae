/**
 * The unit suite's demo template, after test/global-setup.ts made the run's reference template (its
 * teardown drops both): one seedDemo per run for every test of the demo content.
 */
export default async function setup() {
  const { prepareDemoTemplate } = await import("./databases.js");
  await prepareDemoTemplate();
}
