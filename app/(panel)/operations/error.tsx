'use client';

import { errorBoundaryFor } from '@/components/ui/route-error';

export default errorBoundaryFor('the operations');
