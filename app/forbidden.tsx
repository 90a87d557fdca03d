import { RootBoundary } from "@/components/layout/root-boundary";

/** See RootBoundary: the top segment's forbidden, outside the root layout. */
export default function RootForbidden() {
  return <RootBoundary />;
}
