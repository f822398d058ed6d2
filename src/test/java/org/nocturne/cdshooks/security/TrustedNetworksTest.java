package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedNetworksTest {
  private final TrustedNetworks networks =
      new TrustedNetworks(List.of("10.20.0.0/16", "192.168.1.7", "fd00::/8"));

  @Test
  void anAddressInsideAConfiguredNetworkIsTrustedAndNamesItsNetwork() {
    assertThat(networks.find("10.20.255.1")).contains("10.20.0.0/16");
    assertThat(networks.find("192.168.1.7")).contains("192.168.1.7");
    assertThat(networks.find("fd12:3456::1")).contains("fd00::/8");
  }

  @Test
  void anAddressOutsideOrANameIsNotTrusted() {
    assertThat(networks.find("10.21.0.1")).isEmpty();
    assertThat(networks.find("192.168.1.8")).isEmpty();
    assertThat(networks.find("fe80::1")).isEmpty();
    assertThat(networks.find("localhost")).isEmpty();
    assertThat(networks.find(null)).isEmpty();
  }

  @Test
  void aMalformedNetworkFailsTheStartNamingIt() {
    assertThatThrownBy(() -> new TrustedNetworks(List.of("10.0.0.0/33")))
        .hasMessageContaining("10.0.0.0/33");
    assertThatThrownBy(() -> new TrustedNetworks(List.of("bahmni.example")))
        .hasMessageContaining("bahmni.example");
  }
}
