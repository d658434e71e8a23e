package io.github.lyncupgrade.powershell.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topology document is untrusted input. A DTD (and with it every entity: internal, external,
 * the "billion laughs"), nesting deeper than any Lync document, and more bytes than any topology
 * are refused with a {@link TopologyDocumentException} that says why, before anything is
 * expanded, fetched or kept in memory. Each case prints how long the refusal took (a figure, not
 * an assertion); the big inputs are generated here, never committed.
 */
@Tag("reliability")
class HostileTopologyDocumentTest {
  private static final String ROOT = "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">";

  @TempDir
  Path directory;

  @Test
  void aDtdIsRefusedBeforeAnyEntityIsDeclared() {
    TopologyDocumentException refused = refusedAs("dtd", () -> read("<!DOCTYPE Topology [<!ENTITY name \"pool01\">]>\n"
        + ROOT + "<Clusters><Cluster Fqdn=\"&name;.contoso.com\"/></Clusters></Topology>"));

    assertThat(refused.problems()).singleElement().hasToString("hostile.xml:1: document type declaration (<!DOCTYPE>): a DTD"
        + " is refused: Lync's topology documents have none, and a DTD is how entity expansion (\"billion laughs\") and"
        + " external entities get into XML");
  }

  @Test
  void theBillionLaughsAreRefusedWithoutExpandingAnything() {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Topology [\n  <!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 10; i++) {
      dtd.append("  <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    String document = dtd + "]>\n" + ROOT + "&lol10;</Topology>";

    TopologyDocumentException refused = refusedAs("billion laughs", () -> read(document));

    assertThat(refused.getMessage()).contains("hostile.xml:2: document type declaration (<!DOCTYPE>): a DTD is refused")
        .doesNotContain("lollol");
  }

  @Test
  void externalEntitiesAndExternalDtdsAreNeverFetched() throws IOException {
    Path secret = Files.writeString(directory.resolve("secret.txt"), "s3cr3t-value");
    try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";

      TopologyDocumentException entity = refusedAs("external entity", () -> read("<!DOCTYPE Topology [<!ENTITY xxe SYSTEM \""
          + secret.toUri() + "\">]>" + ROOT + "<Clusters><Cluster Fqdn=\"&xxe;\"/></Clusters></Topology>"));
      TopologyDocumentException externalDtd = refusedAs("external DTD", () -> read("<!DOCTYPE Topology SYSTEM \"" + url
          + "\">" + ROOT + "</Topology>"));
      TopologyDocumentException parameterEntity = refusedAs("parameter entity", () -> read("<!DOCTYPE Topology [<!ENTITY"
          + " % remote SYSTEM \"" + url + "\"> %remote;]>" + ROOT + "</Topology>"));

      for (TopologyDocumentException refused : new TopologyDocumentException[] {entity, externalDtd, parameterEntity}) {
        assertThat(refused.getMessage()).contains("a DTD is refused").doesNotContain("s3cr3t");
      }
      // Whatever the parser had done, it has returned: a connection it opened would be queued by now.
      listener.setSoTimeout(1);
      assertThat(nobodyConnected(listener)).as("the reader connected to " + url).isTrue();
    }
  }

  @Test
  void nestingOneHundredThousandDeepIsRefusedAtTheBound() {
    String document = ROOT + "<Clusters>" + "<Cluster>".repeat(100_000) + "</Cluster>".repeat(100_000) + "</Clusters></Topology>";

    TopologyDocumentException refused = refusedAs("100,000 deep", () -> read(document));

    assertThat(refused.problems()).singleElement().hasToString("hostile.xml:1: Cluster: elements are nested more than 64"
        + " deep; Lync's topology documents nest about 12 (LyncTopologyReader.Builder.maxDepth)");
  }

  @Test
  void aFiftyMegabyteFileIsRefusedFromItsSizeAndAFiftyMegabyteStreamAfterTheBound() throws IOException {
    Path big = directory.resolve("big.xml");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(big))) {
      out.write((ROOT + "<!-- ").getBytes(StandardCharsets.UTF_8));
      byte[] filler = "lync ".repeat(200).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 50L * 1024 * 1024; written += filler.length) {
        out.write(filler);
      }
      out.write(" --></Topology>".getBytes(StandardCharsets.UTF_8));
    }

    TopologyDocumentException file = refusedAs("50 MB file", () -> LyncTopologyReader.create().read(big));
    TopologyDocumentException stream = refusedAs("50 MB stream", () -> {
      try (InputStream in = Files.newInputStream(big)) {
        return LyncTopologyReader.create().read(in, "stream.xml");
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });

    assertThat(file.problems()).singleElement().asString().isEqualTo(big + ": document: the document is " + Files.size(big)
        + " bytes; the reader reads at most 20971520 bytes (LyncTopologyReader.Builder.maxBytes): is it really a topology?");
    assertThat(stream.problems()).singleElement().asString().isEqualTo("stream.xml: document: the document is more than"
        + " 20971520 bytes; the reader reads at most 20971520 bytes (LyncTopologyReader.Builder.maxBytes): is it really a"
        + " topology?");
  }

  @Test
  void anEntityWithoutADtdAndAnXIncludeReadNothingFromOutside() {
    TopologyDocumentException undeclared = refusedAs("undeclared entity", () -> read(ROOT + "&xxe;</Topology>"));
    assertThat(undeclared.getMessage()).contains("not well-formed XML: The entity \"xxe\" was referenced, but not declared.");

    TopologyDocumentException include = refusedAs("xinclude", () -> read(ROOT + "<xi:include"
        + " xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/></Topology>"));
    assertThat(include.problems()).extracting(DocumentFinding::message).containsExactly(
        "the document has no user pool (a cluster with UserServices and a user Registrar); skipped: nothing (every"
            + " cluster is a user pool or a pool's Back End)");
  }

  private static ImportedTopology read(String document) {
    return LyncTopologyReader.create().read(document, "hostile.xml");
  }

  private static TopologyDocumentException refusedAs(String name, Supplier<ImportedTopology> read) {
    long start = System.nanoTime();
    TopologyDocumentException refused = catchThrowableOfType(TopologyDocumentException.class, read::get);
    System.out.printf("RELIABILITY hostile XML (%s): refused in %.1f ms%n", name, (System.nanoTime() - start) / 1e6);
    assertThat(refused).as(name + " was refused").isNotNull();
    return refused;
  }

  private static boolean nobodyConnected(ServerSocket listener) throws IOException {
    try {
      listener.accept().close();
      return false;
    } catch (SocketTimeoutException e) {
      return true;
    }
  }
}
