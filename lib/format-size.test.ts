import { describe, expect, it } from 'vitest';
import { formatSize } from './format-size';

describe('formatSize', () => {
  it('shows whole gigabytes without decimals and keeps MB below one GB', () => {
    expect(formatSize(4096)).toBe('4 GB');
    expect(formatSize(1024)).toBe('1 GB');
    expect(formatSize(512)).toBe('512 MB');
    expect(formatSize(256)).toBe('256 MB');
    expect(formatSize(0)).toBe('0 MB');
  });

  it('rounds other sizes to one decimal of a GB and groups thousands', () => {
    expect(formatSize(1536)).toBe('1.5 GB');
    expect(formatSize(10_300)).toBe('10.1 GB');
    expect(formatSize(1_048_576)).toBe('1,024 GB');
  });

  it('does not print NaN or Infinity', () => {
    expect(formatSize(Number.NaN)).toBe('—');
    expect(formatSize(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
