package dev.conduit.examples;

import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.testing.ScriptedModel;
import dev.conduit.agent.testing.ScriptedModel.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The models the examples run on when no API key is set: scripts that decide like a model would, from
 * the last message (a question gets tool calls for what it names; tool results get an answer built
 * from them), so the real tools run and a newcomer sees the whole loop. They never make anything up:
 * a failed tool call is reported as failed.
 */
final class DemoModels {
  static final String FOOTER = "(Put together by the demo model from the tool results above; a real model "
      + "writes its own answer.)";

  private static final int MAX_PLACES = 5;
  private static final Set<String> NOT_PLACES = Set.of(
      "what", "what's", "whats", "how", "is", "are", "was", "will", "would", "could", "can", "tell", "me",
      "please", "the", "weather", "time", "today", "tomorrow", "tonight", "should", "i", "do", "does", "and",
      "in", "at", "for", "give", "show", "compare", "current", "local", "right", "now", "hi", "hello", "hey",
      "it", "it's", "its", "forecast", "temperature", "or", "vs", "versus", "whether", "need", "an",
      "umbrella", "a", "any", "like", "there", "where", "when", "which", "who", "why", "date");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’.-]*");
  private static final Pattern AFTER_IN = Pattern.compile("\\b(?:in|for|at)\\s+([^?!.;]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXPRESSION =
      Pattern.compile("[-(]?\\d[\\d.,]*\\)?(?:\\s*(?:[-+*/%^x×]|\\*\\*)\\s*[-(]?\\d[\\d.,]*\\)?)+");

  private DemoModels() {}

  // ---- weather -----------------------------------------------------------------------------------

  /** Weather questions: weather calls for every place named, the local time when asked, then an answer. */
  static ScriptedModel weather() {
    return ScriptedModel.answering(DemoModels::weatherTurn);
  }

  static Turn weatherTurn(ModelRequest request) {
    DemoConversation c = DemoConversation.of(request);
    List<ToolResult> weather = c.results("currentWeather");
    if (c.turn() == 1) {
      List<String> places = places(c.question());
      if (places.isEmpty()) {
        return Turn.text("I could not find a place in your question. Ask, for example: "
            + "\"What's the weather in Tokyo and Paris?\"");
      }
      List<ToolCall> calls = new ArrayList<>();
      for (String place : places) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("location", place);
        args.put("unit", null);
        calls.add(new ToolCall(c.callId(calls.size()), "currentWeather", DemoConversation.arguments(args)));
      }
      return Turn.toolCalls(calls.toArray(ToolCall[]::new));
    }
    if (asksForTime(c.question()) && c.hasTool("currentTime") && c.results("currentTime").isEmpty()) {
      List<ToolCall> calls = new ArrayList<>();
      for (ToolResult r : weather) {
        Optional<String> zone = r.isError() ? Optional.empty()
            : DemoConversation.parse(r.content()).map(n -> n.path("place").path("timezone").asString("")).filter(z -> !z.isEmpty());
        if (zone.isPresent()) {
          Map<String, Object> args = new LinkedHashMap<>();
          args.put("zone", zone.get());
          calls.add(new ToolCall(c.callId(calls.size()), "currentTime", DemoConversation.arguments(args)));
        }
      }
      if (!calls.isEmpty()) {
        return Turn.toolCalls(calls.toArray(ToolCall[]::new));
      }
    }
    return Turn.text(weatherAnswer(c, weather));
  }

  private static String weatherAnswer(DemoConversation c, List<ToolResult> weather) {
    StringBuilder answer = new StringBuilder();
    if (!weather.isEmpty() && weather.stream().allMatch(ToolResult::isError)) {
      answer.append("I could not get any weather data, so I cannot tell you the weather.\n");
    }
    for (ToolResult r : weather) {
      String asked = c.argument(r, "location");
      if (r.isError()) {
        answer.append(asked).append(": no weather data; the weather tool failed: ")
            .append(DemoConversation.errorText(r)).append('\n');
        continue;
      }
      JsonNode w = DemoConversation.parse(r.content()).orElseThrow();
      JsonNode units = w.path("units");
      String deg = units.path("temperature").asString("");
      JsonNode today = w.path("today");
      answer.append(placeName(w.path("place"), asked)).append(": ")
          .append(w.path("conditions").asString("")).append(", ")
          .append(w.path("temperature").asString()).append(deg)
          .append(" (feels like ").append(w.path("apparentTemperature").asString()).append(deg).append("), ")
          .append("humidity ").append(w.path("relativeHumidity").asString()).append("%, ")
          .append("wind ").append(w.path("windSpeed").asString()).append(' ').append(units.path("windSpeed").asString(""))
          .append(". Today ").append(today.path("temperatureMin").asString()).append(" to ")
          .append(today.path("temperatureMax").asString()).append(deg).append(", ")
          .append(today.path("precipitationSum").asString()).append(' ').append(units.path("precipitation").asString(""))
          .append(" of precipitation.\n");
    }
    for (ToolResult r : c.results("currentTime")) {
      String zone = c.argument(r, "zone");
      if (r.isError()) {
        answer.append("Local time in ").append(zone).append(": unknown; the clock tool failed: ")
            .append(DemoConversation.errorText(r)).append('\n');
      } else {
        JsonNode t = DemoConversation.parse(r.content()).orElseThrow();
        answer.append("Local time in ").append(zone).append(": ").append(t.path("dateTime").asString(""))
            .append(" (").append(capitalized(t.path("dayOfWeek").asString(""))).append(").\n");
      }
    }
    return answer.append(FOOTER).toString();
  }

  private static String placeName(JsonNode place, String asked) {
    String name = place.path("name").asString(asked);
    String country = place.path("country").asString("");
    return country.isEmpty() ? name : name + ", " + country;
  }

  private static boolean asksForTime(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    return q.contains("time") || q.contains("clock") || q.contains("date");
  }

  /** Place names in a question: runs of capitalised words ("New York"), else what follows "in". */
  static List<String> places(String question) {
    Set<String> found = new LinkedHashSet<>();
    List<String> run = new ArrayList<>();
    Matcher words = WORD.matcher(question);
    while (words.find()) {
      String word = words.group().replaceAll("[.’'-]+$", "");
      boolean place = Character.isUpperCase(word.charAt(0)) && !NOT_PLACES.contains(word.toLowerCase(Locale.ROOT));
      if (place) {
        run.add(word);
      } else if (!run.isEmpty()) {
        found.add(String.join(" ", run));
        run.clear();
      }
    }
    if (!run.isEmpty()) {
      found.add(String.join(" ", run));
    }
    if (found.isEmpty()) {
      Matcher in = AFTER_IN.matcher(question);
      if (in.find()) {
        for (String part : in.group(1).split(",|\\band\\b|&")) {
          String p = part.strip();
          if (!p.isEmpty() && !NOT_PLACES.contains(p.toLowerCase(Locale.ROOT))) {
            found.add(capitalized(p));
          }
        }
      }
    }
    return found.stream().limit(MAX_PLACES).toList();
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
  }

  // ---- search ------------------------------------------------------------------------------------

  /**
   * Research questions: a web search (and the calculator for any arithmetic in the question), then the
   * top result's page when a fetch tool is there, then an answer listing what was found.
   */
  static ScriptedModel search() {
    return ScriptedModel.answering(DemoModels::searchTurn);
  }

  static Turn searchTurn(ModelRequest request) {
    DemoConversation c = DemoConversation.of(request);
    if (c.turn() == 1) {
      List<ToolCall> calls = new ArrayList<>();
      Map<String, Object> search = new LinkedHashMap<>();
      search.put("query", c.question().strip());
      search.put("maxResults", 3);
      calls.add(new ToolCall(c.callId(0), "search", DemoConversation.arguments(search)));
      expression(c.question()).ifPresent(e -> {
        Map<String, Object> calc = new LinkedHashMap<>();
        calc.put("expression", e);
        calls.add(new ToolCall(c.callId(1), "calculate", DemoConversation.arguments(calc)));
      });
      return Turn.toolCalls(calls.toArray(ToolCall[]::new));
    }
    Optional<String> firstUrl = c.results("search").stream().filter(r -> !r.isError()).findFirst()
        .flatMap(r -> DemoConversation.parse(r.content()))
        .map(n -> n.path("results").path(0).path("url").asString(""))
        .filter(u -> !u.isEmpty());
    if (c.turn() == 2 && firstUrl.isPresent() && c.hasTool(FetchTools.TOOL_NAME)) {
      Map<String, Object> fetch = new LinkedHashMap<>();
      fetch.put(FetchTools.URL_PARAMETER, firstUrl.get());
      return Turn.toolCalls(new ToolCall(c.callId(0), FetchTools.TOOL_NAME, DemoConversation.arguments(fetch)));
    }
    return Turn.text(searchAnswer(c));
  }

  private static String searchAnswer(DemoConversation c) {
    StringBuilder answer = new StringBuilder();
    for (ToolResult r : c.results("search")) {
      if (r.isError()) {
        answer.append("I could not search the web; the search tool failed: ").append(DemoConversation.errorText(r))
            .append('\n');
        continue;
      }
      JsonNode results = DemoConversation.parse(r.content()).orElseThrow().path("results");
      if (results.isEmpty()) {
        answer.append("The search found nothing for \"").append(c.argument(r, "query")).append("\".\n");
        continue;
      }
      answer.append("Search results for \"").append(c.argument(r, "query")).append("\":\n");
      int n = 1;
      for (JsonNode hit : results) {
        answer.append(n++).append(". ").append(hit.path("title").asString("")).append(" - ")
            .append(hit.path("url").asString("")).append('\n');
        String snippet = hit.path("snippet").asString("").strip();
        if (!snippet.isEmpty()) {
          answer.append("   ").append(shortened(snippet, 200)).append('\n');
        }
      }
    }
    for (ToolResult r : c.results(FetchTools.TOOL_NAME)) {
      String url = c.argument(r, FetchTools.URL_PARAMETER);
      if (r.isError()) {
        answer.append("I could not read ").append(url).append("; the fetch tool failed: ")
            .append(DemoConversation.errorText(r)).append('\n');
      } else {
        answer.append("From ").append(url).append(": ").append(shortened(FetchTools.pageText(r.content()), 300)).append('\n');
      }
    }
    for (ToolResult r : c.results("calculate")) {
      String expression = c.argument(r, "expression");
      if (r.isError()) {
        answer.append(expression).append(": the calculator failed: ").append(DemoConversation.errorText(r)).append('\n');
      } else {
        answer.append(expression).append(" = ")
            .append(DemoConversation.parse(r.content()).orElseThrow().path("result").asString("")).append('\n');
      }
    }
    return answer.append(FOOTER).toString();
  }

  /** The first arithmetic expression in a question, e.g. "17 * 23" in "What is 17 * 23?". */
  static Optional<String> expression(String question) {
    Matcher m = EXPRESSION.matcher(question);
    return m.find() ? Optional.of(m.group().strip().replace('×', '*').replaceAll("(?<=\\d)\\s*x\\s*(?=\\d)", " * "))
        : Optional.empty();
  }

  private static String shortened(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }
}
