import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, PreconditionFailedError } from '../../shared/domain/errors';
import { seekerProfileInput } from '../../shared/domain/seeker-input';
import { eraseSeeker, getSeekerProfile, saveSeekerProfile } from '../../shared/domain/seeker-operations';
import { StaleWriteError } from '../../shared/ports/store';
import { fixedClock, memorySeekerStore } from '../support/memory-stores';
import { paluSeekerProfile } from '../support/samples';

let seekers: ReturnType<typeof memorySeekerStore>;
let clock: ReturnType<typeof fixedClock>;
const input = () => seekerProfileInput.parse(paluSeekerProfile());

beforeEach(() => {
  seekers = memorySeekerStore();
  clock = fixedClock();
});

describe('saving a profile', () => {
  it('creates then replaces, keeping createdAt and moving the version', async () => {
    const first = await saveSeekerProfile({ seekers, clock }, 'lea', input(), undefined);
    expect(first).toMatchObject({ created: true, profile: { id: 'lea', version: 1 } });
    clock.advance(5000);
    const second = await saveSeekerProfile(
      { seekers, clock },
      'lea',
      { ...input(), skills: [{ label: 'meulage' }] },
      undefined,
    );
    expect(second.created).toBe(false);
    expect(second.profile).toMatchObject({
      version: 2,
      createdAt: first.profile.createdAt,
      skills: [{ label: 'meulage' }],
    });
  });

  it('refuses a stale If-Match', async () => {
    await saveSeekerProfile({ seekers, clock }, 'lea', input(), undefined);
    await expect(saveSeekerProfile({ seekers, clock }, 'lea', input(), 5)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('retries when another write slips in between read and write', async () => {
    await saveSeekerProfile({ seekers, clock }, 'lea', input(), undefined);
    const replace = seekers.replace.bind(seekers);
    let collisions = 1;
    seekers.replace = async (profile, expected) => {
      if (collisions-- > 0) {
        await replace({ ...profile, skills: [{ label: 'concurrent' }] }, expected);
        throw new StaleWriteError();
      }
      return replace(profile, expected);
    };
    const { profile } = await saveSeekerProfile({ seekers, clock }, 'lea', input(), undefined);
    expect(profile.version).toBe(3);
    expect(seekers.items.get('lea')?.skills).toEqual(input().skills);
  });
});

describe('reading and erasing', () => {
  it('reads the profile, then nothing after erasure', async () => {
    await saveSeekerProfile({ seekers, clock }, 'lea', input(), undefined);
    expect((await getSeekerProfile({ seekers }, 'lea')).home.commune).toBe('64445');
    await eraseSeeker({ seekers, clock }, 'lea');
    await expect(getSeekerProfile({ seekers }, 'lea')).rejects.toBeInstanceOf(NotFoundError);
    await expect(eraseSeeker({ seekers, clock }, 'lea')).resolves.toBeUndefined();
  });
});
