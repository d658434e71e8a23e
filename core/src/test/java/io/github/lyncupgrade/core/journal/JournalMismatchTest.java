package io.github.lyncupgrade.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.plan.CanonicalOptions;
import io.github.lyncupgrade.core.step.StepId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Why a journal is refused for a plan (FE-0's record must belong to the plan it resumes). */
class JournalMismatchTest {
  private static final String JOURNAL = "0123456789abcdef0123";
  private static final String PLAN = "fedcba9876543210fedc";

  private static List<StepId> steps(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> new StepId("pool01.contoso.com/UD" + i + "/settle")).toList();
  }

  @Test
  void aJournalWhoseStepsAreAllUnknownBelongsToAnotherTopology() {
    assertThat(new JournalMismatch(JOURNAL, PLAN, List.of(), Optional.empty(), steps(3), 3).sharesNoStep()).isTrue();
    assertThat(new JournalMismatch(JOURNAL, PLAN, List.of(), Optional.empty(), steps(2), 3).sharesNoStep()).isFalse();
    assertThat(new JournalMismatch(JOURNAL, PLAN, List.of(), Optional.empty(), steps(0), 0).sharesNoStep())
        .as("a journal that records nothing shares no step, yet tells nothing").isFalse();
  }

  @Test
  void aMismatchShowsAbbreviatedFingerprintsAndSaysWhatChanged() {
    JournalMismatch optionsChanged = new JournalMismatch(JOURNAL, PLAN,
        List.of(new CanonicalOptions.Change("scheduledDowntime", Optional.of("false"), Optional.of("true")),
            new CanonicalOptions.Change("updatePackage", Optional.empty(), Optional.of("C:\\cu"))),
        Optional.empty(), List.of(), 4);

    assertThat(optionsChanged.isTampered()).isFalse();
    assertThat(optionsChanged.describe("run.journal")).isEqualTo("the journal run.journal was written for a different"
        + " plan (fingerprint 0123456789ab..., this plan fedcba987654...); resuming could skip or repeat steps."
        + "\n  The options changed: scheduledDowntime was 'false', is 'true'; updatePackage was not set, is 'C:\\cu'"
        + "\n  Resume with the topology and options of the original run, or start a new journal.");
  }

  @Test
  void theSameStepsWithNothingElseChangedMeanTheTopologyChangedWhatTheyDo() {
    JournalMismatch shortPrints = new JournalMismatch("0123456789ab", "short", List.of(), Optional.empty(), List.of(), 2);

    assertThat(shortPrints.describe("run.journal"))
        .contains("(fingerprint 0123456789ab, this plan short)")
        .contains("\n  The same steps are planned, but the topology changed what they do or their order.");
    for (JournalMismatch withAReason : List.of(
        new JournalMismatch(JOURNAL, PLAN, List.of(), Optional.of("PlanOptions[...]"), List.of(), 2),
        new JournalMismatch(JOURNAL, PLAN, List.of(), Optional.empty(), steps(1), 2),
        new JournalMismatch(JOURNAL, PLAN, List.of(new CanonicalOptions.Change("k", Optional.empty(), Optional.of("v"))),
            Optional.empty(), List.of(), 2))) {
      assertThat(withAReason.describe("run.journal")).doesNotContain("The same steps are planned");
    }
  }

  @Test
  void atMostFiveUnknownStepsAreNamedThenHowManyMore() {
    assertThat(new JournalMismatch(JOURNAL, PLAN, List.of(), Optional.empty(), steps(5), 5).steps())
        .isEqualTo(String.join(", ", steps(5).stream().map(StepId::value).toList()));
    assertThat(new JournalMismatch(JOURNAL, PLAN, List.of(), Optional.empty(), steps(7), 7).steps())
        .isEqualTo(String.join(", ", steps(5).stream().map(StepId::value).toList()) + " and 2 more");
  }

  @Test
  void aJournalOfThisPlanThatRecordsOtherStepsWasTamperedWith() {
    JournalMismatch tampered = new JournalMismatch(PLAN, PLAN, List.of(), Optional.empty(), steps(1), 3);

    assertThat(tampered.isTampered()).isTrue();
    assertThat(tampered.describe("run.journal")).isEqualTo("the journal run.journal was written for this plan, yet it"
        + " records steps the plan does not have (pool01.contoso.com/UD1/settle): it was edited or damaged and cannot"
        + " be trusted; start a new journal");
  }
}
