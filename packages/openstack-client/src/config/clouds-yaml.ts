import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubfleetError } from '@hubfleet/core';
import { parse } from 'yaml';
import type { EndpointInterface, OpenStackCredentials } from '../auth/credentials.js';
import { authFromFields } from './auth-fields.js';

export interface CloudsYamlPlaces {
  env: NodeJS.ProcessEnv;
  cwd: string;
  home: string;
  /** @default '/etc/openstack' */
  systemDir?: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first existing file: `explicit` first, then `<dir>/<base>.yaml|.yml` in the standard directories. */
function findFile(places: CloudsYamlPlaces, base: string, explicit: string | undefined): string | undefined {
  const directories = [
    places.cwd,
    join(places.home, '.config', 'openstack'),
    places.systemDir ?? '/etc/openstack',
  ];
  const candidates = [
    ...(explicit ? [explicit] : []),
    ...directories.flatMap((directory) => [join(directory, `${base}.yaml`), join(directory, `${base}.yml`)]),
  ];
  return candidates.find((file) => existsSync(file));
}

function readYaml(file: string): Json {
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `${file} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      hint: 'Fix the file, or download it again from the dashboard (API Access → Download OpenStack RC / clouds.yaml).',
      subject: file,
    });
  }
  return isObject(parsed) ? parsed : {};
}

/** `secure.yaml` holds the secrets of the clouds named in clouds.yaml: merged in, key by key. */
function mergeDeep(base: Json, extra: Json): Json {
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = isObject(current) && isObject(value) ? mergeDeep(current, value) : value;
  }
  return merged;
}

function stringFields(section: Json): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(section).map(([key, value]) => [
      key,
      typeof value === 'string' || typeof value === 'number' ? String(value) : undefined,
    ]),
  );
}

export function cloudsYamlFile(places: CloudsYamlPlaces): string | undefined {
  return findFile(places, 'clouds', places.env.OS_CLIENT_CONFIG_FILE);
}

/** Credentials for one cloud of clouds.yaml (+ secure.yaml); `name` defaults to OS_CLOUD, or the only cloud. */
export function credentialsFromCloudsYaml(places: CloudsYamlPlaces, name?: string): OpenStackCredentials {
  const file = cloudsYamlFile(places);
  if (!file) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message:
        'No clouds.yaml found (looked at OS_CLIENT_CONFIG_FILE, ./, ~/.config/openstack/ and /etc/openstack/)',
      hint: 'Download clouds.yaml from the dashboard (API Access) into ~/.config/openstack/, or source an openrc file.',
      subject: 'clouds.yaml',
    });
  }
  const secureFile = findFile(places, 'secure', places.env.OS_CLIENT_SECURE_FILE);
  const clouds = readYaml(file).clouds;
  const secureClouds = secureFile ? readYaml(secureFile).clouds : undefined;
  const all = mergeDeep(isObject(clouds) ? clouds : {}, isObject(secureClouds) ? secureClouds : {});
  const names = Object.keys(all);
  const chosen = name ?? places.env.OS_CLOUD ?? (names.length === 1 ? names[0] : undefined);
  const cloud = chosen === undefined ? undefined : all[chosen];
  if (chosen === undefined || !isObject(cloud)) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message:
        chosen === undefined
          ? `${file} has ${names.length} clouds and none was chosen`
          : `${file} has no cloud named "${chosen}"`,
      hint: `Choose one with OS_CLOUD (or the provider's cloud setting): ${names.join(', ') || 'the file lists none'}.`,
      subject: 'clouds.yaml',
    });
  }
  const source = `clouds.yaml cloud "${chosen}" (${file}${secureFile ? ` + ${secureFile}` : ''})`;
  const auth = authFromFields(
    stringFields(isObject(cloud.auth) ? cloud.auth : {}),
    typeof cloud.auth_type === 'string' ? cloud.auth_type : undefined,
    source,
  );
  const regions = Array.isArray(cloud.regions) ? cloud.regions : [];
  const firstRegion = regions[0];
  const region =
    typeof cloud.region_name === 'string'
      ? cloud.region_name
      : typeof firstRegion === 'string'
        ? firstRegion
        : isObject(firstRegion) && typeof firstRegion.name === 'string'
          ? firstRegion.name
          : undefined;
  const face = typeof cloud.interface === 'string' ? cloud.interface : undefined;
  return {
    auth,
    ...(region ? { regionName: region } : {}),
    ...(face ? { interface: face as EndpointInterface } : {}),
    source,
  };
}
