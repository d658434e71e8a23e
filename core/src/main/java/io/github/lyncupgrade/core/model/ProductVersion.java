package io.github.lyncupgrade.core.model;

import java.util.Optional;

/**
 * The server product a pool runs. Skype for Business Server 2015 and 2019 kept Lync Server
 * 2013's building blocks (pools, upgrade domains, Back End stores) but patch Front Ends one
 * server at a time ({@code Invoke-CsComputerFailOver}), allow larger pools (2019) and rename
 * the readiness cmdlet (2019); {@code PROCEDURE.md}, "Facts from Microsoft's cmdlet reference".
 */
public enum ProductVersion {
  /** Lync Server 2013: major build 5. */
  LYNC_SERVER_2013("Lync Server 2013", 5, 12, "LyncServerUpdateInstaller.exe", "Get-CsPoolUpgradeReadinessState"),
  /** Skype for Business Server 2015: major build 6. */
  SKYPE_FOR_BUSINESS_SERVER_2015("Skype for Business Server 2015", 6, 12, "SkypeServerUpdateInstaller.exe",
      "Get-CsPoolUpgradeReadinessState"),
  /** Skype for Business Server 2019: major build 7; {@code Get-CsUpgradeDomainInfo} reports readiness. */
  SKYPE_FOR_BUSINESS_SERVER_2019("Skype for Business Server 2019", 7, 16, "SkypeServerUpdateInstaller.exe",
      "Get-CsUpgradeDomainInfo");

  private final String displayName;
  private final int majorBuild;
  private final int maxFrontEnds;
  private final String installer;
  private final String readinessCmdlet;

  ProductVersion(String displayName, int majorBuild, int maxFrontEnds, String installer, String readinessCmdlet) {
    this.displayName = displayName;
    this.majorBuild = majorBuild;
    this.maxFrontEnds = maxFrontEnds;
    this.installer = installer;
    this.readinessCmdlet = readinessCmdlet;
  }

  /** The product whose builds start with {@code build}'s major number (5, 6 or 7). */
  public static Optional<ProductVersion> ofBuild(BuildVersion build) {
    for (ProductVersion product : values()) {
      if (build.major() == product.majorBuild) {
        return Optional.of(product);
      }
    }
    return Optional.empty();
  }

  /** The product's name, for example {@code Skype for Business Server 2015}. */
  public String displayName() {
    return displayName;
  }

  /** The most Front End servers an Enterprise Edition pool of this product may have. */
  public int maxFrontEnds() {
    return maxFrontEnds;
  }

  /** The cumulative update's installer. */
  public String installer() {
    return installer;
  }

  /** The cmdlet that reports a pool's upgrade readiness and its upgrade domains. */
  public String readinessCmdlet() {
    return readinessCmdlet;
  }

  /** Whether Front Ends can be patched one at a time with {@code Invoke-CsComputerFailOver} (2015 and later). */
  public boolean hasComputerFailover() {
    return this != LYNC_SERVER_2013;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
