package io.github.lyncupgrade.powershell.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.powershell.topology.LyncDocuments.Encoding;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test documents of both shapes (src/test/resources/lync-topology), each read in every
 * encoding Lync's tools and Windows PowerShell write, from a file and from a stream: the exact
 * pools, Front Ends in topology order, upgrade domains, Back Ends and their BE-11 variant,
 * products, the Central Management Store's pool, the clusters skipped and the warnings, with
 * their lines.
 */
class LyncTopologyDocumentsTest {
  static final Path DOCUMENTS = Path.of("src/test/resources/lync-topology");

  @TempDir
  Path directory;

  /** What each document must read as: its topology, its skipped clusters, its warnings (line: element: words). */
  private record Expected(DocumentShape shape, Topology topology, String skipped, List<String> warnings) {}

  private static final Map<String, Expected> EXPECTED = Map.of(
      "lync2013.xml", new Expected(DocumentShape.PUBLISHED_TOPOLOGY, contoso(true),
          "skipped: 2 Edge servers, 1 Office Web Apps server, 1 PSTN gateway, 1 file server", List.of()),
      "lync2013.tbxml", new Expected(DocumentShape.TOPOLOGY_BUILDER, contoso(false),
          "skipped: 2 Edge servers, 1 Office Web Apps server, 1 PSTN gateway, 1 file server",
          List.of("2: TopologyBuilder: no active Central Management service")),
      "skype2015.tbxml", new Expected(DocumentShape.TOPOLOGY_BUILDER, withoutPartners(SampleTopologies.skypeForBusiness2015()),
          "skipped: 3 Edge servers, 2 Directors, 1 Office Web Apps server, 1 PSTN gateway, 1 file server,"
              + " 1 SQL server that is no pool's Back End", List.of()),
      "skype2019.xml", new Expected(DocumentShape.PUBLISHED_TOPOLOGY, litware2019(),
          "skipped: 2 Edge servers, 1 Director, 2 Mediation servers, 1 branch appliance, 1 Office Web Apps server,"
              + " 1 PSTN gateway, 1 server of another role",
          List.of("14: Cluster[@Fqdn='pool20.litware.com']: the topology order interleaves upgrade domains: fe201.litware.com"
                  + " (UpgradeDomain1), fe202.litware.com (UpgradeDomain2)",
              "118: Dependency[@Usage='Backup']: dependency usage 'Backup' not understood",
              "163: Service[@RoleName='PersistentChatStore']: a store of unknown role 'PersistentChatStore' on the Back End"
                  + " of pool20.litware.com",
              "287: Service[@RoleName='PersistentChatServer']: service role 'PersistentChatServer' not understood")));

  static Stream<Arguments> everyDocumentInEveryEncoding() {
    return EXPECTED.keySet().stream().sorted()
        .flatMap(document -> Arrays.stream(Encoding.values()).map(encoding -> Arguments.of(document, encoding)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyDocumentInEveryEncoding")
  void everyDocumentReadsTheSameInEveryEncodingFromAFileAndAStream(String document, Encoding encoding) throws IOException {
    byte[] bytes = LyncDocuments.encoded(Files.readString(DOCUMENTS.resolve(document), StandardCharsets.UTF_8), encoding);
    Path file = Files.write(directory.resolve(document), bytes);
    Expected expected = EXPECTED.get(document);

    for (ImportedTopology imported : List.of(LyncTopologyReader.create().read(file),
        LyncTopologyReader.create().read(new ByteArrayInputStream(bytes), document))) {
      assertThat(imported.topology()).isEqualTo(expected.topology());
      assertThat(imported.shape()).isEqualTo(expected.shape());
      assertThat(imported.encoding()).isEqualTo(encoding.description());
      assertThat(imported.skippedSummary()).isEqualTo(expected.skipped());
      assertThat(imported.warnings()).hasSameSizeAs(expected.warnings());
      for (int i = 0; i < expected.warnings().size(); i++) {
        DocumentFinding warning = imported.warnings().get(i);
        assertThat(warning.location().line() + ": " + warning.location().element() + ": " + warning.message())
            .startsWith(expected.warnings().get(i));
      }
    }
  }

  @Test
  void lync2013PublishedTopologyHasTheSamplesPoolsServersInOrdinalOrderAndTheCentralManagementStore() throws IOException {
    ImportedTopology imported = read("lync2013.xml");

    Topology topology = imported.topology();
    assertThat(topology.pools()).extracting(pool -> pool.fqdn().toString())
        .containsExactly("pool01.contoso.com", "pool02.contoso.com", "se01.contoso.com");
    EnterprisePool pool01 = (EnterprisePool) topology.pools().get(0);
    // The document lists fe02 before fe01; OrdinalInCluster puts fe01 first.
    assertThat(pool01.frontEnds()).extracting(Server::toString).containsExactly("fe01.contoso.com", "fe02.contoso.com",
        "fe03.contoso.com", "fe04.contoso.com", "fe05.contoso.com", "fe06.contoso.com");
    assertThat(pool01.upgradeDomains()).extracting(UpgradeDomain::name)
        .containsExactly("UpgradeDomain1", "UpgradeDomain2", "UpgradeDomain3");
    assertThat(pool01.backEnd().storeName()).isEqualTo("sql01.contoso.com");
    assertThat(pool01.backEnd().collocatedDatabases()).containsExactly(CollocatedDatabase.MONITORING);
    assertThat(variants(topology)).containsExactly(DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED,
        DatabaseUpdateVariant.CONFIGURED_DATABASES, DatabaseUpdateVariant.LOCAL_DATABASES);
    assertThat(topology.pools()).extracting(Pool::product).containsOnly(ProductVersion.LYNC_SERVER_2013);
    assertThat(topology.centralManagementStorePool()).hasValueSatisfying(pool -> assertThat(pool).hasToString(
        "pool01.contoso.com"));
    assertThat(imported.skipped()).extracting(SkippedCluster::fqdn)
        .containsExactly("edgepool.contoso.com", "contoso.com", "wac01", "gw01.contoso.com");
  }

  @Test
  void theSameDeploymentInBothShapesReadsTheSameWithTheOverlayItIsTheSample() throws IOException {
    TopologyOverlay partners = TopologyOverlay.builder("test")
        .partnerPool("pool01.contoso.com", "pool02.contoso.com")
        .partnerPool("pool02.contoso.com", "pool01.contoso.com").build();

    Topology published = LyncTopologyReader.builder().overlay(partners).build().read(DOCUMENTS.resolve("lync2013.xml"))
        .topology();
    Topology tbxml = LyncTopologyReader.builder().overlay(partners).build().read(DOCUMENTS.resolve("lync2013.tbxml"))
        .topology();

    assertThat(tbxml).isEqualTo(SampleTopologies.contoso());
    assertThat(published.pools()).isEqualTo(tbxml.pools());
    assertThat(published.centralManagementStorePool()).isPresent();
    assertThat(tbxml.centralManagementStorePool()).isEmpty();
  }

  @Test
  void skype2015TopologyBuilderFileReadsOnlyItsNewTopologyAlwaysOnBackEndFromThePrimaryAndListener() throws IOException {
    ImportedTopology imported = LyncTopologyReader.builder().overlay(TopologyOverlay.builder("test")
        .partnerPool("pool10.fabrikam.com", "pool11.fabrikam.com")
        .partnerPool("pool11.fabrikam.com", "pool10.fabrikam.com").build()).build().read(DOCUMENTS.resolve("skype2015.tbxml"));

    assertThat(imported.topology()).isEqualTo(SampleTopologies.skypeForBusiness2015());
    EnterprisePool pool10 = (EnterprisePool) imported.topology().pools().get(0);
    // The OriginalTopology has pool10 with two Front Ends: it is not current.
    assertThat(pool10.frontEnds()).hasSize(4);
    assertThat(pool10.backEnd().sqlServer()).hasToString("sql10a.fabrikam.com");
    assertThat(pool10.backEnd().listener()).hasValueSatisfying(listener -> assertThat(listener).hasToString("ag10.fabrikam.com"));
    assertThat(pool10.databaseTarget()).hasToString("ag10.fabrikam.com");
    // pool11's Archiving store is on another SQL Server: not collocated, and that server is skipped.
    assertThat(((EnterprisePool) imported.topology().pools().get(1)).backEnd().collocatedDatabases())
        .containsExactly(CollocatedDatabase.MONITORING);
    assertThat(imported.skipped()).filteredOn(cluster -> cluster.kind() == SkippedCluster.Kind.SQL_SERVER)
        .extracting(SkippedCluster::fqdn).containsExactly("sqlarch.fabrikam.com");
    assertThat(imported.topology().pools()).extracting(Pool::product)
        .containsOnly(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015);
  }

  @Test
  void skype2019PublishedTopologyHasManyFrontEndsDomainByDomainANamedInstanceAndAOneFrontEndEnterprisePool()
      throws IOException {
    Topology topology = read("skype2019.xml").topology();

    EnterprisePool pool20 = (EnterprisePool) topology.pools().get(0);
    assertThat(pool20.frontEnds()).hasSize(12);
    assertThat(pool20.upgradeDomain("UpgradeDomain2")).hasValueSatisfying(domain -> assertThat(domain.servers())
        .extracting(Server::toString).containsExactly("fe202.litware.com", "fe206.litware.com", "fe210.litware.com"));
    assertThat(pool20.backEnd().storeName()).isEqualTo("sql20.litware.com\\SKYPE");
    assertThat(pool20.backEnd().collocatedDatabases())
        .containsExactlyInAnyOrder(CollocatedDatabase.ARCHIVING, CollocatedDatabase.MONITORING);
    EnterprisePool pool21 = (EnterprisePool) topology.pools().get(1);
    assertThat(pool21.edition()).as("one Front End, but its UserStore is on another cluster").hasToString("ENTERPRISE");
    assertThat(pool21.frontEnds()).extracting(Server::toString).containsExactly("fe301.litware.com");
    assertThat(variants(topology)).containsExactly(DatabaseUpdateVariant.CONFIGURED_DATABASES_EXCLUDING_COLLOCATED,
        DatabaseUpdateVariant.CONFIGURED_DATABASES, DatabaseUpdateVariant.LOCAL_DATABASES);
    assertThat(topology.pools()).extracting(Pool::product).containsOnly(ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019);
    assertThat(topology.centralManagementStorePool()).hasValueSatisfying(pool -> assertThat(pool)
        .hasToString("pool21.litware.com"));
  }

  @Test
  void textThatPowerShellReturnsReadsLikeTheFile() throws IOException {
    String text = Files.readString(DOCUMENTS.resolve("skype2019.xml"), StandardCharsets.UTF_8);

    ImportedTopology imported = LyncTopologyReader.create().read("\uFEFF" + text, "Get-CsTopology -AsXml");

    assertThat(imported.topology()).isEqualTo(litware2019());
    assertThat(imported.encoding()).isEqualTo("text");
    assertThat(imported.warnings().get(0).toString()).startsWith("Get-CsTopology -AsXml:14: Cluster[@Fqdn='pool20");
  }

  private static ImportedTopology read(String document) {
    return LyncTopologyReader.create().read(DOCUMENTS.resolve(document));
  }

  private static List<DatabaseUpdateVariant> variants(Topology topology) {
    return topology.pools().stream().map(DatabaseUpdateVariant::forPool).toList();
  }

  /** The sample deployment, without its disaster-recovery pairs (no document carries them), with or without its store. */
  static Topology contoso(boolean centralManagementStore) {
    Topology.Builder topology = Topology.builder();
    withoutPartners(SampleTopologies.contoso()).pools().forEach(topology::pool);
    if (centralManagementStore) {
      topology.centralManagementStore("pool01.contoso.com");
    }
    return topology.build();
  }

  static Topology withoutPartners(Topology topology) {
    Topology.Builder copy = Topology.builder();
    topology.centralManagementStorePool().ifPresent(pool -> copy.centralManagementStore(pool.toString()));
    for (Pool pool : topology.pools()) {
      copy.pool(PoolCopies.withoutPartner(pool));
    }
    return copy.build();
  }

  static Topology litware2019() {
    ProductVersion skype = ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019;
    Pool.Builder pool20 = Pool.enterprise("pool20.litware.com").product(skype);
    for (int domain = 1; domain <= 4; domain++) {
      pool20.upgradeDomain("UpgradeDomain" + domain, "fe2" + String.format("%02d", domain) + ".litware.com",
          "fe2" + String.format("%02d", domain + 4) + ".litware.com", "fe2" + String.format("%02d", domain + 8) + ".litware.com");
    }
    return Topology.builder()
        .centralManagementStore("pool21.litware.com")
        .pool(pool20.backEnd("sql20.litware.com", CollocatedDatabase.ARCHIVING, CollocatedDatabase.MONITORING)
            .sqlInstance("SKYPE"))
        .pool(Pool.enterprise("pool21.litware.com").product(skype).upgradeDomain("UpgradeDomain1", "fe301.litware.com")
            .backEnd("sql21.litware.com"))
        .pool(Pool.standard("se22.litware.com").product(skype))
        .build();
  }
}
