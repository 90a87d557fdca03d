import { RootBoundary } from "@/components/layout/root-boundary";

/** See RootBoundary: the top segment's unauthorized, outside both root layouts. */
export default function RootUnauthorized() {
  return <RootBoundary />;
}
