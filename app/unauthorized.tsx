import { RootBoundary } from "@/components/layout/root-boundary";

/** See RootBoundary: the top segment's unauthorized, outside the root layout. */
export default function RootUnauthorized() {
  return <RootBoundary />;
}
