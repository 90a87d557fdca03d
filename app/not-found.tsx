import { RootBoundary } from "@/components/layout/root-boundary";

/** See RootBoundary: the top segment's not-found, outside the root layout. */
export default function RootNotFound() {
  return <RootBoundary />;
}
