import { OpenStackFakeError } from '../shared/openstack-http.js';
import type { BoundPort, PortBackend, PortOutcome, ServerAddress } from '../shared/port-backend.js';
import type { NeutronContext } from './neutron-context.js';
import { makePort, removePort } from './neutron-ports.js';
import type { PortRecord } from './neutron-state.js';

function bound(context: NeutronContext, port: PortRecord): BoundPort {
  return {
    portId: port.id,
    networkId: port.networkId,
    networkName: context.state.networks[port.networkId]?.name ?? port.networkId,
    macAddress: port.macAddress,
    fixedIps: port.fixedIps.map((ip) => ({ subnetId: ip.subnet_id, ipAddress: ip.ip_address })),
  };
}

function refusal(error: unknown): PortOutcome {
  if (!(error instanceof OpenStackFakeError)) throw error;
  const status = error.status === 404 || error.status === 409 ? error.status : 400;
  return { refused: error.message, status };
}

/**
 * Neutron as Nova and Octavia see it: ports made for a server (device_owner `compute:<zone>`) or a
 * VIP (`Octavia`), bound to an existing port, listed by device, released when the device goes.
 * `contextNow` gives a handler context at the current time; `changed` persists the state.
 */
export function portBackendOver(contextNow: () => NeutronContext, changed: () => void): PortBackend {
  return {
    bind(request) {
      const context = contextNow();
      try {
        if (request.portId) {
          const port = context.state.ports[request.portId];
          if (!port) return { refused: `Port id ${request.portId} could not be found.`, status: 404 };
          if (port.deviceId !== '' && port.deviceId !== request.deviceId)
            return { refused: `Port ${port.id} is still in use.`, status: 409 };
          port.deviceId = request.deviceId;
          port.deviceOwner = request.deviceOwner;
          changed();
          return bound(context, port);
        }
        const subnet = request.subnetId ? context.state.subnets[request.subnetId] : undefined;
        if (request.subnetId && !subnet)
          return { refused: `Subnet ${request.subnetId} could not be found.`, status: 404 };
        const networkId = subnet?.networkId ?? request.networkId;
        if (!networkId || !context.state.networks[networkId])
          return { refused: `Network ${networkId ?? ''} could not be found.`, status: 404 };
        const fixedIp =
          subnet || request.fixedIp
            ? [
                {
                  ...(subnet ? { subnet_id: subnet.id } : {}),
                  ...(request.fixedIp ? { ip_address: request.fixedIp } : {}),
                },
              ]
            : undefined;
        const port = makePort(context, {
          networkId,
          fixedIps: fixedIp,
          deviceId: request.deviceId,
          deviceOwner: request.deviceOwner,
          securityGroups: request.securityGroups,
          body: { name: request.name ?? '' },
          madeForDevice: true,
        });
        changed();
        return bound(context, port);
      } catch (error) {
        return refusal(error);
      }
    },
    addressesOf(deviceId) {
      const context = contextNow();
      const result: Record<string, ServerAddress[]> = {};
      for (const port of Object.values(context.state.ports)) {
        if (port.deviceId !== deviceId) continue;
        const name = context.state.networks[port.networkId]?.name ?? port.networkId;
        result[name] ??= [];
        const list = result[name];
        for (const ip of port.fixedIps)
          list.push({ version: 4, addr: ip.ip_address, type: 'fixed', mac: port.macAddress });
        for (const floating of Object.values(context.state.floatingIps))
          if (floating.portId === port.id)
            list.push({
              version: 4,
              addr: floating.floatingIpAddress,
              type: 'floating',
              mac: port.macAddress,
            });
      }
      return result;
    },
    release(deviceId) {
      const context = contextNow();
      for (const port of Object.values(context.state.ports)) {
        if (port.deviceId !== deviceId) continue;
        if (port.madeForDevice) removePort(context, port.id);
        else {
          port.deviceId = '';
          port.deviceOwner = '';
        }
      }
      changed();
    },
  };
}
