'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { ResourceNames } from './resource-label';

const ResourceNamesContext = createContext<ResourceNames>({});

/** Names a page knows (its VM, its disks and interfaces) for the live operation rows below. */
export function ResourceNamesProvider({
  names,
  children,
}: {
  names: ResourceNames;
  children: ReactNode;
}) {
  return <ResourceNamesContext value={names}>{children}</ResourceNamesContext>;
}

export function useResourceNames(): ResourceNames {
  return useContext(ResourceNamesContext);
}
