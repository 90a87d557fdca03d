import { describe, expect, it } from "vitest";
import { clamdAddressFromEnv, malwareScannerConfigured, parseScanReply, ScannerConfigurationError, ScannerUnavailableError } from "@/lib/storage/clamd";

describe("clamd client", () => {
  it("reads CLAMAV_SOCKET as a socket path or tcp://host:port, and nothing as no scanner", () => {
    expect(clamdAddressFromEnv({})).toBeNull();
    expect(clamdAddressFromEnv({ CLAMAV_SOCKET: "  " })).toBeNull();
    expect(malwareScannerConfigured({})).toBe(false);
    expect(clamdAddressFromEnv({ CLAMAV_SOCKET: "/run/clamav/clamd.ctl" })).toEqual({ path: "/run/clamav/clamd.ctl" });
    expect(malwareScannerConfigured({ CLAMAV_SOCKET: "/run/clamav/clamd.ctl" })).toBe(true);
    expect(clamdAddressFromEnv({ CLAMAV_SOCKET: "tcp://clamav.internal:3310" })).toEqual({ host: "clamav.internal", port: 3310 });
    expect(clamdAddressFromEnv({ CLAMAV_SOCKET: "tcp://[::1]:3310" })).toEqual({ host: "::1", port: 3310 });
    for (const malformed of ["tcp://clamav.internal", "tcp://:3310", "tcp://host:0", "tcp://exa mple:3310"]) {
      expect(() => clamdAddressFromEnv({ CLAMAV_SOCKET: malformed })).toThrow(ScannerConfigurationError);
    }
  });

  it("tells clean, infected and a failure to scan apart", () => {
    expect(parseScanReply("stream: OK")).toEqual({ infected: false });
    expect(parseScanReply("stream: Eicar-Signature FOUND")).toEqual({ infected: true, signature: "Eicar-Signature" });
    expect(parseScanReply("stream: Win.Test.EICAR_HDB-1.UNOFFICIAL FOUND")).toEqual({ infected: true, signature: "Win.Test.EICAR_HDB-1.UNOFFICIAL" });
    for (const failure of ["INSTREAM size limit exceeded. ERROR", "stream: Can't allocate memory ERROR", "", "UNKNOWN COMMAND"]) {
      expect(() => parseScanReply(failure)).toThrow(ScannerUnavailableError);
      // clamd answered: it is up, only this stream failed.
      expect(() => parseScanReply(failure)).toThrow(expect.objectContaining({ answered: true }));
    }
  });
});
