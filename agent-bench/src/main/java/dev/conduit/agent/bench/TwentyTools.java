package dev.conduit.agent.bench;

import dev.conduit.agent.tool.Param;
import dev.conduit.agent.tool.Tool;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Twenty tools of the everyday kinds (strings, numbers, enums, lists, records, optional
 * parameters), for timing {@code Toolbox.of}.
 *
 * <pre>{@code
 * Toolbox tools = Toolbox.of(new TwentyTools());   // 20 definitions
 * }</pre>
 */
public final class TwentyTools {
  /** A unit for the weather tools. */
  public enum Unit { CELSIUS, FAHRENHEIT }

  /** A record parameter. */
  public record Address(String street, String city, String country, Optional<String> postcode) {}

  /** A record result. */
  public record Item(String sku, int quantity) {}

  @Tool("Tool number 1: does one small thing")
  public String tool01(@Param("City name") String city) {
    return city;
  }

  @Tool("Tool number 2: does one small thing")
  public double tool02(@Param("Latitude") double latitude, @Param("Longitude") double longitude, @Param(value = "Unit", required = false) Unit unit) {
    return latitude + longitude;
  }

  @Tool("Tool number 3: does one small thing")
  public List<Item> tool03(@Param("Order id") String orderId, @Param(value = "Maximum items", required = false) Integer limit) {
    return List.of(new Item(orderId, limit == null ? 1 : limit));
  }

  @Tool("Tool number 4: does one small thing")
  public String tool04(@Param("Where to ship") Address address, @Param("Items") List<Item> items) {
    return address.city() + items.size();
  }

  @Tool("Tool number 5: does one small thing")
  public long tool05(@Param("First day") LocalDate from, @Param("Last day") LocalDate to, @Param("Tags") List<String> tags) {
    return to.toEpochDay() - from.toEpochDay() + tags.size();
  }

  @Tool("Tool number 6: does one small thing")
  public String tool06(@Param("City name") String city) {
    return city;
  }

  @Tool("Tool number 7: does one small thing")
  public double tool07(@Param("Latitude") double latitude, @Param("Longitude") double longitude, @Param(value = "Unit", required = false) Unit unit) {
    return latitude + longitude;
  }

  @Tool("Tool number 8: does one small thing")
  public List<Item> tool08(@Param("Order id") String orderId, @Param(value = "Maximum items", required = false) Integer limit) {
    return List.of(new Item(orderId, limit == null ? 1 : limit));
  }

  @Tool("Tool number 9: does one small thing")
  public String tool09(@Param("Where to ship") Address address, @Param("Items") List<Item> items) {
    return address.city() + items.size();
  }

  @Tool("Tool number 10: does one small thing")
  public long tool10(@Param("First day") LocalDate from, @Param("Last day") LocalDate to, @Param("Tags") List<String> tags) {
    return to.toEpochDay() - from.toEpochDay() + tags.size();
  }

  @Tool("Tool number 11: does one small thing")
  public String tool11(@Param("City name") String city) {
    return city;
  }

  @Tool("Tool number 12: does one small thing")
  public double tool12(@Param("Latitude") double latitude, @Param("Longitude") double longitude, @Param(value = "Unit", required = false) Unit unit) {
    return latitude + longitude;
  }

  @Tool("Tool number 13: does one small thing")
  public List<Item> tool13(@Param("Order id") String orderId, @Param(value = "Maximum items", required = false) Integer limit) {
    return List.of(new Item(orderId, limit == null ? 1 : limit));
  }

  @Tool("Tool number 14: does one small thing")
  public String tool14(@Param("Where to ship") Address address, @Param("Items") List<Item> items) {
    return address.city() + items.size();
  }

  @Tool("Tool number 15: does one small thing")
  public long tool15(@Param("First day") LocalDate from, @Param("Last day") LocalDate to, @Param("Tags") List<String> tags) {
    return to.toEpochDay() - from.toEpochDay() + tags.size();
  }

  @Tool("Tool number 16: does one small thing")
  public String tool16(@Param("City name") String city) {
    return city;
  }

  @Tool("Tool number 17: does one small thing")
  public double tool17(@Param("Latitude") double latitude, @Param("Longitude") double longitude, @Param(value = "Unit", required = false) Unit unit) {
    return latitude + longitude;
  }

  @Tool("Tool number 18: does one small thing")
  public List<Item> tool18(@Param("Order id") String orderId, @Param(value = "Maximum items", required = false) Integer limit) {
    return List.of(new Item(orderId, limit == null ? 1 : limit));
  }

  @Tool("Tool number 19: does one small thing")
  public String tool19(@Param("Where to ship") Address address, @Param("Items") List<Item> items) {
    return address.city() + items.size();
  }

  @Tool("Tool number 20: does one small thing")
  public long tool20(@Param("First day") LocalDate from, @Param("Last day") LocalDate to, @Param("Tags") List<String> tags) {
    return to.toEpochDay() - from.toEpochDay() + tags.size();
  }
}
