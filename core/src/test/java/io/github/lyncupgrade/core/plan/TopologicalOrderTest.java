package io.github.lyncupgrade.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lyncupgrade.core.internal.TopologicalOrder;
import org.junit.jupiter.api.Test;

class TopologicalOrderTest {

  @Test
  void keepsInsertionOrderWhereTheEdgesAllowAndOrdersForwardEdges() {
    int[][] prerequisites = {{2}, {}, {}, {0, 1}};

    TopologicalOrder.Result result = TopologicalOrder.order(prerequisites);

    assertThat(result.isAcyclic()).isTrue();
    assertThat(result.ordered()).containsExactly(1, 2, 0, 3);
  }

  @Test
  void insertionOrderThatIsAlreadyTopologicalIsReturnedAsIs() {
    assertThat(TopologicalOrder.order(new int[][] {{}, {0}, {0}, {1, 2}}).ordered()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aCycleIsReportedWithTheNodesThatCannotBeOrdered() {
    TopologicalOrder.Result result = TopologicalOrder.order(new int[][] {{}, {2}, {1}, {2}});

    assertThat(result.isAcyclic()).isFalse();
    assertThat(result.ordered()).containsExactly(0);
    assertThat(result.unordered()).containsExactly(1, 2, 3);
  }

  @Test
  void anUnknownPrerequisiteIsRefused() {
    assertThatThrownBy(() -> TopologicalOrder.order(new int[][] {{}, {5}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 1 depends on unknown node 5");
  }
}
