package io.github.lyncupgrade.core.plan;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.BuildVersion;

/**
 * The cumulative update to install: where its installer is, and the build it brings servers to.
 * The location is carried as data (never as PowerShell code) to the servers. Immutable.
 *
 * @param location the installer's path or UNC path, for example
 *     a UNC path to {@code LyncServerUpdateInstaller.exe} on a file share
 * @param targetVersion the build a server reports once updated; a server already at it is skipped
 */
public record UpdatePackage(String location, BuildVersion targetVersion) {
  /** Rejects nulls, a blank location and control characters in it. */
  public UpdatePackage {
    requireNonNull(location, "location");
    requireNonNull(targetVersion, "targetVersion");
    if (location.isBlank()) {
      throw new IllegalArgumentException("the update package location must not be blank");
    }
    for (int i = 0; i < location.length(); i++) {
      if (Character.isISOControl(location.charAt(i))) {
        throw new IllegalArgumentException(String.format(
            "the update package location has a control character U+%04X at index %d", (int) location.charAt(i), i));
      }
    }
  }

  /** A package at {@code location} that brings servers to {@code targetVersion} (for example 5.0.8308.1001). */
  public static UpdatePackage of(String location, String targetVersion) {
    return new UpdatePackage(location, BuildVersion.parse(targetVersion));
  }
}
