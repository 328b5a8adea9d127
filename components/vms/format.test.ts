import { describe, expect, it } from 'vitest';
import { formatBandwidth, formatDateTime, formatMemory, formatState } from './format';

describe('VM formatting', () => {
  it('shows memory in MB below 1 GB and in GB above', () => {
    expect(formatMemory(512)).toBe('512 MB');
    expect(formatMemory(2048)).toBe('2 GB');
    expect(formatMemory(1536)).toBe('1.5 GB');
  });
  it('shows bandwidth in the units Gandi sold it', () => {
    expect(formatBandwidth(102_400)).toBe('100 Mbit/s');
    expect(formatBandwidth(1_048_576)).toBe('1 Gbit/s');
    expect(formatBandwidth(512)).toBe('512 kbit/s');
  });
  it('turns states into words', () => expect(formatState('being_created')).toBe('Being created'));
  it('formats instants in UTC', () => {
    expect(formatDateTime(new Date(Date.UTC(2018, 4, 18, 17, 11)))).toBe('18 May 2018, 17:11 UTC');
    expect(formatDateTime(null)).toBe('—');
  });
});
