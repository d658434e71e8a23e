package io.github.lyncupgrade.powershell.topology;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.CollocatedDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * What Lync's topology documents do not carry, given beside them: disaster-recovery partners
 * (PROCEDURE T-4; a live deployment answers {@code Get-CsPoolBackupRelationship}), SQL Server
 * mirrors of Back End stores, databases collocated on a Back End whose store role the reader does
 * not know (Persistent Chat), and the Central Management Store's pool when the document has none
 * (a topology never published). Values are checked when the document is read: a pool the document
 * does not have, or a value that contradicts the document, is a problem, never an override.
 *
 * <pre>{@code
 * TopologyOverlay overlay = TopologyOverlay.builder("my overlay")
 *     .partnerPool("pool01.contoso.com", "pool02.contoso.com")
 *     .partnerPool("pool02.contoso.com", "pool01.contoso.com")
 *     .mirror("pool02.contoso.com", "sql02m.contoso.com")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class TopologyOverlay {
  private static final TopologyOverlay NONE = new TopologyOverlay(List.of());

  /** What an overlay entry sets. */
  enum Field {
    PARTNER_POOL("partnerPool"), MIRROR("mirror"), COLLOCATED("collocated"),
    CENTRAL_MANAGEMENT_STORE("centralManagementStore");

    /** The field's name in the overlay file. */
    final String key;

    Field(String key) {
      this.key = key;
    }
  }

  /** One value for one pool ({@code pool} is null for the Central Management Store). */
  record Entry(Field field, String pool, String value, SourceLocation location) {}

  private final List<Entry> entries;

  private TopologyOverlay(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No overlay: the document alone. */
  public static TopologyOverlay none() {
    return NONE;
  }

  /** A builder whose values are reported, when wrong, as coming from {@code source}. */
  public static Builder builder(String source) {
    return new Builder(requireNonNull(source, "source"));
  }

  /** Whether the overlay adds nothing. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  List<Entry> entries() {
    return entries;
  }

  /** Collects overlay values; not thread-safe. */
  public static final class Builder {
    private final String source;
    private final List<Entry> entries = new ArrayList<>();
    private SourceLocation next;

    private Builder(String source) {
      this.source = source;
    }

    /**
     * Says where the next value comes from in the overlay's source (a file read by a caller), so
     * that a problem with it names that line and element.
     */
    public Builder at(int line, String element) {
      this.next = new SourceLocation(source, line, requireNonNull(element, "element"));
      return this;
    }

    /** Pairs {@code pool} with {@code partnerPool} for disaster recovery; each pool of a pair names the other. */
    public Builder partnerPool(String pool, String partnerPool) {
      return add(Field.PARTNER_POOL, requireNonNull(pool, "pool"), requireNonNull(partnerPool, "partnerPool"));
    }

    /** The SQL Server that mirrors {@code pool}'s Back End store (CR-5: the plan asks for a confirmation). */
    public Builder mirror(String pool, String mirrorSqlServer) {
      return add(Field.MIRROR, requireNonNull(pool, "pool"), requireNonNull(mirrorSqlServer, "mirrorSqlServer"));
    }

    /** A database collocated on {@code pool}'s Back End that the document does not show (BE-11b). */
    public Builder collocated(String pool, CollocatedDatabase database) {
      return add(Field.COLLOCATED, requireNonNull(pool, "pool"), requireNonNull(database, "database").name());
    }

    /** The pool whose Back End holds the Central Management Store, for a document that names none. */
    public Builder centralManagementStore(String pool) {
      return add(Field.CENTRAL_MANAGEMENT_STORE, null, requireNonNull(pool, "pool"));
    }

    private Builder add(Field field, String pool, String value) {
      SourceLocation location = next != null ? next
          : new SourceLocation(source, 0, pool == null ? field.key : field.key + " of " + pool);
      entries.add(new Entry(field, pool, value, location));
      next = null;
      return this;
    }

    /** The overlay. */
    public TopologyOverlay build() {
      return new TopologyOverlay(entries);
    }
  }
}
