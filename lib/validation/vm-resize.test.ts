import { describe, expect, it } from 'vitest';
import { planResize, recommendedMaxMemory } from './vm-resize';

const running = { state: 'running', memory: 1024, cores: 1, vmMaxMemory: 2048 };

describe('recommendedMaxMemory (gandi.cli: max(2**ceil(log2(m)), 2048))', () => {
  it.each([
    [256, 2048],
    [2048, 2048],
    [2049, 4096],
    [3072, 4096],
    [4096, 4096],
    [5000, 8192],
    [65_536, 65_536],
  ])('%i MB → %i MB', (memory, expected) => expect(recommendedMaxMemory(memory)).toBe(expected));
});

describe('planResize', () => {
  it('reports nothing to change', () => {
    const plan = planResize(running, { memory: 1024, cores: 1 });
    expect(plan).toMatchObject({ changed: false, needsReboot: false, spec: {} });
  });

  it('changes cores live', () => {
    const plan = planResize(running, { memory: 1024, cores: 4 });
    expect(plan).toMatchObject({ changed: true, needsReboot: false, spec: { cores: 4 } });
    expect(plan.explanation).toMatch(/live/);
  });

  it('changes memory live up to vm_max_memory, without touching the maximum', () => {
    const plan = planResize(running, { memory: 2048, cores: 1 });
    expect(plan.spec).toEqual({ memory: 2048 });
    expect(plan.needsReboot).toBe(false);
  });

  it('lowers memory live', () => {
    expect(planResize(running, { memory: 512, cores: 1 })).toMatchObject({
      needsReboot: false,
      spec: { memory: 512 },
    });
  });

  it('needs a reboot above vm_max_memory on a running VM and sends the recommended maximum', () => {
    const plan = planResize(running, { memory: 3072, cores: 2 });
    expect(plan.spec).toEqual({ memory: 3072, cores: 2, vm_max_memory: 4096 });
    expect(plan.needsReboot).toBe(true);
    expect(plan.explanation).toMatch(/above this VM's live maximum of 2048 MB.*4096 MB.*restarts/);
  });

  it('raises the maximum without a reboot on a halted VM', () => {
    const plan = planResize({ ...running, state: 'halted' }, { memory: 3072, cores: 1 });
    expect(plan.spec).toEqual({ memory: 3072, vm_max_memory: 4096 });
    expect(plan.needsReboot).toBe(false);
    expect(plan.explanation).toMatch(/next starts/);
  });
});
