package io.github.lyncupgrade.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * How many Front End servers of an Enterprise pool must run for the pool to keep working: if
 * fewer run, the remaining ones stop their services. Microsoft's table (Lync Server 2013
 * "Topologies and components for Front End Servers", restated in Skype for Business Server's
 * high-availability page; {@code PROCEDURE.md}, "Facts from Microsoft's cmdlet reference"):
 *
 * <table>
 *   <caption>Pool-level quorum</caption>
 *   <tr><th>Front Ends in pool</th><th>must be running</th></tr>
 *   <tr><td>1</td><td>1</td></tr>
 *   <tr><td>2</td><td>1</td></tr>
 *   <tr><td>3-4</td><td>any 2</td></tr>
 *   <tr><td>5-6</td><td>any 3</td></tr>
 *   <tr><td>7</td><td>any 4</td></tr>
 *   <tr><td>8-9</td><td>any 4 of the first 7</td></tr>
 *   <tr><td>10-12</td><td>any 5 of the first 9</td></tr>
 *   <tr><td>12-16 (Skype for Business Server 2019)</td><td>any 7 of the first 12</td></tr>
 * </table>
 *
 * <p>The page lists 12 Front Ends in two rows; a Skype for Business Server 2019 pool of 12 takes
 * the 2019 row, the one written for its product (and the stricter: 7 running rather than 5).
 *
 * <p>"First" is topology order, the order of {@link Pool#frontEnds()}. A different table
 * (1-2:1, 3-4:2, 5-6:3, 7-8:4, 9-10:5, 11-12:6) circulates in a 2013 magazine article; it is not
 * Microsoft's and is not used.
 *
 * @param required how many servers must run
 * @param amongFirst how many servers, in topology order, the running ones are counted among
 */
public record PoolQuorum(int required, int amongFirst) {

  /** The quorum of {@code pool}: one server for Standard Edition, the table for Enterprise. */
  public static PoolQuorum of(Pool pool) {
    requireNonNull(pool, "pool");
    return of(pool.product(), pool.frontEnds().size());
  }

  /**
   * The quorum of a {@code product} pool of {@code frontEnds} servers.
   *
   * @throws IllegalArgumentException if {@code frontEnds} is not between 1 and the product's
   *     {@link ProductVersion#maxFrontEnds()}
   */
  public static PoolQuorum of(ProductVersion product, int frontEnds) {
    requireNonNull(product, "product");
    checkArgument(frontEnds >= 1 && frontEnds <= product.maxFrontEnds(), "a %s pool has 1 to %s Front End servers, not %s",
        product, product.maxFrontEnds(), frontEnds);
    if (frontEnds >= 12 && product == ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019) {
      return new PoolQuorum(7, 12);
    }
    return switch (frontEnds) {
      case 1, 2 -> new PoolQuorum(1, frontEnds);
      case 3, 4 -> new PoolQuorum(2, frontEnds);
      case 5, 6 -> new PoolQuorum(3, frontEnds);
      case 7, 8, 9 -> new PoolQuorum(4, 7);
      default -> new PoolQuorum(5, 9);
    };
  }

  /**
   * Whether the pool keeps quorum when exactly {@code running} of its {@code frontEnds} (in
   * topology order) run.
   */
  public boolean isMetBy(List<Server> frontEnds, Set<Server> running) {
    requireNonNull(frontEnds, "frontEnds");
    requireNonNull(running, "running");
    return countedAmong(frontEnds, running) >= required;
  }

  /**
   * The servers of {@code frontEnds} (in topology order) that the quorum counts and that run,
   * for messages that show why a quorum is or is not met.
   */
  public long countedAmong(List<Server> frontEnds, Set<Server> running) {
    return frontEnds.stream().limit(amongFirst).filter(running::contains).count();
  }

  @Override
  public String toString() {
    return "any " + required + " of the first " + amongFirst;
  }
}
