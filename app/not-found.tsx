import { RootBoundary } from "@/components/layout/root-boundary";

/** See RootBoundary: the top segment's not-found, outside both root layouts. */
export default function RootNotFound() {
  return <RootBoundary />;
}
