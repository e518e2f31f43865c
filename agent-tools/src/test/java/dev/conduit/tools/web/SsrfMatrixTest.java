package dev.conduit.tools.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.tool.ToolException;
import dev.conduit.tools.StandIn;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY.md T11: every internal target is refused before any connection. The stand-in listens on
 * 127.0.0.1 at a port the policy allows, and the resolver sends every name there, so only the address
 * and name checks stand between each URL and the stand-in: it must record zero requests.
 */
@Timeout(30)
class SsrfMatrixTest {
  private static final String ONLY_PUBLIC = " Only public web pages can be fetched.";
  private final MockWebServer server = StandIn.start();
  private final int port = server.getPort();
  private final Dns everythingIsLoopback = host -> List.of(InetAddress.getByName("127.0.0.1"));
  private final FetchPageTools fetch =
      new FetchPageTools(UrlPolicy.builder().allowPort(port).build(), everythingIsLoopback);

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> internalTargets() {
    return Stream.of(
        blocked("http://127.0.0.1:{port}/", "127.0.0.1 is a loopback address"),
        blocked("http://127.1:{port}/", nonStandard("127.1")),
        blocked("http://2130706433:{port}/", nonStandard("2130706433")),
        blocked("http://0177.0.0.1:{port}/", nonStandard("0177.0.0.1")),
        blocked("http://0x7f.1:{port}/", nonStandard("0x7f.1")),
        blocked("http://0x7f000001:{port}/", nonStandard("0x7f000001")),
        blocked("http://[::1]:{port}/", "::1 is a loopback address"),
        blocked("http://[::]:{port}/", ":: is the unspecified address"),
        blocked("http://[::ffff:169.254.169.254]:{port}/", "169.254.169.254 is a cloud metadata address"),
        blocked("http://[::ffff:7f00:1]:{port}/", "127.0.0.1 is a loopback address"),
        blocked("http://[64:ff9b::a9fe:a9fe]:{port}/", "64:ff9b::a9fe:a9fe is a cloud metadata address"),
        blocked("http://[64:ff9b::7f00:1]:{port}/",
            "64:ff9b::7f00:1 is a loopback address (127.0.0.1 inside an IPv6 address)"),
        blocked("http://[::7f00:1]:{port}/", "::7f00:1 is a loopback address (127.0.0.1 inside an IPv6 address)"),
        blocked("http://[2002:7f00:1::]:{port}/", "2002:7f00:1:: is a loopback address (127.0.0.1 inside an IPv6 address)"),
        blocked("http://[fd00:ec2::254]:{port}/", "fd00:ec2::254 is a cloud metadata address"),
        blocked("http://[fe80::1]:{port}/", "fe80::1 is a link-local address"),
        blocked("http://[fc00::5]:{port}/", "fc00::5 is a private (unique local) address"),
        blocked("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"),
        blocked("http://100.100.100.200/", "100.100.100.200 is a cloud metadata address"),
        blocked("http://10.1.2.3:{port}/", "10.1.2.3 is a private network address"),
        blocked("http://172.16.0.1:{port}/", "172.16.0.1 is a private network address"),
        blocked("http://192.168.1.1:{port}/", "192.168.1.1 is a private network address"),
        blocked("http://100.64.0.1:{port}/", "100.64.0.1 is a shared (carrier-grade NAT) address"),
        blocked("http://0.0.0.0:{port}/", "0.0.0.0 is a reserved \"this network\" address"),
        blocked("http://metadata.google.internal/computeMetadata/v1/", "metadata.google.internal is a cloud metadata endpoint"),
        blocked("http://metadata.google.internal:{port}/", "metadata.google.internal is a cloud metadata endpoint"),
        blocked("http://localhost:{port}/", "localhost names this machine or an internal service"),
        blocked("http://localhost.:{port}/", "localhost names this machine or an internal service"),
        blocked("http://LOCALHOST:{port}/", "localhost names this machine or an internal service"),
        blocked("http://api.svc.cluster.local:{port}/", "api.svc.cluster.local names this machine or an internal service"),
        blocked("http://host.docker.internal:{port}/", "host.docker.internal names this machine or an internal service"),
        blocked("http://public.example:{port}/", "public.example resolves to a loopback address"));
  }

  private static Arguments blocked(String url, String reason) {
    return Arguments.of(url, reason);
  }

  private static String nonStandard(String host) {
    return "its host " + host + " is an IP address in a non-standard form (a single number, octal or hex)";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("internalTargets")
  void internalTargetIsRefusedBeforeAnyConnection(String template, String reason) {
    String url = template.replace("{port}", Integer.toString(port));

    assertThatThrownBy(() -> fetch.fetchPage(url))
        .isInstanceOf(ToolException.class)
        .hasMessageStartingWith("The URL ")
        .hasMessageEndingWith(" is not allowed: " + reason + "." + ONLY_PUBLIC);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void otherSchemesAreRefused() {
    assertThatThrownBy(() -> fetch.fetchPage("file:///etc/passwd"))
        .hasMessage("Only http:// and https:// URLs can be fetched, not file:.");
    assertThatThrownBy(() -> fetch.fetchPage("jar:http://127.0.0.1:" + port + "/x.jar!/"))
        .hasMessage("Only http:// and https:// URLs can be fetched, not jar:.");
    assertThatThrownBy(() -> fetch.fetchPage("gopher://127.0.0.1:" + port + "/_GET"))
        .hasMessage("Only http:// and https:// URLs can be fetched, not gopher:.");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void userinfoAndBackslashAreRefusedEvenForAnAllowedHost() {
    FetchPageTools loopbackAllowed =
        new FetchPageTools(UrlPolicy.builder().allowHost("127.0.0.1").allowPort(port).build());

    assertThatThrownBy(() -> loopbackAllowed.fetchPage("http://user:pass@127.0.0.1:" + port + "/"))
        .hasMessage("URLs with a user name or password (user@host) are not allowed.");
    assertThatThrownBy(() -> loopbackAllowed.fetchPage("http://1.1.1.1@127.0.0.1:" + port + "/"))
        .hasMessage("URLs with a user name or password (user@host) are not allowed.");
    assertThatThrownBy(() -> loopbackAllowed.fetchPage("http://127.0.0.1:" + port + "\\@1.1.1.1/"))
        .hasMessage("The URL contains whitespace, a control character or a backslash, which is not allowed. "
            + "Percent-encode such characters (a space is %20).");
    assertThatThrownBy(() -> loopbackAllowed.fetchPage("http://127.0.0.1:" + port + "/\r\nHost: evil"))
        .hasMessageStartingWith("The URL contains whitespace, a control character or a backslash");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void portsOtherThan80And443AreRefused() {
    FetchPageTools defaults = new FetchPageTools(UrlPolicy.defaults(), everythingIsLoopback);

    assertThatThrownBy(() -> defaults.fetchPage("http://example.com:" + port + "/"))
        .hasMessage("The URL http://example.com:" + port + "/ uses port " + port + "; only ports 80 and 443 can be fetched.");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRedirectToAnInternalAddressIsRefused() {
    MockWebServer internal = StandIn.start();
    try {
      FetchPageTools loopbackAllowed = new FetchPageTools(
          UrlPolicy.builder().allowHost("127.0.0.1").allowPort(port).allowPort(internal.getPort()).build());
      server.enqueue(new MockResponse.Builder().code(302)
          .setHeader("Location", "http://169.254.169.254/latest/meta-data/iam/security-credentials/").build());
      server.enqueue(new MockResponse.Builder().code(302)
          .setHeader("Location", "http://localhost:" + internal.getPort() + "/admin").build());
      server.enqueue(new MockResponse.Builder().code(307)
          .setHeader("Location", "http://[::1]:" + internal.getPort() + "/admin").build());

      assertThatThrownBy(() -> loopbackAllowed.fetchPage(StandIn.url(server, "/a")))
          .hasMessage("The URL http://169.254.169.254/latest/meta-data/iam/security-credentials/ is not allowed: "
              + "169.254.169.254 is a cloud metadata address." + ONLY_PUBLIC);
      assertThatThrownBy(() -> loopbackAllowed.fetchPage(StandIn.url(server, "/b")))
          .hasMessage("The URL http://localhost:" + internal.getPort() + "/admin is not allowed: localhost names this "
              + "machine or an internal service." + ONLY_PUBLIC);
      assertThatThrownBy(() -> loopbackAllowed.fetchPage(StandIn.url(server, "/c")))
          .hasMessage("The URL http://[::1]:" + internal.getPort() + "/admin is not allowed: ::1 is a loopback address."
              + ONLY_PUBLIC);
      assertThat(internal.getRequestCount()).isZero();
    } finally {
      internal.close();
    }
  }

  @Test
  void rebindingToAPrivateAddressAfterAPublicAnswerIsRefusedAtConnectTime() {
    AtomicInteger lookups = new AtomicInteger();
    Dns rebinding = host -> lookups.getAndIncrement() == 0
        ? List.of(InetAddress.getByName("93.184.216.34"))
        : List.of(InetAddress.getByName("127.0.0.1"));
    FetchPageTools tools = new FetchPageTools(UrlPolicy.builder().allowPort(port).build(), rebinding);

    assertThatThrownBy(() -> tools.fetchPage("http://rebind.example:" + port + "/"))
        .hasMessage("The URL http://rebind.example:" + port + "/ is not allowed: rebind.example resolves to a loopback "
            + "address." + ONLY_PUBLIC);
    assertThat(lookups).as("checked once up front and again by the connection").hasValue(2);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anAnswerMixingPublicAndPrivateAddressesIsRefused() {
    Dns mixed = host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1"));
    FetchPageTools tools = new FetchPageTools(UrlPolicy.builder().allowPort(port).build(), mixed);

    assertThatThrownBy(() -> tools.fetchPage("http://mixed.example:" + port + "/"))
        .hasMessageEndingWith("is not allowed: mixed.example resolves to a loopback address." + ONLY_PUBLIC);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anAllowedHostThatResolvesToAMetadataAddressIsStillRefused() {
    FetchPageTools tools = new FetchPageTools(UrlPolicy.builder().allowHost("intranet.example").allowPort(port).build(),
        host -> List.of(InetAddress.getByName("169.254.169.254")));

    assertThatThrownBy(() -> tools.fetchPage("http://intranet.example:" + port + "/"))
        .hasMessageEndingWith("is not allowed: intranet.example resolves to a cloud metadata address." + ONLY_PUBLIC);
  }

  @Test
  void anUnknownHostIsAnErrorText() {
    FetchPageTools tools = new FetchPageTools(UrlPolicy.defaults(), host -> {
      throw new UnknownHostException(host);
    });

    assertThatThrownBy(() -> tools.fetchPage("https://no-such-host.example/"))
        .hasMessage("The host no-such-host.example could not be found. Check the URL.");
  }
}
