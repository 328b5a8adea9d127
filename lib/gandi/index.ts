/**
 * The typed Gandi Hosting client: one function per XML-RPC method, results as app types, every
 * failure a `GandiError`. Server-only: the API key it carries must never reach a browser bundle.
 */
import 'server-only';

export * from './types';
export * from './rproxy-types';
export { GandiError, isGandiError, userMessage, type GandiErrorKind } from './errors';
export { decodeFaultCode, type FaultQualification } from './fault-codes';
export { DEFAULT_TIMEOUT_MS } from './transport';
export {
  inGatedScope,
  runGated,
  UngatedCallError,
  type CallGate,
  type GatedCall,
} from './call-gate';
export { listAll, PAGE_SIZE } from './list';
export {
  findOperation,
  isFinal,
  operationsForVm,
  waitForOperations,
  type WaitOptions,
} from './operations';

export { versionInfo } from './version';
export { operationCancel, operationCount, operationInfo, operationList } from './operation';
export { accountInfo, catalogList, contactBalance, ratingList } from './account';
export { datacenterList } from './datacenter';
export { imageInfo, imageList } from './image';
export {
  vmCanMigrate,
  vmCount,
  vmCreate,
  vmCreateFrom,
  vmDelete,
  vmDiskAttach,
  vmDiskDetach,
  vmIfaceAttach,
  vmIfaceDetach,
  vmInfo,
  vmList,
  vmMigrate,
  vmReboot,
  vmStart,
  vmStop,
  vmUpdate,
} from './vm';
export {
  diskCount,
  diskCreate,
  diskCreateFrom,
  diskDelete,
  diskInfo,
  diskList,
  diskListKernels,
  diskListOptions,
  diskMigrate,
  diskRollbackFrom,
  diskUpdate,
} from './disk';
export { ifaceCount, ifaceCreate, ifaceDelete, ifaceInfo, ifaceList, ifaceUpdate } from './iface';
export { ipCount, ipInfo, ipList, ipUpdate } from './ip';
export { vlanCount, vlanCreate, vlanDelete, vlanInfo, vlanList, vlanUpdate } from './vlan';
export { sshCount, sshCreate, sshDelete, sshInfo, sshList } from './ssh';
export { snapshotProfileList } from './snapshot-profile';
export { metricAvailable, metricQuery } from './metric';
export {
  rproxyCount,
  rproxyCreate,
  rproxyDelete,
  rproxyInfo,
  rproxyList,
  rproxyProbeDisable,
  rproxyProbeEnable,
  rproxyProbeTest,
  rproxyProbeUpdate,
  rproxyServerCount,
  rproxyServerCreate,
  rproxyServerDelete,
  rproxyServerDisable,
  rproxyServerEnable,
  rproxyServerList,
  rproxyUpdate,
  rproxyVhostCount,
  rproxyVhostCreate,
  rproxyVhostDelete,
  rproxyVhostGetDnsEntries,
  rproxyVhostList,
} from './rproxy';
