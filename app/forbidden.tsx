import { RootBoundary } from "@/components/layout/root-boundary";

/** See RootBoundary: the top segment's forbidden, outside both root layouts. */
export default function RootForbidden() {
  return <RootBoundary />;
}
