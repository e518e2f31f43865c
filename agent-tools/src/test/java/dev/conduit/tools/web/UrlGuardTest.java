package dev.conduit.tools.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.conduit.agent.tool.ToolException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class UrlGuardTest {
  /** Every name is a public address; no test here touches a real resolver. */
  private final Dns publicDns = host -> List.of(InetAddress.getByName("93.184.216.34"));
  private final UrlPolicy policy = UrlPolicy.defaults();
  private final UrlGuard guard = new UrlGuard(policy, new GuardedDns(policy, publicDns));

  @Test
  void aRedirectFromHttpsToHttpIsRefused() {
    HttpUrl from = HttpUrl.get("https://secure.example/login");

    assertThatThrownBy(() -> guard.checkRedirect(from, "http://secure.example/login"))
        .isInstanceOf(ToolException.class)
        .hasMessage("The page redirected from https to plain http (http://secure.example/login), which is not allowed.");
    assertThat(guard.checkRedirect(HttpUrl.get("http://a.example/"), "https://b.example/x"))
        .isEqualTo(HttpUrl.get("https://b.example/x"));
  }

  @Test
  void aRedirectIsResolvedAgainstThePageAndCheckedLikeTheFirstUrl() {
    HttpUrl from = HttpUrl.get("https://a.example/docs/page");

    assertThat(guard.checkRedirect(from, "../other")).isEqualTo(HttpUrl.get("https://a.example/other"));
    assertThatThrownBy(() -> guard.checkRedirect(from, "//127.0.0.1/"))
        .hasMessage("The URL https://127.0.0.1/ is not allowed: 127.0.0.1 is a loopback address. Only public web pages "
            + "can be fetched.");
    assertThatThrownBy(() -> guard.checkRedirect(from, "https://u:p@b.example/"))
        .hasMessage("The page redirected to a URL with a user name or password, which is not allowed.");
    assertThatThrownBy(() -> guard.checkRedirect(from, "file:///etc/passwd"))
        .hasMessage("The page redirected to a URL that cannot be fetched (only http:// and https:// URLs can be).");
    assertThatThrownBy(() -> guard.checkRedirect(from, "https://b.example\\@127.0.0.1/"))
        .hasMessageStartingWith("The page redirected to a URL that contains whitespace, a control character or a backslash");
  }

  @Test
  void publicUrlsPass() {
    assertThat(guard.checkRequested("https://openjdk.org/projects/jdk/21/"))
        .isEqualTo(HttpUrl.get("https://openjdk.org/projects/jdk/21/"));
    assertThat(guard.checkRequested("http://93.184.216.34/")).isEqualTo(HttpUrl.get("http://93.184.216.34/"));
    assertThat(guard.checkRequested("https://[2606:2800:220:1:248:1893:25c8:1946]/").host())
        .isEqualTo("2606:2800:220:1:248:1893:25c8:1946");
  }

  @Test
  void blockedAddressesCoverTheWholeS2List() throws UnknownHostException {
    for (String address : List.of("10.0.0.1", "172.31.255.255", "192.168.0.1", "127.255.0.1", "169.254.1.1",
        "0.1.2.3", "100.127.0.1", "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.19.255.1", "198.51.100.7",
        "203.0.113.9", "224.0.0.1", "239.1.1.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fc00::1",
        "fdff::1", "fe80::1", "febf::1", "ff02::1", "64:ff9b:1::1", "::ffff:10.0.0.1", "::10.0.0.1",
        "64:ff9b::10.0.0.1", "2002:a00:1::", "169.254.170.2", "169.254.170.23", "100.100.100.200",
        "fd00:ec2::254", "fd00:ec2::23", "fe80::a9fe:a9fe")) {
      assertThat(BlockedAddresses.reason(InetAddress.getByName(address))).as(address).isPresent();
    }
    for (String address : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
        "::ffff:8.8.8.8", "64:ff9b::808:808")) {
      assertThat(BlockedAddresses.reason(InetAddress.getByName(address))).as(address).isEmpty();
    }
  }

  @Test
  void anyTextIsEitherAnAllowedUrlOrAnErrorText() {
    qt().withFixedSeed(20261123L).withExamples(1000).forAll(urlLike()).checkAssert(input -> {
      try {
        HttpUrl url = guard.checkRequested(input);
        assertThat(url.scheme()).isIn("http", "https");
        assertThat(url.port()).isIn(80, 443);
        assertThat(url.username()).isEmpty();
        assertThat(url.host()).isNotIn("localhost", "127.0.0.1", "169.254.169.254", "::1");
      } catch (ToolException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    });
  }

  private static Gen<String> urlLike() {
    Gen<String> scheme = pick(List.of("http://", "https://", "HTTP://", "file://", "jar:", "", "http:/", "ftp://"));
    Gen<String> userinfo = pick(List.of("", "", "", "user@", "a:b@", "@"));
    Gen<String> host = pick(List.of("example.com", "127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.1", "[::1]",
        "[::]", "[::ffff:169.254.169.254]", "[64:ff9b::a9fe:a9fe]", "169.254.169.254", "metadata.google.internal",
        "localhost.", "10.0.0.1", "93.184.216.34", "xn--nxasmq6b.example", "ex ample.com", "[bad", "", "a..b",
        "1.2.3.4.5", "256.1.1.1", "[fe80::1%25eth0]"));
    Gen<String> port = pick(List.of("", "", ":80", ":443", ":8080", ":0", ":99999", ":"));
    Gen<String> rest = lists().of(pick(List.of("/", "?", "#", "%", "\\", "@", ":", ".", " ", "a", "b", "c", "\u0000", "\r", "\n", "\u00e9")))
        .ofSizeBetween(0, 30).map(parts -> String.join("", parts));
    Gen<String> structured = scheme.zip(userinfo, host, port, (s, u, h, p) -> s + u + h + p).zip(rest, (head, r) -> head + r);
    return oneOf(structured, strings().allPossible().ofLengthBetween(0, 200));
  }
}
