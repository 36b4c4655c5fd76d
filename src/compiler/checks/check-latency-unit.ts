// Rule: the API latency target is a positive duration.
import type { Check } from '../check-context.js';

/** PC6005: `latency_p95 < 100` (no unit) or a size/percentage. */
export const checkLatencyUnit: Check = {
  name: 'latency-unit',
  run({ spec, rep }) {
    const api = spec.project.deploy?.api;
    const lat = api?.latency;
    if (!api || !lat) return;
    if (!api.latencyUnitOk) {
      rep.report('PC6005', lat, 'the latency target of the API must be a duration', 'write e.g. `latency_p95 < 100ms`');
    } else if (!(lat.value > 0)) {
      rep.report('PC6005', lat, 'the latency target of the API must be positive', 'write e.g. `latency_p95 < 100ms`');
    }
  },
};
