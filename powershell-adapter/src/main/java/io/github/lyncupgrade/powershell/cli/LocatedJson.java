package io.github.lyncupgrade.powershell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.lyncupgrade.core.internal.Text;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON document read whole into values that know their line, within limits no topology file
 * comes near, so that a hostile or broken file ends in one message with its line: never a stack
 * trace, never a value quietly skipped. Every key of an object is kept, repeated ones too, for the
 * reader to refuse; content after the one top-level value is refused here.
 */
final class LocatedJson {
  /** The deepest nesting a topology file may have; a real one is six deep. */
  static final int MAX_DEPTH = 16;
  /** The longest value (the parser counts a number's digits as text too); an FQDN has at most 253 characters. */
  static final int MAX_STRING = 10_000;
  /** The longest key; a topology file's keys are short words. */
  static final int MAX_KEY = 100;
  /** The longest number; a topology file has none. */
  static final int MAX_NUMBER = 100;
  /** The largest file: a thousand pools take about half a megabyte. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(new Limits()).build();

  private LocatedJson() {}

  /** A factory with these limits, for the command's other JSON inputs (the overlay). */
  static JsonFactory factory() {
    return JSON;
  }

  /** A JSON value and the line it starts on. */
  sealed interface Value permits Obj, Arr, Str, Scalar {
    int line();

    /** What it is, as a message names it: "an object", "a string", "a number", "null"... */
    String kind();
  }

  /** A key of an object, the line it is on, and its value. */
  record Member(String key, int line, Value value) {}

  /** An object: its members in file order, repeated keys included. */
  record Obj(int line, List<Member> members) implements Value {
    @Override
    public String kind() {
      return "an object";
    }
  }

  /** An array. */
  record Arr(int line, List<Value> items) implements Value {
    @Override
    public String kind() {
      return "an array";
    }
  }

  /** A string. */
  record Str(int line, String text) implements Value {
    @Override
    public String kind() {
      return "a string";
    }
  }

  /** A number, true, false or null: a topology file uses none of them. */
  record Scalar(int line, String kind) implements Value {}

  /** The file cannot be read as one JSON value within the limits; the message names the line. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    MalformedException(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  /**
   * Reads one JSON value, and nothing after it.
   *
   * @throws MalformedException if it is not valid JSON, breaks a limit, or has content after the value
   * @throws IOException if the stream cannot be read
   */
  static Value read(InputStream in) throws MalformedException, IOException {
    try (JsonParser parser = JSON.createParser(in)) {
      try {
        JsonToken first = parser.nextToken();
        if (first == null) {
          throw new MalformedException(1, "the file is empty; a topology file is one JSON object");
        }
        Value value = value(parser, first);
        if (parser.nextToken() != null) {
          throw new MalformedException(line(parser.currentTokenLocation()),
              "there is more after the closing '}' of the topology: a topology file is one JSON object");
        }
        return value;
      } catch (StreamConstraintsException e) {
        throw new MalformedException(line(parser.currentLocation()), e.getOriginalMessage());
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        throw new MalformedException(line(at), "the file is not valid JSON: " + Text.safe(e.getOriginalMessage(), false));
      }
    }
  }

  private static Value value(JsonParser parser, JsonToken token) throws IOException {
    int line = line(parser.currentTokenLocation());
    return switch (token) {
      case START_OBJECT -> {
        List<Member> members = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = line(parser.currentTokenLocation());
          members.add(new Member(key, keyLine, value(parser, parser.nextToken())));
        }
        yield new Obj(line, List.copyOf(members));
      }
      case START_ARRAY -> {
        List<Value> items = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(value(parser, next));
        }
        yield new Arr(line, List.copyOf(items));
      }
      case VALUE_STRING -> new Str(line, parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Scalar(line, "a number");
      case VALUE_TRUE -> new Scalar(line, "true");
      case VALUE_FALSE -> new Scalar(line, "false");
      case VALUE_NULL -> new Scalar(line, "null");
      default -> throw new IllegalStateException("the parser gave " + token + " where a value starts");
    };
  }

  private static int line(JsonLocation location) {
    return location == null ? 1 : Math.max(1, location.getLineNr());
  }

  /** The parser's limits, each said in a topology file's terms when it is reached. */
  private static final class Limits extends StreamReadConstraints {
    private static final long serialVersionUID = 1L;

    Limits() {
      super(MAX_DEPTH, MAX_BYTES, MAX_NUMBER, MAX_STRING, MAX_KEY, DEFAULT_MAX_TOKEN_COUNT);
    }

    @Override
    public void validateNestingDepth(int depth) throws StreamConstraintsException {
      if (depth > MAX_DEPTH) {
        throw new StreamConstraintsException("values are nested more than " + MAX_DEPTH
            + " deep; a topology file nests six");
      }
    }

    @Override
    public void validateDocumentLength(long length) throws StreamConstraintsException {
      if (length > MAX_BYTES) {
        throw new StreamConstraintsException("the file is larger than " + MAX_BYTES / (1024 * 1024)
            + " MB; a topology of a thousand pools takes about half a megabyte");
      }
    }

    @Override
    public void validateIntegerLength(int length) throws StreamConstraintsException {
      validateNumber(length);
    }

    @Override
    public void validateFPLength(int length) throws StreamConstraintsException {
      validateNumber(length);
    }

    private static void validateNumber(int length) throws StreamConstraintsException {
      if (length > MAX_NUMBER) {
        throw new StreamConstraintsException("a number of " + length + " digits; a topology file has no numbers");
      }
    }

    @Override
    public void validateStringLength(int length) throws StreamConstraintsException {
      if (length > MAX_STRING) {
        throw new StreamConstraintsException("a value of more than " + String.format("%,d", MAX_STRING)
            + " characters; the longest value of a topology, an FQDN, has at most 253");
      }
    }

    @Override
    public void validateNameLength(int length) throws StreamConstraintsException {
      if (length > MAX_KEY) {
        throw new StreamConstraintsException("a key of more than " + MAX_KEY
            + " characters; a topology file's keys are short words like \"fqdn\"");
      }
    }
  }
}
