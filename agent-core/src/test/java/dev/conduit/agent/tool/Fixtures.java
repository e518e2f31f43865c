package dev.conduit.agent.tool;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Parameter types every tool schema must handle, shared by the schema and invocation tests. */
final class Fixtures {
  private Fixtures() {}

  enum Unit { CELSIUS, FAHRENHEIT }

  enum Direction {
    @JsonProperty("north") NORTH,
    @JsonProperty("south") SOUTH
  }

  @JsonClassDescription("A point on a map")
  record Point(@JsonPropertyDescription("Latitude in degrees") double lat,
               @JsonPropertyDescription("Longitude in degrees") double lon) {}

  /** A plain Java bean, read through its getters and setters. */
  public static final class Address {
    @JsonPropertyDescription("Street and number")
    private String street = "";
    private String city = "";

    public String getStreet() {
      return street;
    }

    public void setStreet(String street) {
      this.street = street;
    }

    public String getCity() {
      return city;
    }

    public void setCity(String city) {
      this.city = city;
    }
  }

  record Customer(String name, Address address) {}

  record Line(String sku, int quantity, BigDecimal price) {}

  @JsonClassDescription("An order with its lines")
  record Order(Customer customer, List<Line> lines, @JsonPropertyDescription("Note for the courier") Optional<String> note) {}

  @JsonClassDescription("A folder and its subfolders")
  record Folder(String name, List<Folder> children) {}

  /** One tool per family of types, strict (the default). */
  public static final class StrictTools {
    @Tool("Text values")
    public String text(@Param("Any text") String text, @Param("One letter") char letter, @Param("An initial") Character initial) {
      return text + letter + initial;
    }

    @Tool("Primitive values")
    public String primitives(byte b, short s, int i, long l, float f, double d, boolean flag) {
      return "" + b + s + i + l + f + d + flag;
    }

    @Tool("Boxed primitive values")
    public String boxes(Byte b, Short s, Integer i, Long l, Float f, Double d, Boolean flag) {
      return "" + b + s + i + l + f + d + flag;
    }

    @Tool("Arbitrary-precision numbers")
    public String bigNumbers(@Param("An amount of money") BigDecimal amount, BigInteger count) {
      return amount.toPlainString() + " " + count;
    }

    @Tool("Enum values")
    public String enums(@Param("Temperature unit") Unit unit, Direction direction) {
      return unit + " " + direction;
    }

    @Tool("A record")
    public Point record(@Param("Where") Point point) {
      return point;
    }

    @Tool("A plain Java bean")
    public String pojo(Address address) {
      return address.getStreet() + ", " + address.getCity();
    }

    @Tool("Nested records, a bean and a list")
    public Order nested(Order order) {
      return order;
    }

    @Tool("A recursive record")
    public int recursive(Folder folder) {
      return folder.children().size();
    }

    @Tool("Lists, sets and arrays")
    public String collections(List<String> tags, Set<Integer> ids, String[] names, int[] scores, List<Point> route) {
      return tags + " " + ids + " " + List.of(names) + " " + scores.length + " " + route;
    }

    @Tool("Maps from names to values")
    public String maps(@Param("Counts by name") Map<String, Integer> counts, Map<String, Point> places) {
      return counts + " " + places;
    }

    @Tool("Optional values")
    public String optionals(@Param("A note") Optional<String> note, Optional<Point> at,
                            @Param(value = "At most this many", required = false) Integer limit) {
      return note + " " + at + " " + limit;
    }

    @Tool("Dates, times and durations")
    public String times(LocalDate day, LocalDateTime local, OffsetDateTime at, Instant instant, Duration length) {
      return day + " " + local + " " + at + " " + instant + " " + length;
    }

    @Tool("Identifiers")
    public String identifiers(UUID id, URI link) {
      return id + " " + link;
    }
  }

  /** The same tools, sent without strict mode. */
  public static final class NonStrictTools {
    @Tool(value = "Text values", strict = false)
    public String text(@Param("Any text") String text, @Param("One letter") char letter, @Param("An initial") Character initial) {
      return text + letter + initial;
    }

    @Tool(value = "Primitive values", strict = false)
    public String primitives(byte b, short s, int i, long l, float f, double d, boolean flag) {
      return "" + b + s + i + l + f + d + flag;
    }

    @Tool(value = "Boxed primitive values", strict = false)
    public String boxes(Byte b, Short s, Integer i, Long l, Float f, Double d, Boolean flag) {
      return "" + b + s + i + l + f + d + flag;
    }

    @Tool(value = "Arbitrary-precision numbers", strict = false)
    public String bigNumbers(@Param("An amount of money") BigDecimal amount, BigInteger count) {
      return amount.toPlainString() + " " + count;
    }

    @Tool(value = "Enum values", strict = false)
    public String enums(@Param("Temperature unit") Unit unit, Direction direction) {
      return unit + " " + direction;
    }

    @Tool(value = "A record", strict = false)
    public Point record(@Param("Where") Point point) {
      return point;
    }

    @Tool(value = "A plain Java bean", strict = false)
    public String pojo(Address address) {
      return address.getStreet() + ", " + address.getCity();
    }

    @Tool(value = "Nested records, a bean and a list", strict = false)
    public Order nested(Order order) {
      return order;
    }

    @Tool(value = "A recursive record", strict = false)
    public int recursive(Folder folder) {
      return folder.children().size();
    }

    @Tool(value = "Lists, sets and arrays", strict = false)
    public String collections(List<String> tags, Set<Integer> ids, String[] names, int[] scores, List<Point> route) {
      return tags + " " + ids + " " + List.of(names) + " " + scores.length + " " + route;
    }

    @Tool(value = "Maps from names to values", strict = false)
    public String maps(@Param("Counts by name") Map<String, Integer> counts, Map<String, Point> places) {
      return counts + " " + places;
    }

    @Tool(value = "Optional values", strict = false)
    public String optionals(@Param("A note") Optional<String> note, Optional<Point> at,
                            @Param(value = "At most this many", required = false) Integer limit) {
      return note + " " + at + " " + limit;
    }

    @Tool(value = "Dates, times and durations", strict = false)
    public String times(LocalDate day, LocalDateTime local, OffsetDateTime at, Instant instant, Duration length) {
      return day + " " + local + " " + at + " " + instant + " " + length;
    }

    @Tool(value = "Identifiers", strict = false)
    public String identifiers(UUID id, URI link) {
      return id + " " + link;
    }
  }

  static final List<String> TOOL_NAMES = List.of("text", "primitives", "boxes", "bigNumbers", "enums", "record", "pojo",
      "nested", "recursive", "collections", "maps", "optionals", "times", "identifiers");
}
