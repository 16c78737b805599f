import type { NovaVolumeBackend } from '../nova/nova-settings.js';
import { attachRefusal, beginAttach, beginDetach } from './cinder-attaching.js';
import type { CinderFake } from './cinder-fake.js';

/**
 * What Nova asks Cinder when it attaches or detaches a volume (os-volume_attachments): the sim
 * cloud hands this to the Nova fake, so an attach turns the Cinder volume attaching → in-use.
 */
export function cinderVolumeBackend(cinder: CinderFake): NovaVolumeBackend {
  return {
    attach(volumeId, serverId, device) {
      cinder.settle();
      const volume = cinder.state.volumes[volumeId];
      if (!volume) return 'not-found';
      const refusal = attachRefusal(volume);
      if (refusal) return { invalid: refusal };
      beginAttach(cinder.settings, volume, serverId, {
        device,
        connected: true,
        now: cinder.settings.clock.now(),
      });
      cinder.settings.save();
      return 'ok';
    },
    detach(volumeId, serverId) {
      cinder.settle();
      const volume = cinder.state.volumes[volumeId];
      const attachment = volume?.attachments.find((candidate) => candidate.serverId === serverId);
      if (!volume || !attachment) return;
      beginDetach(cinder.settings, volume, attachment, cinder.settings.clock.now());
      cinder.settings.save();
    },
  };
}
