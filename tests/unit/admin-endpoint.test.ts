// The embedded site's admin endpoint answers this machine only, and only the lock file's token.
import { describe, expect, it } from "vitest";
import { isLoopback, tokenMatches } from "@/lib/embedded/admin-server";

describe("admin endpoint checks", () => {
  it("accepts loopback addresses only (IPv4, IPv6 and IPv4-mapped)", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(a), a).toBe(true);
    for (const a of ["10.0.0.1", "192.168.1.5", "::ffff:10.0.0.1", "fe80::1", "1127.0.0.1", "", undefined]) expect(isLoopback(a), String(a)).toBe(false);
  });
  it("accepts exactly the token as a Bearer credential", () => {
    const token = "t".repeat(43);
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    for (const h of [undefined, "", token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `bearer ${token}`, `Basic ${token}`])
      expect(tokenMatches(h, token), String(h)).toBe(false);
  });
});
