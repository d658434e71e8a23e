package io.github.lyncupgrade.core.model;

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
 * </table>
 *
 * <p>"First" is topology order, the order of {@link Pool#frontEnds()}. A different table
 * (1-2:1, 3-4:2, 5-6:3, 7-8:4, 9-10:5, 11-12:6) circulates in a 2013 magazine article; it is not
 * Microsoft's and is not used.
 *
 * @param required how many servers must run
 * @param amongFirst how many servers, in topology order, the running ones are counted among
 */
public record PoolQuorum(int required, int amongFirst) {

  /**
   * The quorum of a pool of {@code frontEnds} servers.
   *
   * @throws IllegalArgumentException if {@code frontEnds} is not between 1 and 12
   */
  public static PoolQuorum forPoolSize(int frontEnds) {
    if (frontEnds < 1 || frontEnds > TopologyValidator.MAX_FRONT_ENDS) {
      throw new IllegalArgumentException("a Lync Server 2013 pool has 1 to " + TopologyValidator.MAX_FRONT_ENDS
          + " Front End servers, not " + frontEnds);
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
    long counted = frontEnds.stream().limit(amongFirst).filter(running::contains).count();
    return counted >= required;
  }

  @Override
  public String toString() {
    return "any " + required + " of the first " + amongFirst;
  }
}
