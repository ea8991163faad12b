export { buildErrorResponse, buildSessionDetail, type FixtureOptions } from "./build-session-detail.js";
export type { DeepPartial } from "./deep-merge.js";
export {
  createHyperbrowserMock,
  type HyperbrowserMock,
  type HyperbrowserMockOptions,
  type MockCall,
} from "./mock-upstream.js";
export type { MockScenario, ScenarioTarget } from "./scenarios.js";
export { createTestClock, type TestClock, type TestClockOptions } from "./test-clock.js";
export { serveMock, type ServedMock } from "./serve-mock.js";
