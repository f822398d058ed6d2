package org.nocturne.cdshooks.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The source networks whose calls are trusted without a JWT ({@code
 * nocturne.security.trusted-networks}): for clients that cannot sign one (Bahmni's CDSS module
 * sends none). A network is an IPv4 or IPv6 CIDR ({@code 10.20.0.0/16}, {@code fd00::/8}) or one
 * address; only literal addresses are accepted, so no name lookup decides who is trusted.
 */
final class TrustedNetworks {
  private record Network(String text, byte[] address, int bits) {
    boolean contains(byte[] candidate) {
      if (candidate.length != address.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (candidate[i] != address[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (candidate[full] & mask) == (address[full] & mask);
    }
  }

  private final List<Network> networks;

  TrustedNetworks(List<String> cidrs) {
    List<Network> parsed = new ArrayList<>();
    for (String cidr : cidrs) {
      parsed.add(parse(cidr));
    }
    this.networks = List.copyOf(parsed);
  }

  boolean isEmpty() {
    return networks.isEmpty();
  }

  List<String> describe() {
    return networks.stream().map(Network::text).toList();
  }

  /** The configured network the address lies in, if any. */
  Optional<String> find(String remoteAddress) {
    byte[] candidate = literal(remoteAddress);
    if (candidate == null) {
      return Optional.empty();
    }
    return networks.stream().filter(n -> n.contains(candidate)).map(Network::text).findFirst();
  }

  private static Network parse(String cidr) {
    String text = cidr == null ? "" : cidr.strip();
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    byte[] address = literal(host);
    if (address == null) {
      throw new IllegalArgumentException(
          "nocturne.security.trusted-networks: not an IP address or CIDR: " + text);
    }
    int bits = address.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException(
            "nocturne.security.trusted-networks: bad prefix length in " + text);
      }
    }
    return new Network(text, address, bits);
  }

  /** The bytes of a literal IPv4 or IPv6 address, or {@code null}: never a DNS lookup. */
  private static byte[] literal(String host) {
    if (host == null
        || host.isEmpty()
        || !(host.matches("[0-9.]+") || (host.contains(":") && host.matches("[0-9A-Fa-f:.%]+")))) {
      return null;
    }
    try {
      return InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
