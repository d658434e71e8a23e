package io.github.lyncupgrade.powershell;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.powershell.internal.ScriptContract.Reading;
import io.github.lyncupgrade.powershell.internal.ScriptContract.Row;
import io.github.lyncupgrade.powershell.internal.ScriptContracts.BackupRelationship;
import java.util.List;
import java.util.Optional;

/**
 * What {@code Get-CsPoolBackupRelationship} says of one pool (PROCEDURE T-4), read fail closed, for
 * discovery and the probe alike: its one backup pool; or none, read only from the terminating error
 * the cmdlet itself raises for a pool without one, of category {@code ObjectNotFound}. Any other
 * error (the Lync module missing, whose {@code CommandNotFoundException} is also
 * {@code ObjectNotFound} but raised by no cmdlet; access denied; the store unreachable) fails,
 * naming it, and so does a reply with neither a relationship nor an error, or with several.
 *
 * <p>Which error the cmdlet raises for an unpaired pool is not in Microsoft's reference: this is
 * the SDK's reading, to be confirmed on a lab, where {@code lync-upgrade probe} shows the error's
 * id, category, command and message for every pool without a partner.
 */
final class BackupRelationships {
  static final String CMDLET = BackupRelationship.RELATIONSHIP.cmdlet();
  /** The category of the error the cmdlet raises for a pool without a backup pool. */
  static final String UNPAIRED_CATEGORY = "ObjectNotFound";

  private BackupRelationships() {}

  /**
   * The cmdlet's answer for {@code pool}: its partner, or none.
   *
   * @param partner the backup pool, or empty when the cmdlet said the pool has none
   * @param evidence what the cmdlet said, in one phrase for the operator
   */
  record Answer(Optional<Fqdn> partner, String evidence) {}

  /**
   * Reads {@code reading}, the backup-relationship script's reply for {@code pool}.
   *
   * @throws UnreadableReplyException if the reply holds no answer, several, or a backup pool that is no FQDN
   * @throws DeploymentException if the cmdlet failed with another error than "no backup pool"
   */
  static Answer read(Reading reading, Fqdn pool) {
    List<Row> relationships = reading.all(BackupRelationship.RELATIONSHIP);
    List<Row> errors = reading.all(BackupRelationship.TERMINATING_ERROR);
    if (relationships.size() == 1 && errors.isEmpty()) {
      Fqdn partner = relationships.get(0).parse(BackupRelationship.BACKUP_POOL, "the backup pool's FQDN", Fqdn::of);
      return new Answer(Optional.of(partner), "backup pool " + partner + " (" + CMDLET + ")");
    }
    if (relationships.isEmpty() && errors.size() == 1) {
      Row error = errors.get(0);
      String thrown = error.get(BackupRelationship.ERROR_ID) + " (" + error.get(BackupRelationship.CATEGORY) + ", from "
          + (error.get(BackupRelationship.ACTIVITY).isEmpty() ? "no command" : error.get(BackupRelationship.ACTIVITY))
          + "): " + error.get(BackupRelationship.MESSAGE);
      if (isUnpaired(error)) {
        return new Answer(Optional.empty(), "no backup pool (" + CMDLET + " threw " + thrown + ")");
      }
      throw new DeploymentException(CMDLET, pool, "it threw " + thrown + ". Only the cmdlet's own "
          + UNPAIRED_CATEGORY + " error, for a pool without a backup pool, reads as no partner; this one says nothing"
          + " about the pool's partner");
    }
    throw reading.problem(BackupRelationship.RELATIONSHIP, "BackupPoolFqdn", "one backup relationship, or the"
        + " cmdlet's error for a pool without one", relationships.size() + " relationships and " + errors.size()
        + " errors");
  }

  private static boolean isUnpaired(Row error) {
    return UNPAIRED_CATEGORY.equals(error.get(BackupRelationship.CATEGORY))
        && CMDLET.equalsIgnoreCase(error.get(BackupRelationship.ACTIVITY));
  }
}
