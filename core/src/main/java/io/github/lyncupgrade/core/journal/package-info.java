/**
 * The durable record of a run (FE-0's "keep track"). Start with
 * {@link io.github.lyncupgrade.core.journal.Journal#file}: a text file of step transitions, each forced to disk
 * before the step goes on, read back by {@link io.github.lyncupgrade.core.journal.FileJournal#read} into
 * {@link io.github.lyncupgrade.core.journal.JournalContents}; a journal of another plan is refused with
 * {@link io.github.lyncupgrade.core.journal.JournalMismatchException}, which names what differs.
 */
package io.github.lyncupgrade.core.journal;
