import type { Clock } from '../../framework/clock.js';
import type {
  FakeRequest,
  FakeResponse,
  RunningService,
  ServiceProtocol,
} from '../../framework/http-service.js';
import { matchRestRoute, type RestRoute } from '../../framework/rest-router.js';
import { type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { requestBaseUrl } from '../shared/marker-pagination.js';
import { jsonReply, OpenStackFakeError, requireToken } from '../shared/openstack-http.js';
import { getImage, glanceError, type ImageSeed, imageFromSeed, listImages } from './glance-images.js';
import { createGlanceState, type GlanceState } from './glance-state.js';

export interface GlanceFakeOptions {
  clock: Clock;
  state?: GlanceState;
  /** Images the cloud offers. @default one public Ubuntu 24.04 image */
  images?: ImageSeed[];
  validToken?: (token: string) => boolean;
  projectId?: string;
}

export interface GlanceFake {
  protocol: ServiceProtocol;
  state: GlanceState;
  /** Whether an image exists and is usable by the project (Nova's `imageExists`). */
  imageExists(id: string): boolean;
}

type Handler = (request: FakeRequest, labels: Record<string, string>) => FakeResponse;

const ADMIN_PROJECT = '00000000000000000000000000000001';

export const DEFAULT_GLANCE_IMAGES: readonly ImageSeed[] = [
  { name: 'ubuntu-noble-24.04-amd64', properties: { os_distro: 'ubuntu', os_version: '24.04' } },
];

export function createGlanceFake(options: GlanceFakeOptions): GlanceFake {
  const state = options.state ?? createGlanceState();
  const projectId = options.projectId ?? 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
  if (Object.keys(state.images).length === 0)
    for (const seed of options.images ?? DEFAULT_GLANCE_IMAGES) {
      const image = imageFromSeed(seed, seed.owner ?? ADMIN_PROJECT, options.clock.now());
      state.images[image.id] = image;
    }
  const routes: RestRoute<{ name: string; handle: Handler }>[] = [
    {
      method: 'GET',
      path: '/v2/images',
      target: { name: 'ListImages', handle: (request) => listImages(state, projectId, request) },
    },
    {
      method: 'GET',
      path: '/v2/images/{id}',
      target: {
        name: 'ShowImage',
        handle: (request, labels) => getImage(state, projectId, request, labels.id ?? ''),
      },
    },
  ];
  const guarded = (handle: () => FakeResponse): FakeResponse => {
    try {
      return handle();
    } catch (error) {
      if (error instanceof OpenStackFakeError) return error.reply();
      throw error;
    }
  };
  const protocol: ServiceProtocol = {
    name: 'glance',
    resolve(request) {
      if (request.method === 'GET' && request.path === '/') {
        const base = requestBaseUrl(request.headers);
        return {
          operation: 'ListVersions',
          mutating: false,
          handle: () =>
            jsonReply(300, {
              versions: [{ id: 'v2.16', status: 'CURRENT', links: [{ rel: 'self', href: `${base}/v2/` }] }],
            }),
        };
      }
      const match = matchRestRoute(routes, request.method, request.path);
      if (!match) return undefined;
      return {
        operation: match.target.name,
        mutating: false,
        handle: () =>
          guarded(() => {
            requireToken(request.headers, options.validToken);
            return match.target.handle(request, match.labels);
          }),
      };
    },
    fault: (kind) => {
      const faults = {
        throttle: [429, 'Too Many Requests', 'Too many requests.'],
        'server-error': [
          500,
          'Internal Server Error',
          'The server has either erred or is incapable of performing the requested operation.',
        ],
        unavailable: [503, 'Service Unavailable', 'The server is currently unavailable.'],
        quota: [
          413,
          'Request Entity Too Large',
          'Denying attempt to upload image because it exceeds the quota',
        ],
      } as const;
      const [status, title, message] = faults[kind];
      return jsonReply(status, { code: `${status} ${title}`, title, message });
    },
    unknown: (request) => glanceError(request, 404, 'Not Found', 'The resource could not be found.'),
  };
  return {
    protocol,
    state,
    imageExists: (id) => {
      const image = state.images[id];
      return (
        image !== undefined &&
        image.status === 'active' &&
        (image.visibility !== 'private' || image.owner === projectId)
      );
    },
  };
}

export interface StartGlanceFakeOptions
  extends Omit<GlanceFakeOptions, 'state' | 'clock'>,
    StartFakeOptions {}

export interface RunningGlanceFake extends RunningService {
  state: GlanceState;
  fake: GlanceFake;
}

/** Serves Glance on 127.0.0.1; its image endpoint (for the catalog) is the bare URL. */
export async function startGlanceFake(options: StartGlanceFakeOptions): Promise<RunningGlanceFake> {
  return startFake(options, createGlanceState, (state) => createGlanceFake({ ...options, state }));
}
