package org.nocturne.clinical;

import java.util.List;

/** The cause model's conclusions, each explained. */
public record Assessment(List<String> unavailableData) {
  public Assessment {
    unavailableData = List.copyOf(unavailableData);
  }
}
