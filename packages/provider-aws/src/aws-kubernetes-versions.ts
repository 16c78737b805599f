import { type ConfigIssue, error, warning } from '@hubfleet/core';

/** One Kubernetes minor version on EKS and the dates its support ends (ISO dates). */
export interface EksVersionSupport {
  minor: string;
  /** Last day of standard support; after it the cluster is billed at the extended-support rate. */
  standardSupportEnds: string;
  /** Last day of extended support; after it EKS upgrades or refuses the version. */
  extendedSupportEnds: string;
}

/** When {@link EKS_VERSIONS} was last checked. */
export const EKS_VERSION_TABLE_DATE = '2026-11-21';

/**
 * EKS's Kubernetes release calendar as known to the authors on 2026-11-21 (approximate: check the
 * "Amazon EKS Kubernetes release calendar" before relying on a date). Oldest first. Add the new minor
 * and drop the ones past extended support when AWS publishes them.
 */
export const EKS_VERSIONS: readonly EksVersionSupport[] = [
  { minor: '1.30', standardSupportEnds: '2025-07-23', extendedSupportEnds: '2026-07-23' },
  { minor: '1.31', standardSupportEnds: '2025-11-26', extendedSupportEnds: '2026-11-26' },
  { minor: '1.32', standardSupportEnds: '2026-03-23', extendedSupportEnds: '2027-03-23' },
  { minor: '1.33', standardSupportEnds: '2026-07-29', extendedSupportEnds: '2027-07-29' },
  { minor: '1.34', standardSupportEnds: '2026-12-02', extendedSupportEnds: '2027-12-02' },
  { minor: '1.35', standardSupportEnds: '2027-03-27', extendedSupportEnds: '2028-03-27' },
];

function minorNumber(version: string): number {
  return Number(version.split('.')[1] ?? Number.NaN);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The newest version still in standard support on `today`: what to suggest. */
function recommended(today: string): string {
  const inStandard = EKS_VERSIONS.filter((row) => row.standardSupportEnds >= today);
  return (inStandard.at(-1) ?? EKS_VERSIONS.at(-1))?.minor ?? 'the newest version EKS offers';
}

/**
 * `cluster.kubernetesVersion` against EKS's calendar: refused once EKS no longer runs it, a warning
 * while it is in (more expensive) extended support or newer than this table knows.
 */
export function checkEksKubernetesVersion(version: string, today: Date = new Date()): ConfigIssue[] {
  const path = ['cluster', 'kubernetesVersion'];
  const day = isoDay(today);
  const suggestion = `use "${recommended(day)}"`;
  const row = EKS_VERSIONS.find((candidate) => candidate.minor === version);
  const oldest = EKS_VERSIONS.at(0);
  const newest = EKS_VERSIONS.at(-1);
  if (!row) {
    if (oldest && minorNumber(version) < minorNumber(oldest.minor)) {
      return [error(path, `EKS no longer runs Kubernetes ${version}`, suggestion)];
    }
    return [
      warning(
        path,
        `Kubernetes ${version} is newer than hubfleet's EKS calendar (${EKS_VERSION_TABLE_DATE}, up to ${newest?.minor}); EKS may not offer it yet`,
        `check the Amazon EKS Kubernetes release calendar, or ${suggestion}`,
      ),
    ];
  }
  if (day > row.extendedSupportEnds) {
    return [
      error(
        path,
        `EKS extended support for Kubernetes ${version} ended on ${row.extendedSupportEnds}`,
        suggestion,
      ),
    ];
  }
  if (day > row.standardSupportEnds) {
    return [
      warning(
        path,
        `Kubernetes ${version} is in EKS extended support until ${row.extendedSupportEnds}: the control plane costs more per hour and must be upgraded by then`,
        suggestion,
      ),
    ];
  }
  return [];
}
