import { lookup } from "node:dns/promises";
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { NewsFetchError, NewsFetchErrorCode } from "./errors.js";

/**
 * Feed and article URLs come from feeds, which anyone can write: a link to 127.0.0.1, 10.0.0.5 or
 * 169.254.169.254 (a cloud's metadata service) would make the bot fetch from inside its own network.
 * Every URL, and every hop of a redirect, is resolved and refused when any of its addresses is not a
 * public unicast one.
 */

/** Not public: this host, private and shared networks, link-local, documentation, multicast, reserved. */
const NON_PUBLIC = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  NON_PUBLIC.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  NON_PUBLIC.addSubnet(net, bits, "ipv6");

/** True for a public unicast IPv4 or IPv6 address; false for anything else, text that is no address included. */
export function isPublicAddress(ip: string): boolean {
  if (isIPv4(ip)) return !NON_PUBLIC.check(ip, "ipv4");
  if (!isIPv6(ip)) return false;
  // IPv4 written in IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d) goes where its IPv4 goes.
  const embedded = embeddedIPv4(ip);
  if (embedded) return isPublicAddress(embedded);
  return !NON_PUBLIC.check(ip, "ipv6");
}

function embeddedIPv4(ip: string): string | null {
  // The URL parser writes every IPv6 address in one canonical form: [::ffff:7f00:1].
  const canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  const m = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!m) return null;
  const [hi, lo] = [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** The URL's host resolves to an address the bot must not fetch from. */
export class AddressRefusedError extends NewsFetchError {
  override readonly name = "AddressRefusedError";
  constructor(url: string, host: string, address: string) {
    super(
      `Address refused: ${host} is ${address}, not a public address`,
      NewsFetchErrorCode.AddressRefused,
      url,
      false,
    );
  }
}

/**
 * Resolves `url`'s host (every address, as the connection may use any) and throws when one is not
 * public. A host that does not resolve passes: the fetch then fails as the network error it is.
 * The check precedes the connection, so a DNS answer that changes in between (rebinding) is not
 * caught: global fetch offers no hook on the address it connects to.
 * @throws AddressRefusedError
 */
export async function assertPublicUrl(url: string): Promise<void> {
  const { hostname } = new URL(url);
  const host = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  let addresses: string[];
  if (isIPv4(host) || isIPv6(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      return;
    }
  }
  const bad = addresses.find((a) => !isPublicAddress(a));
  if (bad) throw new AddressRefusedError(url, host, bad);
}

/** The per-hop check for followRedirects: the address policy, unless the setting lets private addresses through. */
export function addressCheck(allowPrivateAddresses: boolean | undefined): (url: string) => Promise<void> {
  return allowPrivateAddresses ? async () => {} : assertPublicUrl;
}
