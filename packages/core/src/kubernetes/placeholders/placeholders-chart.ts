/**
 * The project's placeholders chart. The version is kept here, not read from
 * `charts/placeholders/Chart.yaml` at run time (core ships without the charts); a test keeps them equal.
 */
export const PLACEHOLDERS_CHART = {
  chart: 'charts/placeholders',
  repository: 'local',
  version: '0.1.0',
} as const;
