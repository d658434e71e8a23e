package io.github.lyncupgrade.powershell.topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's text, read with a bound on its size and decoded by what its first bytes say:
 * a byte-order mark (UTF-8, UTF-16 LE or BE: what Windows PowerShell's {@code Out-File} writes,
 * with no XML declaration), UTF-16 told by its first character, or else the XML declaration's
 * encoding (UTF-8 when it names none). Never by the file's name. Bytes that are not valid in the
 * encoding are a problem naming the line, not replaced.
 *
 * @param text the decoded text, without a byte-order mark
 * @param encoding how it was decoded, in words
 */
record DocumentText(String text, String encoding) {
  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /** Reads at most {@code maxBytes} from {@code in}; more is refused without reading further. */
  static DocumentText read(InputStream in, String source, long maxBytes) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (bytes.length > maxBytes) {
      throw tooLarge(source, "more than " + maxBytes + " bytes", maxBytes);
    }
    return decode(bytes, source);
  }

  /** Text that is already decoded (a cmdlet's output): only its length is bounded, in characters. */
  static DocumentText of(String text, String source, long maxBytes) {
    if (text.length() > maxBytes) {
      throw tooLarge(source, text.length() + " characters", maxBytes);
    }
    return new DocumentText(text.startsWith("\uFEFF") ? text.substring(1) : text, "text");
  }

  static TopologyDocumentException tooLarge(String source, String size, long maxBytes) {
    return refused(source, "the document is " + size + "; the reader reads at most " + maxBytes
        + " bytes (LyncTopologyReader.Builder.maxBytes): is it really a topology?");
  }

  private static TopologyDocumentException refused(String source, String message) {
    return new TopologyDocumentException(source, List.of(new DocumentFinding(new SourceLocation(source, 0, "document"),
        message)));
  }

  /** Whether the bytes, after any byte-order mark and white space, start with markup ({@code <}). */
  static boolean startsWithMarkup(byte[] head) {
    Encoding encoding = Encoding.of(head);
    boolean littleEndian = encoding.charset == StandardCharsets.UTF_16LE;
    int step = littleEndian || encoding.charset == StandardCharsets.UTF_16BE ? 2 : 1;
    for (int i = encoding.bomLength; i + step <= head.length; i += step) {
      int first = head[i] & 0xFF;
      int c = step == 1 ? first : littleEndian ? first | (head[i + 1] & 0xFF) << 8 : first << 8 | (head[i + 1] & 0xFF);
      if (!Character.isWhitespace(c)) {
        return c == '<';
      }
    }
    return false;
  }

  static DocumentText decode(byte[] bytes, String source) {
    if (bytes.length == 0) {
      throw refused(source, "the document is empty");
    }
    Encoding encoding = Encoding.of(bytes);
    Charset charset = encoding.charset;
    String description = encoding.description;
    if (charset == null) {
      charset = declaredCharset(bytes, source);
      description = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name() + " (declared)";
    }
    return new DocumentText(strictlyDecoded(bytes, encoding.bomLength, charset, source, description), description);
  }

  private static Charset declaredCharset(byte[] bytes, String source) {
    Matcher declared = DECLARED_ENCODING.matcher(new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1));
    if (!declared.find()) {
      return StandardCharsets.UTF_8;
    }
    String name = declared.group(1);
    try {
      Charset charset = Charset.forName(name);
      return charset.name().toLowerCase(Locale.ROOT).startsWith("utf-16") ? StandardCharsets.UTF_8 : charset;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw refused(source, "the XML declaration names the encoding '" + Shown.value(name) + "', which Java does not know");
    }
  }

  private static String strictlyDecoded(byte[] bytes, int offset, Charset charset, String source, String description) {
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8,
        (long) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      int line = 1 + (int) out.chars().filter(c -> c == '\n').count();
      throw new TopologyDocumentException(source, List.of(new DocumentFinding(new SourceLocation(source, line, "document"),
          String.format("byte 0x%02X at offset %d is not valid %s; the file was changed or saved in another encoding",
              bytes[in.position()] & 0xFF, in.position(), description))));
    }
    out.flip();
    return out.toString();
  }

  /** What the first bytes say about the encoding; {@code charset} null when they say nothing. */
  private record Encoding(Charset charset, int bomLength, String description) {
    static Encoding of(byte[] bytes) {
      if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
        return new Encoding(StandardCharsets.UTF_8, 3, "UTF-8 with a byte-order mark");
      }
      if (startsWith(bytes, 0xFF, 0xFE)) {
        return new Encoding(StandardCharsets.UTF_16LE, 2, "UTF-16 LE with a byte-order mark");
      }
      if (startsWith(bytes, 0xFE, 0xFF)) {
        return new Encoding(StandardCharsets.UTF_16BE, 2, "UTF-16 BE with a byte-order mark");
      }
      if (startsWith(bytes, '<', 0x00)) {
        return new Encoding(StandardCharsets.UTF_16LE, 0, "UTF-16 LE without a byte-order mark");
      }
      if (startsWith(bytes, 0x00, '<')) {
        return new Encoding(StandardCharsets.UTF_16BE, 0, "UTF-16 BE without a byte-order mark");
      }
      return new Encoding(null, 0, null);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
      if (bytes.length < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if ((bytes[i] & 0xFF) != prefix[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
