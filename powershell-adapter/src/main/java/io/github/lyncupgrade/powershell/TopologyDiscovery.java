package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.DeploymentException;
import io.github.lyncupgrade.core.model.BackEndHighAvailability;
import io.github.lyncupgrade.core.model.BackEndStore;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.powershell.internal.ScriptContract.Reading;
import io.github.lyncupgrade.powershell.internal.ScriptContracts;
import io.github.lyncupgrade.powershell.topology.DocumentFinding;
import io.github.lyncupgrade.powershell.topology.ImportedTopology;
import io.github.lyncupgrade.powershell.topology.LyncTopologyReader;
import io.github.lyncupgrade.powershell.topology.SourceLocation;
import io.github.lyncupgrade.powershell.topology.TopologyDocumentException;
import io.github.lyncupgrade.powershell.topology.TopologyOverlay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a live deployment's topology from Lync's own published topology: one call,
 * {@code Get-CsTopology -AsXml}, mapped by the reader {@code --topology} uses
 * ({@link LyncTopologyReader}), so that the pools (user pools only: Directors, branch appliances,
 * Edge and the rest are skipped by the reader's rules and listed), their Front Ends in topology
 * order, upgrade domains, Back Ends, collocated stores, AlwaysOn listeners, products and the
 * Central Management Store all come from the document. Only what the document does not carry
 * comes from live cmdlets, fed to the reader as a {@link TopologyOverlay}: each user pool's
 * disaster-recovery partner ({@code Get-CsPoolBackupRelationship}, whose error for a pool without
 * one is read as "no partner" and no other error is) and whether each standalone Enterprise Back
 * End is mirrored ({@code Test-CsDatabase -ConfiguredDatabases}, once per SQL Server). What the
 * live cmdlets say is checked against the document like any overlay: a partner the document has
 * no user pool of, or a pair whose pools do not name each other, is refused.
 *
 * <p>Everything is read fail closed: a reply without the document, with something else than one
 * string in it, or with a document that is empty, not XML or not a usable topology is a
 * {@link TopologyDocumentException} naming what arrived; a reply of the other scripts that does
 * not hold to its contract, an {@link UnreadableReplyException}; a partner's error that is not the
 * unpaired pool's, a {@link DeploymentException} naming it; never an empty topology.
 */
public final class TopologyDiscovery {
  /** The name discovery gives the published topology in every message: the cmdlet that returned it. */
  public static final String SOURCE = "Get-CsTopology -AsXml";
  /** The name of the overlay the live cmdlets' answers make, in the reader's messages. */
  private static final String LIVE = "discovery's live cmdlets";

  private TopologyDiscovery() {}

  /**
   * The topology of the deployment behind {@code session}, which stays open.
   *
   * @throws TopologyDocumentException if the published topology did not arrive, or cannot be used
   *     (every problem, with its line in the document)
   * @throws UnreadableReplyException if a backup relationship's or a store's reply cannot be read
   * @throws DeploymentException if a backup relationship's or a store's script fails, or
   *     {@code Get-CsPoolBackupRelationship} fails with another error than the one for a pool without a partner
   * @throws PowerShellException if the published topology's script fails, or the session cannot run it
   */
  public static DiscoveredTopology discover(PowerShellSession session) {
    requireNonNull(session, "session");
    String document = document(session);
    ImportedTopology published = LyncTopologyReader.create().read(document, SOURCE);
    PowerShellDeployment deployment = PowerShellDeployment.reading(session);
    TopologyOverlay.Builder live = TopologyOverlay.builder(LIVE);
    List<String> answers = new ArrayList<>();
    Map<Fqdn, Reading> databasesBySqlServer = new HashMap<>();
    for (Pool pool : published.topology().pools()) {
      BackupRelationships.Answer partner = BackupRelationships.read(deployment.query(
          ScriptContracts.BackupRelationship.CONTRACT, BackupRelationships.CMDLET, pool.fqdn(),
          PowerShellDeployment.invocation("backup-relationship").with("Pool", pool.fqdn())), pool.fqdn());
      answers.add(pool.fqdn() + ": " + partner.evidence());
      partner.partner().ifPresent(backup -> live.at(0, BackupRelationships.CMDLET + " -PoolFqdn " + pool.fqdn())
          .partnerPool(pool.fqdn().toString(), backup.toString()));
      if (pool instanceof EnterprisePool enterprise
          && enterprise.backEnd().highAvailability() == BackEndHighAvailability.STANDALONE) {
        BackEndStore store = enterprise.backEnd();
        Reading databases = databasesBySqlServer.computeIfAbsent(store.sqlServer(), sqlServer -> deployment.query(
            ScriptContracts.StoreMirror.CONTRACT, StoreMirrors.CMDLET, sqlServer,
            PowerShellDeployment.invocation("store-mirror").with("SqlServer", sqlServer)));
        StoreMirrors.Answer mirror = StoreMirrors.read(databases, store);
        answers.add(pool.fqdn() + ": Back End " + store.storeName() + " " + mirror.evidence());
        mirror.mirror().ifPresent(sqlServer -> live.at(0, StoreMirrors.CMDLET + " -SqlServerFqdn " + store.sqlServer())
            .mirror(pool.fqdn().toString(), sqlServer.toString()));
      }
    }
    TopologyOverlay additions = live.build();
    ImportedTopology imported = additions.isEmpty() ? published
        : LyncTopologyReader.builder().overlay(additions).build().read(document, SOURCE);
    return new DiscoveredTopology(imported, document, answers);
  }

  /** The published topology's text, as {@code Get-CsTopology -AsXml} returned it: one string, and XML. */
  private static String document(PowerShellSession session) {
    PsReply reply = session.invoke(PowerShellDeployment.invocation("topology"), session.options().readTimeout());
    if (!reply.succeeded()) {
      throw new PowerShellException(SOURCE + " failed: " + reply.errors().stream().map(PsReply.PsError::toString)
          .collect(Collectors.joining("; ")), session.stderrTail());
    }
    List<ReplyProblem> problems = ScriptContracts.Topology.CONTRACT.check(reply);
    if (!problems.isEmpty()) {
      throw refused(problems.stream().map(problem -> "the published topology did not arrive: " + problem.describe())
          .toList());
    }
    PsReply.PsValue value = reply.output().get(0).get(ScriptContracts.Topology.DOCUMENT.name());
    String text = value.text();
    if (!(text.startsWith("\uFEFF") ? text.substring(1) : text).stripLeading().startsWith("<")) {
      throw refused(List.of("not XML: the cmdlet returned " + value.rendering()));
    }
    return text;
  }

  private static TopologyDocumentException refused(List<String> messages) {
    return new TopologyDocumentException(SOURCE, messages.stream()
        .map(message -> new DocumentFinding(new SourceLocation(SOURCE, 0, "its reply"), message)).toList());
  }
}
