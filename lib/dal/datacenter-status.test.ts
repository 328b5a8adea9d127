import { describe, expect, it } from 'vitest';
import { datacenterStatus, describeDatacenterStatus } from './datacenter-status';

describe('datacenter status', () => {
  it('maps iaas_closed_for to open / closing on DATE / closed', () => {
    expect(
      describeDatacenterStatus(datacenterStatus({ iaasClosedFor: 'NONE', deactivateAt: null })),
    ).toBe('Open');
    expect(
      describeDatacenterStatus(datacenterStatus({ iaasClosedFor: 'ALL', deactivateAt: null })),
    ).toBe('Closed');
    expect(
      describeDatacenterStatus(
        datacenterStatus({
          iaasClosedFor: 'NEW',
          deactivateAt: new Date(Date.UTC(2017, 11, 25, 0, 0, 0)),
        }),
      ),
    ).toBe('Closing on 25 Dec 2017');
    expect(
      describeDatacenterStatus(datacenterStatus({ iaasClosedFor: 'NEW', deactivateAt: null })),
    ).toBe('Closing (no new resources)');
  });

  it('prints the UTC date whatever the process time zone', () => {
    // 23:30 UTC on the 24th is already the 25th in Paris and still the 24th in New York.
    const status = datacenterStatus({
      iaasClosedFor: 'NEW',
      deactivateAt: new Date(Date.UTC(2017, 11, 24, 23, 30)),
    });
    expect(describeDatacenterStatus(status)).toBe('Closing on 24 Dec 2017');
  });
});
